import type { Mail } from './ports.ts';
import type { Unit } from './model.ts';

/** One line of the digest: a case and its most pressing deadline. No citizen identity: case facts only. */
export interface DigestItem {
  trackingNo: string;
  unit: string;
  kindLabel: string;
  deadlineLabel: string;
  dueDate: string;
  workingDaysOverdue: number;
  subject: string;
}

const line = (i: DigestItem, overdue: boolean) =>
  `- ${i.trackingNo}（${i.kindLabel}）${i.subject}：${i.deadlineLabel} ${i.dueDate}` + (overdue ? `，已逾期 ${i.workingDaysOverdue} 个工作日` : '，将于下一个工作日结束前到期');

/**
 * The working-day digest (每日督办提醒): one mail per unit with anything overdue or due within a
 * working day, to the unit's mailbox and the supervisors. A case appears once, under its most
 * pressing deadline.
 */
export function digestMails(date: string, overdue: DigestItem[], dueSoon: DigestItem[], units: Unit[], supervisors: string[], consoleUrl: string): Mail[] {
  const mails: Mail[] = [];
  for (const unit of units) {
    const late = firstPerCase(overdue.filter((i) => i.unit === unit.code));
    const soon = firstPerCase(dueSoon.filter((i) => i.unit === unit.code && !late.some((l) => l.trackingNo === i.trackingNo)));
    if (late.length === 0 && soon.length === 0) continue;
    const to = [...new Set([unit.email, ...supervisors].filter((a): a is string => !!a))];
    if (to.length === 0) continue;
    const text = [
      `${unit.name}：`,
      '',
      `截至 ${date}，本单位有 ${late.length} 件已逾期、${soon.length} 件即将到期，请及时办理。`,
      ...(late.length ? ['', '已逾期：', ...late.map((i) => line(i, true))] : []),
      ...(soon.length ? ['', '即将到期：', ...soon.map((i) => line(i, false))] : []),
      '',
      `办理平台：${consoleUrl}`,
      '',
      '本邮件由系统在每个工作日自动发送，请勿直接回复。',
      '',
    ].join('\n');
    mails.push({ to, subject: `【每日督办提醒】${unit.name} ${date}：逾期 ${late.length} 件，即将到期 ${soon.length} 件`, text });
  }
  return mails;
}

function firstPerCase(items: DigestItem[]): DigestItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.trackingNo) && seen.add(i.trackingNo));
}
