import { randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { config } from '../../shared/config.ts';

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
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
