import { presignUpload } from '../adapters/s3/attachments.ts';
import { publicRoute } from '../shared/http.ts';
import { uploadBody } from '../shared/schemas/uploads.ts';

/** A presigned POST for one evidence file (JPEG, PNG, PDF; at most 10 MB): the browser sends it straight to S3. */
export const handler = publicRoute({ body: uploadBody }, async ({ body }) => ({
  status: 201,
  body: await presignUpload({ contentType: body.contentType, size: body.size }),
}));
