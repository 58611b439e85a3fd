import { publicDetail } from '../services/consultations.ts';
import { publicRoute } from '../shared/http.ts';
import { consultationParams } from '../shared/schemas/consultations.ts';

/** The draft decision and, once reported, the adoption report. No sign-in; a draft is a 404. */
export const handler = publicRoute({ params: consultationParams }, async ({ params, now }) => ({ body: await publicDetail(params.id, now) }));
