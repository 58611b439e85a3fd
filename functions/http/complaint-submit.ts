import type { z } from 'zod';
import { receiveComplaint } from '../domain/index.ts';
import { receiptOf, submitCase } from '../services/cases.ts';
import { splitComplaint } from '../shared/complaint-input.ts';
import { publicRoute } from '../shared/http.ts';
import { idempotentByKey } from '../shared/idempotency.ts';
import { complaintBody } from '../shared/schemas/complaints.ts';

const submit = idempotentByKey(async (body: z.output<typeof complaintBody>) => {
  const { facts, identity } = splitComplaint(body);
  const { case: c, accessCode } = await submitCase('complaint', (ctx) => receiveComplaint(facts, ctx), identity, 'web');
  const { caseId: _id, channel: _ch, ...receipt } = receiptOf(c, accessCode);
  return receipt;
});

/** A citizen's complaint or report from the web form. */
export const handler = publicRoute({ body: complaintBody }, async ({ body, headers, context }) => ({
  status: 201,
  body: await submit(headers['idempotency-key'], body, context),
}));
