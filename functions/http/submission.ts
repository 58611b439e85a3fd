import type { z } from 'zod';
import type { CaseKind, ReporterIdentity } from '../domain/index.ts';
import { receiptOf, submitCase, type Receive } from '../services/cases.ts';
import { publicRoute } from '../shared/http.ts';
import { idempotentByKey } from '../shared/idempotency.ts';

/**
 * A citizen's submission from a web form, for any kind: validate, split facts from identity,
 * receive, answer with the receipt; an Idempotency-Key makes a retry return the first answer.
 */
export function submissionRoute<S extends z.ZodType, F>(
  kind: CaseKind,
  body: S,
  split: (input: z.output<S>) => { facts: F; identity?: ReporterIdentity },
  receive: (facts: F) => Receive<never>,
) {
  const submit = idempotentByKey(async (input: z.output<S>) => {
    const { facts, identity } = split(input);
    const { case: c, accessCode } = await submitCase(kind, receive(facts), identity, 'web');
    const { caseId: _id, channel: _ch, ...receipt } = receiptOf(c, accessCode);
    return receipt;
  });
  return publicRoute({ body }, async ({ body: input, headers, context }) => ({
    status: 201,
    body: await submit(headers['idempotency-key'], input as z.output<S>, context),
  }));
}
