import { h } from 'preact';
import { call } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/hooks.ts';
import { colon, t } from '../lib/i18n.ts';
import { deadlineLabel, deadlineOfKey, kindLabel, statusLabel } from '../lib/labels.ts';
import { Link, navigate, useLocation } from '../lib/router.ts';
import type { CaseRow } from '../lib/types.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { Title } from '../ui/layout.ts';
import { serverNow, syncClock } from './clock.ts';
import { isSupervisor, session } from './session.ts';
import { unitName, useUnits } from './units.ts';
import { dueText, loadCalendarOverrides } from './working-days.ts';

/** Which deadline `nextDueAt` is, by the names the case's kind defines (`replyDue` → `reply`). */
function nextDeadline(row: CaseRow): string | undefined {
  const hit = Object.entries(row.deadlines).find(([, at]) => at === row.nextDueAt);
  return hit ? deadlineOfKey(row.kind, hit[0]) : undefined;
}

/** The line that says what a case is about: a complaint's subject, a request's description. */
const about = (row: CaseRow) => row.subject ?? row.description ?? '';

async function loadQueue(queue: string): Promise<{ items: CaseRow[]; now: Date }> {
  await syncClock();
  const now = serverNow();
  const [list] = await Promise.all([call<{ items: CaseRow[] }>('GET', `/v1/cases?queue=${queue}`, { staff: true }), loadCalendarOverrides(now)]);
  // Nearest deadline first, cases with nothing open last. Compared as instants: localeCompare
  // would sort a '~' placeholder before digits.
  const due = (r: CaseRow) => (r.nextDueAt ? Date.parse(r.nextDueAt) : Infinity);
  const items = [...list.items].sort((a, b) => due(a) - due(b) || Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
  return { items, now };
}

function Row({ row, now, unit }: { row: CaseRow; now: Date; unit: string }) {
  const name = nextDeadline(row);
  const due = row.nextDueAt ? dueText(row.nextDueAt, row.overdue, now) : undefined;
  return h(
    'li',
    { class: `case-row ${row.overdue ? 'is-overdue' : ''}` },
    h(
      Link,
      { href: `/console/cases/${row.caseId}`, class: 'row-link' },
      h(
        'span',
        { class: 'row-top' },
        h('span', { class: 'mono' }, row.trackingNo),
        h('span', { class: `kind kind-${row.kind}` }, kindLabel(row.kind)),
        h('span', { class: `status status-${row.status}` }, statusLabel(row.kind, row.status)),
      ),
      h('span', { class: 'row-subject' }, about(row)),
      h(
        'span',
        { class: 'row-due' },
        row.nextDueAt && name ? `${deadlineLabel(row.kind, name)}${colon()}${formatDate(row.nextDueAt)}` : t('无未完成期限', 'Nothing open'),
        due ? h('span', { class: `due tone-${due.tone}` }, due.text) : null,
      ),
      h(
        'span',
        { class: 'row-meta' },
        unit,
        row.assigneeName ? ` · ${t('经办人', 'Handler')}${colon()}${row.assigneeName}` : ` · ${t('未分配', 'Unassigned')}`,
        row.escalated ? h('span', { class: 'flag flag-bad' }, t('已逾期督办', 'Escalated')) : null,
        row.urged ? h('span', { class: 'flag flag-warn' }, t('上级督办', 'Urged')) : null,
      ),
    ),
  );
}

export function Inbox() {
  const { query } = useLocation();
  const user = session()!.user;
  const queues: [string, string][] = [
    ['unit', t('本单位', 'My unit')],
    ['mine', t('分配给我', 'Assigned to me')],
    ...(isSupervisor(user) ? ([['all', t('全部单位', 'All units')]] as [string, string][]) : []),
  ];
  const queue = queues.some(([q]) => q === query.get('queue')) ? query.get('queue')! : 'unit';
  const list = useLoad(() => loadQueue(queue), [queue]);
  const units = useUnits();
  return h(
    'div',
    null,
    h(Title, null, t('待办案件', 'Inbox')),
    h(
      'div',
      { class: 'tabs', role: 'group', 'aria-label': t('案件范围', 'Queue') },
      queues.map(([q, label]) =>
        h('button', { key: q, type: 'button', class: 'tab', 'aria-pressed': q === queue, onClick: () => navigate(`/console?queue=${q}`, { replace: true }) }, label),
      ),
      h('button', { type: 'button', class: 'secondary', onClick: list.reload, disabled: list.loading }, t('刷新', 'Refresh')),
    ),
    h(Loading, { when: list.loading }),
    h(ErrorBox, { error: list.error }),
    list.data && list.data.items.length === 0 ? h('p', { class: 'muted' }, t('没有案件。', 'No cases.')) : null,
    list.data
      ? h(
          'ul',
          { class: 'case-list' },
          list.data.items.map((row) => h(Row, { key: row.caseId, row, now: list.data!.now, unit: unitName(units.data, row.unit) })),
        )
      : null,
  );
}
