import { workingDaysBetween } from '../../../functions/domain/calendar/deadline.ts';
import { WorkingCalendar } from '../../../functions/domain/calendar/working-calendar.ts';
import type { YearSchedule } from '../../../functions/domain/calendar/year-schedule.ts';
import { call } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { session } from './session.ts';

// The server's own calendar code with the packaged State Council schedules.
let calendar = new WorkingCalendar();

/** Schedules an admin loaded on top of the packaged ones (GET /v1/admin/calendars/{year}). */
export async function loadCalendarOverrides(now: Date): Promise<void> {
  if (!session()?.user) return;
  const year = now.getUTCFullYear();
  const answers = await Promise.allSettled(
    [year, year + 1].map((y) => call<YearSchedule & { source: string }>('GET', `/v1/admin/calendars/${y}`, { staff: true })),
  );
  const overrides = answers.flatMap((a) => (a.status === 'fulfilled' && a.value.source === 'override' ? [a.value] : []));
  if (overrides.length) calendar = new WorkingCalendar(overrides);
}

/** "3 working days left", "due today", "2 working days overdue" for a due time. */
export function dueText(dueAt: string, overdue: boolean, now: Date): { text: string; tone: 'bad' | 'warn' | 'open' } {
  if (overdue) {
    const n = workingDaysBetween(calendar, dueAt, now);
    if (n === 0) return { text: t('已逾期', 'Overdue'), tone: 'bad' };
    return { text: t(`已逾期 ${n} 个工作日`, `${n} working day${n === 1 ? '' : 's'} overdue`), tone: 'bad' };
  }
  const left = workingDaysBetween(calendar, now, dueAt);
  if (left === 0) return { text: t('今天到期', 'Due today'), tone: 'warn' };
  return { text: t(`剩余 ${left} 个工作日`, `${left} working day${left === 1 ? '' : 's'} left`), tone: left <= 1 ? 'warn' : 'open' };
}
