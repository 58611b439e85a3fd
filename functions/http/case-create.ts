import { receiveComplaint, receiveDisclosureRequest } from '../domain/index.ts';
import { receiptOf, submitCase } from '../services/cases.ts';
import { depsWithVault } from '../services/vault-deps.ts';
import { splitComplaint } from '../shared/complaint-input.ts';
import { splitDisclosureRequest } from '../shared/disclosure-input.ts';
import { intakeKeyOf } from '../shared/idempotency.ts';
import { staffRoute } from '../shared/http.ts';
import { staffCaseBody } from '../shared/schemas/staff.ts';

/** Staff enter a case received by letter, phone, fax, e-mail or visit: a complaint, or a disclosure request. */
export const handler = staffRoute({ route: 'POST /v1/cases', body: staffCaseBody }, async ({ body, user, headers }) => {
  // A retried entry with the same Idempotency-Key (per staff member) answers with the first case.
  const intake = intakeKeyOf(headers['idempotency-key'], `staff\n${user.sub}`, body);
  const entered =
    body.kind === 'disclosure-request'
      ? (() => {
          const { kind: _k, channel, ...request } = body;
          const { facts, identity } = splitDisclosureRequest(request);
          return submitCase('disclosure-request', (ctx) => receiveDisclosureRequest(facts, ctx), identity, channel, user, depsWithVault(), intake);
        })()
      : (() => {
          const { kind: _k, channel, ...complaint } = body;
          const { facts, identity } = splitComplaint(complaint);
          return submitCase('complaint', (ctx) => receiveComplaint(facts, ctx), identity, channel, user, depsWithVault(), intake);
        })();
  const { case: c, accessCode } = await entered;
  return { status: 201, body: receiptOf(c, accessCode) };
});
