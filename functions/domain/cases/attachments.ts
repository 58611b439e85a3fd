import { Invalid } from '../errors.ts';

/** Evidence files a citizen or staff member may attach: the rule, beside the case, not in the S3 adapter. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What a case keeps of an attachment: never the file name (it may name the citizen). */
export interface AttachmentRef {
  id: string;
  contentType: AttachmentType;
  size: number;
  /** Who added it (absent on files sent with the citizen's own submission: the citizen). */
  addedBy?: 'citizen' | 'staff';
  /** The staff action it came with (`dispose`, `draft-reply`, `note`, …), or `clarification` / `intake`. */
  action?: string;
  addedAt?: string;
}

/** Whether a file's first bytes are what its declared type says (magic bytes, not the name). */
export const MAGIC: Record<AttachmentType, (b: Uint8Array) => boolean> = {
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'application/pdf': (b) => [0x25, 0x50, 0x44, 0x46, 0x2d].every((x, i) => b[i] === x),
};

/**
 * The object tag a malware scan leaves on each file: GuardDuty Malware Protection for S3 writes
 * it, and an agency scanner (China regions) writes the same one. Only `NO_THREATS_FOUND` opens a
 * file, to staff and citizen alike (the bucket policy says the same on AWS).
 */
export const SCAN_STATUS_TAG = 'GuardDutyMalwareScanStatus';
export const SCAN_CLEAN = 'NO_THREATS_FOUND';

/** What the views say of a file's scan: `clean` (openable), `pending` (not scanned yet), `threat`, `failed` (unsupported, access denied, failed). */
export type ScanState = 'clean' | 'pending' | 'threat' | 'failed';

export function scanState(tag: string | undefined): ScanState {
  if (tag === undefined) return 'pending';
  if (tag === SCAN_CLEAN) return 'clean';
  return tag === 'THREATS_FOUND' ? 'threat' : 'failed';
}

/** Files a case may gather over its life: the submission's 5, answers, staff documents. */
export const MAX_ATTACHMENTS_PER_CASE = 30;

/**
 * Staff documents the citizen sees on the tracking page: those sent with a decision the citizen
 * is told of. A disclosure reply's documents only once the reply went out (approved); notes,
 * reviews, consultations of third parties and the like stay inside.
 */
const CITIZEN_FACING: Record<string, (status: string) => boolean> = {
  intake: () => true,
  dispose: () => true,
  reject: () => true,
  'request-clarification': () => true,
  'draft-reply': (status) => status === 'replied' || status === 'closed',
};

export function citizenMaySee(c: { status: string }, ref: AttachmentRef): boolean {
  if (ref.addedBy !== 'staff') return true;
  return CITIZEN_FACING[ref.action ?? '']?.(c.status) ?? false;
}

/** Adds checked files to a case's next version, marked with who added them and with what. */
export function attach<C extends { attachments?: AttachmentRef[] }>(
  next: C,
  refs: readonly AttachmentRef[],
  from: { by: 'citizen' | 'staff'; action: string; at: string },
): C {
  if (!refs.length) return next;
  const known = new Set((next.attachments ?? []).map((a) => a.id));
  const added = refs.filter((r) => !known.has(r.id)).map((r) => ({ ...r, addedBy: from.by, action: from.action, addedAt: from.at }));
  const all = [...(next.attachments ?? []), ...added];
  if (all.length > MAX_ATTACHMENTS_PER_CASE) {
    throw new Invalid('attachments', `一件最多 ${MAX_ATTACHMENTS_PER_CASE} 个附件`, `A case takes at most ${MAX_ATTACHMENTS_PER_CASE} files`);
  }
  return { ...next, attachments: all };
}
