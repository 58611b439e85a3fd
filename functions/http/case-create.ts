import { toShanghaiIso } from '../domain/calendar/index.ts';
import { deadlineDates, isProvisional } from '../domain/cases/index.ts';
import { submitComplaint } from '../services/complaints.ts';
import { requireGroup } from '../shared/auth.ts';
import { splitComplaint } from '../shared/complaint-input.ts';
import { staffRoute } from '../shared/http.ts';
import { staffComplaintBody } from '../shared/schemas/complaints.ts';

/** Staff enter a complaint received by letter, phone, fax, e-mail or visit. */
export const handler = staffRoute({ body: staffComplaintBody }, async ({ body, user }) => {
  requireGroup(user, 'handler', 'supervisor', 'admin');
  const { channel, ...complaint } = body;
  const { facts, identity } = splitComplaint(complaint);
  const { case: c, accessCode } = await submitComplaint(facts, identity, channel, user);
  return {
    status: 201,
    body: {
      caseId: c.caseId,
      trackingNo: c.trackingNo,
      accessCode,
      kind: c.kind,
      status: c.status,
      channel: c.channel,
      receivedAt: toShanghaiIso(c.receivedAt),
      deadlines: deadlineDates(c),
      provisional: isProvisional(c),
    },
  };
});
