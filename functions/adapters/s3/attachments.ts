import { randomUUID } from 'node:crypto';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { ATTACHMENT_TYPES, MAGIC, type AttachmentRef, type AttachmentType } from '../../domain/cases/attachments.ts';
import { config } from '../../shared/config.ts';

export type { AttachmentRef };

/** How long the browser has to send the file after asking. */
const UPLOAD_WINDOW_S = 600;

let client: S3Client | undefined;
/** AWS_ENDPOINT_URL_S3 points the client at the local stand-in, which wants path-style URLs. */
export const s3 = () => (client ??= new S3Client({ forcePathStyle: config.s3PathStyle }));

export const uploadKey = (uploadId: string) => `uploads/${uploadId}`;

/**
 * A presigned POST for one file straight to the private bucket: the key, the declared type and
 * at most the declared size are conditions S3 enforces; the API never sees the bytes. The bucket
 * encrypts with its customer-managed key (bucket default, SSE-KMS).
 */
export async function presignUpload(input: { contentType: AttachmentType; size: number }) {
  const uploadId = randomUUID();
  const { url, fields } = await createPresignedPost(s3(), {
    Bucket: config.attachmentsBucket,
    Key: uploadKey(uploadId),
    Conditions: [
      ['eq', '$Content-Type', input.contentType],
      ['content-length-range', 1, input.size],
    ],
    Fields: { 'Content-Type': input.contentType },
    Expires: UPLOAD_WINDOW_S,
  });
  return { uploadId, url, fields };
}


/**
 * Checks uploaded files before a case refers to them: the object exists, and its first bytes are
 * what its declared type says (magic bytes, not the name). Returns, per id, the reference or why not.
 */
export async function inspectUpload(uploadId: string): Promise<AttachmentRef | 'missing' | 'wrong-type'> {
  let head: Buffer;
  let contentType: string | undefined;
  let size: number;
  try {
    const res = await s3().send(new GetObjectCommand({ Bucket: config.attachmentsBucket, Key: uploadKey(uploadId), Range: 'bytes=0-15' }));
    head = Buffer.from(await res.Body!.transformToByteArray());
    contentType = res.ContentType;
    size = Number(/\/(\d+)$/.exec(res.ContentRange ?? '')?.[1] ?? res.ContentLength ?? 0);
  } catch (err) {
    if ((err as Error).name === 'NoSuchKey' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return 'missing';
    throw err;
  }
  const type = ATTACHMENT_TYPES.find((t) => t === contentType);
  if (!type || !MAGIC[type](head)) return 'wrong-type';
  return { id: uploadId, contentType: type, size };
}

/** Short-lived download links (5 minutes) for those allowed to see the case. */
export async function attachmentLinks(refs: readonly AttachmentRef[] | undefined) {
  return Promise.all(
    (refs ?? []).map(async (r) => ({
      id: r.id,
      contentType: r.contentType,
      size: r.size,
      url: await getSignedUrl(s3(), new GetObjectCommand({ Bucket: config.attachmentsBucket, Key: uploadKey(r.id) }), { expiresIn: 300 }),
    })),
  );
}
