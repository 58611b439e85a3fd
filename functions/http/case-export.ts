import { attachmentLinks } from '../adapters/s3/attachments.ts';
import { canSee, NotAllowed, staffView } from '../domain/index.ts';
import { caseWithHistory, loadCase } from '../services/cases.ts';
import { staffRoute } from '../shared/http.ts';
import { logger } from '../shared/logger.ts';
import { caseIdParams } from '../shared/schemas/cases.ts';

/** Long enough to fetch every file of a case after downloading its record, short enough not to be a standing link. */
const EXPORT_LINK_SECONDS = 15 * 60;

/**
 * A case's record for the archive (归档) or a lawful hand-over: the staff view with its whole
 * ledger and every attachment (who added it with what, its malware-scan state, and a 15-minute
 * link for each file scanned clean), as one JSON download named by the tracking number. Never the
 * citizen's identity: that stays in the vault. Who exported which case is logged (ids only).
 */
export const handler = staffRoute({ route: 'GET /v1/cases/{caseId}/export', params: caseIdParams }, async ({ params, user, now }) => {
  const stored = await loadCase(params.caseId);
  if (!canSee(user, stored)) throw new NotAllowed();
  const { c, history, calendar } = await caseWithHistory(stored);
  const { allowedActions: _a, ...record } = staffView(calendar, c, history, now, []);
  const attachments = await attachmentLinks(c.attachments, EXPORT_LINK_SECONDS);
  logger.info('case exported', { caseId: c.caseId, by: user.sub, attachments: attachments.length });
  const body = { format: 'disclosure-intake/case-export@1', exportedAt: now.toISOString(), exportedBy: user.sub, linksExpireAt: new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString(), case: record, attachments };
  return {
    body: JSON.stringify(body, null, 2),
    raw: true,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="case-${c.trackingNo}.json"` },
  };
});
