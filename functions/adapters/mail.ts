import type { Mailer } from '../domain/cases/ports.ts';
import { SesMailer } from './ses/mailer.ts';
import { SmtpMailer } from './smtp/mailer.ts';

/**
 * The Mailer of this deployment, chosen by MAIL_TRANSPORT: `ses` (default: global profile, and
 * the local SES stand-in) or `smtp` (China profile: the agency's relay, credentials in Secrets
 * Manager, see smtp/mailer.ts). Anything else is a deployment mistake and fails at start.
 */
export function mailerFromEnv(env: Record<string, string | undefined> = process.env): Mailer {
  const transport = env.MAIL_TRANSPORT ?? 'ses';
  if (transport === 'ses') return new SesMailer();
  if (transport === 'smtp') return new SmtpMailer();
  throw new Error(`MAIL_TRANSPORT must be ses or smtp, not ${transport}`);
}
