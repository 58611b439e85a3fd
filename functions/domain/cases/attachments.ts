/** Evidence files a citizen or staff member may attach: the rule, beside the case, not in the S3 adapter. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What a case keeps of an attachment: never the file name (it may name the citizen). */
export interface AttachmentRef {
  id: string;
  contentType: AttachmentType;
  size: number;
}

/** Whether a file's first bytes are what its declared type says (magic bytes, not the name). */
export const MAGIC: Record<AttachmentType, (b: Uint8Array) => boolean> = {
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'application/pdf': (b) => [0x25, 0x50, 0x44, 0x46, 0x2d].every((x, i) => b[i] === x),
};
