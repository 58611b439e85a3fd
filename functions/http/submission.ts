import type { z } from 'zod';
import { inspectUpload, type AttachmentRef } from '../adapters/s3/attachments.ts';
import { Invalid, type CaseKind, type CaseRecord, type ReporterIdentity } from '../domain/index.ts';
import { receiptOf, submitCase, type Receive } from '../services/cases.ts';
import { publicRoute } from '../shared/http.ts';
import { intakeKeyOf } from '../shared/idempotency.ts';

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
    const attachments = await checkAttachments((input as { attachments?: string[] }).attachments ?? []);
    const received = receive(facts);
    // The page's language (the web client says it in Accept-Language): the citizen's notices are written in it.
    const language = /^en\b/i.test(headers['accept-language'] ?? '') ? 'en' : undefined;
    const withAttachments: Receive<never> = (ctx) => {
      const change = received(ctx);
      if (attachments.length) (change.next as CaseRecord).attachments = attachments;
      if (language) (change.next as CaseRecord).language = language;
      return change;
    };
    const { case: c, accessCode } = await submitCase(kind, withAttachments, identity, 'web', undefined, undefined, intake);
    const { caseId: _id, channel: _ch, ...receipt } = receiptOf(c, accessCode);
    return { status: 201, body: receipt };
  });
}

/** Every listed upload must be there and be what its type says (magic bytes); 400 naming the first that is not. */
async function checkAttachments(ids: string[]): Promise<AttachmentRef[]> {
  const unique = [...new Set(ids)];
  const results = await Promise.all(unique.map(inspectUpload));
  return results.map((r, i) => {
    const path = `attachments.${i}`;
    if (r === 'missing') throw new Invalid(path, '附件未上传成功，请重新上传', 'The file was not uploaded; upload it again');
    if (r === 'wrong-type') throw new Invalid(path, '文件内容与类型不符（只接受 JPEG、PNG 图片或 PDF）', 'The file is not the JPEG, PNG or PDF it claims to be');
    return r;
  });
}
