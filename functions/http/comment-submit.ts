import { receiptOf } from '../services/cases.ts';
import { submitComment } from '../services/consultations.ts';
import { publicRoute } from '../shared/http.ts';
import { idempotentByKey } from '../shared/idempotency.ts';
import { commentBody, consultationParams } from '../shared/schemas/consultations.ts';
import type { z } from 'zod';

type Input = { id: string; comment: z.output<typeof commentBody> };

/** The commenter's name and e-mail go to the vault; the name stays on the comment only with consent to publish it. */
const submit = idempotentByKey(async ({ id, comment }: Input) => {
  const { text, anonymous, publicityConsent } = comment;
  const named = 'name' in comment ? comment : undefined;
  const identity = named && (named.name || named.email) ? { ...(named.name ? { name: named.name } : {}), ...(named.email ? { email: named.email } : {}) } : undefined;
  const facts = { text, anonymous, publicityConsent, ...(publicityConsent && named?.name ? { publicName: named.name } : {}) };
  const { case: c, accessCode } = await submitComment(id, facts, identity);
  const { caseId: _id, channel: _ch, ...receipt } = receiptOf(c, accessCode);
  return receipt;
});

/** A comment on an open consultation (409 before opening and after closing); followed at /v1/track/{trackingNo}. */
export const handler = publicRoute({ params: consultationParams, body: commentBody }, async ({ params, body, headers, context }) => ({
  status: 201,
  body: await submit(headers['idempotency-key'], { id: params.id, comment: body }, context),
}));
