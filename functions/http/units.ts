import { publicRoute } from '../shared/http.ts';
import { units } from '../shared/units.ts';

/** The configured units (codes and Chinese names); mailboxes are not published. */
export const handler = publicRoute({}, async () => ({ body: { items: units().map(({ code, name }) => ({ code, name })) } }));
