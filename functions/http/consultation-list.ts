import { publicList } from '../services/consultations.ts';
import { publicRoute } from '../shared/http.ts';

/** Approved consultations, upcoming, open, closed and reported; drafts never. No sign-in. */
export const handler = publicRoute({}, async ({ now }) => ({ body: await publicList(now) }));
