import type { z } from 'zod';
import { receiveDisclosureRequest } from '../domain/index.ts';
import { receiptOf, submitCase } from '../services/cases.ts';
import { splitDisclosureRequest } from '../shared/disclosure-input.ts';
import { publicRoute } from '../shared/http.ts';
import { idempotentByKey } from '../shared/idempotency.ts';
import { disclosureRequestBody } from '../shared/schemas/disclosure.ts';

const submit = idempotentByKey(async (body: z.output<typeof disclosureRequestBody>) => {
  const { facts, identity } = splitDisclosureRequest(body);
  const { case: c, accessCode } = await submitCase('disclosure-request', (ctx) => receiveDisclosureRequest(facts, ctx), identity, 'web');
  const { caseId: _id, channel: _ch, ...receipt } = receiptOf(c, accessCode);
  return receipt;
});

/** A disclosure request (依申请公开) from the web form. */
export const handler = publicRoute({ body: disclosureRequestBody }, async ({ body, headers, context }) => ({
  status: 201,
  body: await submit(headers['idempotency-key'], body, context),
}));
