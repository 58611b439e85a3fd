import { deadlineDates, isProvisional } from '../domain/cases/index.ts';
import { submitComplaint } from '../services/complaints.ts';
import { splitComplaint } from '../shared/complaint-input.ts';
import { publicRoute } from '../shared/http.ts';
import { idempotentByKey } from '../shared/idempotency.ts';
import { toShanghaiIso } from '../domain/calendar/index.ts';
import { complaintBody } from '../shared/schemas/complaints.ts';
import type { z } from 'zod';

const submit = idempotentByKey(async (body: z.output<typeof complaintBody>) => {
  const { facts, identity } = splitComplaint(body);
  const { case: c, accessCode } = await submitComplaint(facts, identity, 'web');
  return {
    trackingNo: c.trackingNo,
    accessCode,
    kind: c.kind,
    status: c.status,
    receivedAt: toShanghaiIso(c.receivedAt),
    deadlines: deadlineDates(c),
    provisional: isProvisional(c),
  };
});

/** A citizen's complaint or report from the web form. */
export const handler = publicRoute({ body: complaintBody }, async ({ body, headers, context }) => ({
  status: 201,
  body: await submit(headers['idempotency-key'], body, context),
}));
