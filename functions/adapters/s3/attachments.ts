import { randomUUID } from 'node:crypto';
import { GetObjectCommand, GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { ATTACHMENT_TYPES, MAGIC, SCAN_STATUS_TAG, scanState, type AttachmentRef, type AttachmentType, type ScanState } from '../../domain/cases/attachments.ts';
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


/** The malware scan's verdict on one file, from its object tag (GuardDuty, or the agency's scanner). */
export async function scanOf(uploadId: string): Promise<ScanState> {
  const { TagSet } = await s3().send(new GetObjectTaggingCommand({ Bucket: config.attachmentsBucket, Key: uploadKey(uploadId) }));
  return scanState(TagSet?.find((t) => t.Key === SCAN_STATUS_TAG)?.Value);
}

const isMissing = (err: unknown) =>
  (err as Error).name === 'NoSuchKey' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/**
 * Checks uploaded files before a case refers to them: the object exists, its first bytes are
 * what its declared type says (magic bytes, not the name), and no scan has found a threat in it
 * yet (the scan usually ends after submission; until it passes, nobody can open the file).
 */
export async function inspectUpload(uploadId: string): Promise<AttachmentRef | 'missing' | 'wrong-type' | 'threat'> {
  let head: Buffer;
  let contentType: string | undefined;
  let size: number;
  let scan: ScanState;
  try {
    const [res, scanned] = await Promise.all([
      s3().send(new GetObjectCommand({ Bucket: config.attachmentsBucket, Key: uploadKey(uploadId), Range: 'bytes=0-15' })),
      scanOf(uploadId),
    ]);
    head = Buffer.from(await res.Body!.transformToByteArray());
    contentType = res.ContentType;
    size = Number(/\/(\d+)$/.exec(res.ContentRange ?? '')?.[1] ?? res.ContentLength ?? 0);
    scan = scanned;
  } catch (err) {
    if (isMissing(err)) return 'missing';
    throw err;
  }
  const type = ATTACHMENT_TYPES.find((t) => t === contentType);
  if (!type || !MAGIC[type](head)) return 'wrong-type';
  if (scan === 'threat') return 'threat';
  return { id: uploadId, contentType: type, size };
}

/**
 * Short-lived download links (5 minutes) for those allowed to see the case, only for files the
 * malware scan passed: the others are listed with their scan state and no link (the bucket
 * policy would refuse the link anyway).
 */
export async function attachmentLinks(refs: readonly AttachmentRef[] | undefined, expiresIn = 300) {
  return Promise.all(
    (refs ?? []).map(async (r) => {
      const scan = await scanOf(r.id).catch((err: unknown) => (isMissing(err) ? ('failed' as const) : Promise.reject(err)));
      const url =
        scan === 'clean'
          ? await getSignedUrl(s3(), new GetObjectCommand({ Bucket: config.attachmentsBucket, Key: uploadKey(r.id) }), { expiresIn })
          : undefined;
      return { ...r, scan, ...(url ? { url } : {}) };
    }),
  );
}
