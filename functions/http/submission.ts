import type { z } from 'zod';
import { type CaseKind, type CaseRecord, type ReporterIdentity } from '../domain/index.ts';
import { receiptOf, submitCase, type Receive } from '../services/cases.ts';
import { depsWithVault } from '../services/vault-deps.ts';
import { publicRoute } from '../shared/http.ts';
import { intakeKeyOf } from '../shared/idempotency.ts';
import { checkAttachments, withIntakeAttachments } from './check-attachments.ts';

/**
 * A citizen's submission from a web form, for any kind: validate, split facts from identity,
 * receive, answer with the receipt. An Idempotency-Key keys the case itself, so a retry answers
 * with the case the first attempt made (without the access code, shown only once) instead of a
 * second case.
 */
export function submissionRoute<S extends z.ZodType, F>(
  kind: CaseKind,
  body: S,
  split: (input: z.output<S>) => { facts: F; identity?: ReporterIdentity },
  receive: (facts: F) => Receive<never>,
) {
  return publicRoute({ body }, async ({ body: input, headers }) => {
    const intake = intakeKeyOf(headers['idempotency-key'], `web
${kind}`, input);
    const { facts, identity } = split(input as z.output<S>);
    const attachments = await checkAttachments((input as { attachments?: string[] }).attachments);
    const received = receive(facts);
    // The page's language (the web client says it in Accept-Language): the citizen's notices are written in it.
    const language = /^en\b/i.test(headers['accept-language'] ?? '') ? 'en' : undefined;
    const withAttachments = withIntakeAttachments(received, attachments, 'citizen');
    const withLanguage: Receive<never> = (ctx) => {
      const change = withAttachments(ctx);
      if (language) (change.next as CaseRecord).language = language;
      return change;
    };
    const { case: c, accessCode } = await submitCase(kind, withLanguage, identity, 'web', undefined, depsWithVault(), intake);
    const { caseId: _id, channel: _ch, ...receipt } = receiptOf(c, accessCode);
    return { status: 201, body: receipt };
  });
}
