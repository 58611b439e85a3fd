import { publicRoute } from '../shared/http.ts';
import { units } from '../shared/units.ts';

/** The configured units (codes, Chinese and English names); mailboxes are not published. */
export const handler = publicRoute({}, async () => ({ body: { items: units().map(({ code, name, nameEn }) => ({ code, name, nameEn: nameEn ?? name })) } }));
