import { receiptOf } from '../services/cases.ts';
import { submitComment } from '../services/consultations.ts';
import { depsWithVault } from '../services/vault-deps.ts';
import { publicRoute } from '../shared/http.ts';
import { intakeKeyOf } from '../shared/idempotency.ts';
import { commentBody, consultationParams } from '../shared/schemas/consultations.ts';

/**
 * A comment on an open consultation (409 before opening and after closing); followed at
 * /v1/track/{trackingNo}. The commenter's name and e-mail go to the vault; the name stays on the
 * comment only with consent to publish it. An Idempotency-Key keys the comment itself.
 */
export const handler = publicRoute({ params: consultationParams, body: commentBody }, async ({ params, body: comment, headers }) => {
  const intake = intakeKeyOf(headers['idempotency-key'], `web\ncomment\n${params.id}`, comment);
  const { text, anonymous, publicityConsent } = comment;
  const named = 'name' in comment ? comment : undefined;
  const identity = named && (named.name || named.email) ? { ...(named.name ? { name: named.name } : {}), ...(named.email ? { email: named.email } : {}) } : undefined;
  const facts = { text, anonymous, publicityConsent, ...(publicityConsent && named?.name ? { publicName: named.name } : {}) };
  const { case: c, accessCode } = await submitComment(params.id, facts, identity, intake, depsWithVault());
  const { caseId: _id, channel: _ch, ...receipt } = receiptOf(c, accessCode);
  return { status: 201, body: receipt };
});
