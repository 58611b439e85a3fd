import { presignUpload } from '../adapters/s3/attachments.ts';
import { config } from '../shared/config.ts';
import { publicRoute } from '../shared/http.ts';
import { attachmentsOff } from './check-attachments.ts';
import { uploadBody } from '../shared/schemas/uploads.ts';

/** A presigned POST for one evidence file (JPEG, PNG, PDF; at most 10 MB): the browser sends it straight to S3. */
export const handler = publicRoute({ body: uploadBody }, async ({ body }) => {
  // No scanner in this deployment (ATTACHMENT_SCAN=off): no file could ever be opened.
  if (!config.attachmentsEnabled) throw attachmentsOff();
  return { status: 201, body: await presignUpload({ contentType: body.contentType, size: body.size }) };
});
