import { receiveComplaint, receiveDisclosureRequest } from '../domain/index.ts';
import { receiptOf, submitCase } from '../services/cases.ts';
import { depsWithVault } from '../services/vault-deps.ts';
import { splitComplaint } from '../shared/complaint-input.ts';
import { splitDisclosureRequest } from '../shared/disclosure-input.ts';
import { intakeKeyOf } from '../shared/idempotency.ts';
import { staffRoute } from '../shared/http.ts';
import { staffCaseBody } from '../shared/schemas/staff.ts';
import { checkAttachments, withIntakeAttachments } from './check-attachments.ts';

/** Staff enter a case received by letter, phone, fax, e-mail or visit: a complaint, or a disclosure request. */
export const handler = staffRoute({ route: 'POST /v1/cases', body: staffCaseBody }, async ({ body, user, headers }) => {
  // A retried entry with the same Idempotency-Key (per staff member) answers with the first case.
  const intake = intakeKeyOf(headers['idempotency-key'], `staff\n${user.sub}`, body);
  // Documents that came with the letter, fax or visit: uploaded by staff, checked like a citizen's.
  const files = await checkAttachments(body.attachments);
  const entered =
    body.kind === 'disclosure-request'
      ? (() => {
          const { kind: _k, channel, ...request } = body;
          const { facts, identity } = splitDisclosureRequest(request);
          return submitCase('disclosure-request', withIntakeAttachments((ctx) => receiveDisclosureRequest(facts, ctx), files, 'staff'), identity, channel, user, depsWithVault(), intake);
        })()
      : (() => {
          const { kind: _k, channel, ...complaint } = body;
          const { facts, identity } = splitComplaint(complaint);
          return submitCase('complaint', withIntakeAttachments((ctx) => receiveComplaint(facts, ctx), files, 'staff'), identity, channel, user, depsWithVault(), intake);
        })();
  const { case: c, accessCode } = await entered;
  return { status: 201, body: receiptOf(c, accessCode) };
});
