import { inspectUpload, type AttachmentRef } from '../adapters/s3/attachments.ts';
import { attach, Conflict, Invalid, type CaseRecord } from '../domain/index.ts';
import type { Receive } from '../services/cases.ts';
import { config } from '../shared/config.ts';

/**
 * Every listed upload must be there, be what its type says (magic bytes) and not have been found
 * infected; 400 naming the first that is not (`<path>.<i>`). Used wherever files join a case:
 * citizen submissions, staff entry, clarification answers and staff actions.
 */
export async function checkAttachments(ids: readonly string[] | undefined, path = 'attachments'): Promise<AttachmentRef[]> {
  if (!ids?.length) return [];
  if (!config.attachmentsEnabled) throw attachmentsOff();
  const unique = [...new Set(ids)];
  const results = await Promise.all(unique.map(inspectUpload));
  return results.map((r, i) => {
    const at = `${path}.${i}`;
    if (r === 'missing') throw new Invalid(at, '附件未上传成功，请重新上传', 'The file was not uploaded; upload it again');
    if (r === 'wrong-type') throw new Invalid(at, '文件内容与类型不符（只接受 JPEG、PNG 图片或 PDF）', 'The file is not the JPEG, PNG or PDF it claims to be');
    if (r === 'threat') throw new Invalid(at, '文件未通过安全检查，请勿上传', 'The file failed the malware scan');
    return r;
  });
}

/** This deployment takes no files (ATTACHMENT_SCAN=off: no scanner in the region). */
export const attachmentsOff = () => new Conflict('本系统暂不接收附件，请在文字中说明', 'This service does not accept files; describe the evidence in the text');

/**
 * A receipt that also records the checked files as the case's own evidence (`intake`). The
 * submitted body's upload ids never reach the case: only checked references do.
 */
export function withIntakeAttachments<C extends CaseRecord>(received: Receive<C>, refs: AttachmentRef[], by: 'citizen' | 'staff'): Receive<C> {
  return (ctx) => {
    const change = received(ctx);
    const next = { ...change.next, attachments: undefined };
    return { ...change, next: attach(next, refs, { by, action: 'intake', at: ctx.now.toISOString() }) };
  };
}
