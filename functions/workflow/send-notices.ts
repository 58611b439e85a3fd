import { DynamoCaseRepository } from '../adapters/dynamodb/case-store.ts';
import { mailerFromEnv } from '../adapters/mail.ts';
import { smsFromEnv } from '../adapters/sms.ts';
import { EncryptedReporterVault } from '../adapters/vault/reporter-vault.ts';
import { deliverPendingNotices } from '../notices/deliver.ts';
import { config } from '../shared/config.ts';
import { units } from '../shared/units.ts';

const repo = new DynamoCaseRepository();
const vault = new EncryptedReporterVault();
const mailer = mailerFromEnv();
const sms = smsFromEnv();

/** Step Functions task: send the case's pending notices (retried by the state machine on failure). */
export const handler = async (event: { caseId: string }) =>
  deliverPendingNotices(event.caseId, { repo, vault, mailer, sms, units: units(), supervisorEmails: config.supervisorEmails });
