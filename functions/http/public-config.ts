import { publicRoute } from '../shared/http.ts';
import { config } from '../shared/config.ts';

/**
 * What the citizen forms need to know of this deployment: whether a phone alone lets us reach
 * them (SMS), and whether files can be attached (not where no malware scanner runs).
 */
export const handler = publicRoute({}, async () => ({ body: { sms: config.smsEnabled, attachments: config.attachmentsEnabled } }));
