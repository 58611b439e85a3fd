import { DynamoJobLog } from '../adapters/dynamodb/job-log.ts';
import { shanghaiDate } from '../domain/calendar/index.ts';
import { digestMails, type DigestItem, type Mailer } from '../domain/index.ts';
import { kindOf } from '../domain/kinds.ts';
import { config } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';
import { overdueView } from './queries.ts';

type ViewItem = Awaited<ReturnType<typeof overdueView>>['overdue'][number];

const item = (i: ViewItem, dueDate: string): DigestItem => ({
  trackingNo: i.trackingNo,
  unit: i.unit,
  kindLabel: kindOf(i.kind).label.zh,
  deadlineLabel: i.deadlineLabel.zh,
  dueDate,
  workingDaysOverdue: i.workingDaysOverdue,
  subject: i.subject,
});

/**
 * The working-day digest: on a working day (official calendar, make-up days included) each unit
 * with overdue or due-soon cases and the supervisors get one mail; on days off, nothing. Once a
 * day however often the schedule fires.
 */
export async function sendDailyDigest(mailer: Mailer, scheduledAt?: string, deps: ServiceDeps = defaultDeps(), log = new DynamoJobLog()) {
  // The morning it was scheduled for, not when it ran: a late or replayed run reports that day.
  const now = scheduledAt ? new Date(scheduledAt) : deps.now();
  const date = shanghaiDate(now);
  const calendar = await deps.calendar();
  if (!calendar.isWorkingDay(date)) return { date, sent: 0, reason: 'not a working day' };
  if (!(await log.claim('daily-digest', date))) return { date, sent: 0, reason: 'already sent' };
  const view = await overdueView(now, deps);
  const asItems = (rows: ViewItem[]) => rows.map((r) => item(r, shanghaiDate(r.dueAt)));
  const mails = digestMails(date, asItems(view.overdue), asItems(view.dueSoon), deps.units(), config.supervisorEmails, `${config.publicBaseUrl.replace(/\/+$/, '')}/console/supervision`);
  for (const mail of mails) await mailer.send(mail);
  logger.info('daily digest sent', { date, mails: mails.length });
  return { date, sent: mails.length };
}
