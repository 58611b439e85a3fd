import { mailerFromEnv } from '../adapters/mail.ts';
import { sendDailyDigest } from '../services/digest.ts';

const mailer = mailerFromEnv();

/**
 * Scheduled every morning (Asia/Shanghai); sends only on working days. The schedule passes the
 * time it fired for (`<aws.scheduler.scheduled-time>`; the local runtime likewise).
 */
export const handler = async (event: { scheduledTime?: string } = {}) => sendDailyDigest(mailer, event.scheduledTime);
