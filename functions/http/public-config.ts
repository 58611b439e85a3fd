import { publicRoute } from '../shared/http.ts';
import { publicAgency } from '../shared/agency.ts';
import { config } from '../shared/config.ts';

/**
 * What the citizen pages need to know of this deployment: whether a phone alone lets us reach
 * them (SMS), whether files can be attached (not where no malware scanner runs), and the agency's
 * name, hotline, office hours and privacy notice for the start page.
 */
export const handler = publicRoute({}, async () => ({
  body: { sms: config.smsEnabled, attachments: config.attachmentsEnabled, agency: publicAgency() },
}));
