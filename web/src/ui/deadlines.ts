import { h, type ComponentChildren } from 'preact';
import { formatCivilDate } from '../lib/format.ts';
import { t, tr } from '../lib/i18n.ts';
import { deadlineLabel } from '../lib/labels.ts';

export interface DeadlineLike {
  name: string;
  dueAt: string;
  dueDate: string;
  workingDays: number;
  state: string;
  overdue: boolean;
  late?: boolean;
  provisional: boolean;
  escalated: boolean;
  /** The clock is stopped (a clarification or a third party awaited). */
  suspended?: boolean;
  explanation?: { text: { zh: string; en: string } };
}

function stateText(d: DeadlineLike): { text: string; tone: string } {
  const due = formatCivilDate(d.dueDate);
  if (d.state === 'open' && d.suspended) return { text: t('暂停计时', 'Clock stopped'), tone: 'muted' };
  if (d.state === 'open' && d.overdue) return { text: t(`已逾期：应于 ${due} 前完成`, `Overdue: was due by ${due}`), tone: 'bad' };
  if (d.state === 'open') return { text: t(`进行中：${due} 前完成`, `Open: due by ${due}`), tone: 'open' };
  if (d.state === 'met' && d.late) return { text: t(`已完成（超过期限 ${due}）`, `Done, after the ${due} deadline`), tone: 'warn' };
  if (d.state === 'met') return { text: t(`已按期完成（期限 ${due}）`, `Done on time (due ${due})`), tone: 'ok' };
  return { text: t('不再适用', 'No longer applies'), tone: 'muted' };
}

/** Each deadline with its state in words; `extra` adds a line (the console's working days left). */
export function DeadlineList({ kind, items, extra }: { kind: string; items: DeadlineLike[]; extra?: (d: DeadlineLike) => ComponentChildren }) {
  const sorted = [...items].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return h(
    'ul',
    { class: 'deadlines' },
    sorted.map((d) => {
      const s = stateText(d);
      return h(
        'li',
        { key: d.name, class: `deadline tone-${s.tone}` },
        h('p', { class: 'deadline-name' }, t(`${deadlineLabel(kind, d.name)}（${d.workingDays} 个工作日）`, `${deadlineLabel(kind, d.name)} (${d.workingDays} working days)`)),
        h('p', { class: 'deadline-state' }, s.text),
        extra?.(d),
        d.escalated ? h('p', { class: 'flag flag-bad' }, t('已逾期，已提交上级督办', 'Overdue: escalated to the supervisor')) : null,
        d.provisional ? h('p', { class: 'hint' }, t('期限为暂定：该年度节假日安排尚未公布。', 'Provisional: the holiday schedule for that year is not published yet.')) : null,
        d.suspended && d.state === 'open'
          ? h('p', { class: 'hint' }, t('暂停期间不计入期限，恢复计时后重新确定到期日。', 'The paused time is not counted; the date is set again when the clock restarts.'))
          : null,
        d.explanation && d.state !== 'void'
          ? h('details', { class: 'explain' }, h('summary', null, t('这个期限是怎么计算的？', 'How was this date worked out?')), h('p', null, tr(d.explanation.text)))
          : null,
      );
    }),
  );
}
