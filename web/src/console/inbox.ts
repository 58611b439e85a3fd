import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { caseKinds } from '../../../functions/domain/kinds.ts';
import { call } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/hooks.ts';
import { colon, t } from '../lib/i18n.ts';
import { deadlineLabel, deadlineOfKey, kindDef, kindLabel, statusLabel } from '../lib/labels.ts';
import { Link, navigate, useLocation } from '../lib/router.ts';
import type { CaseRow } from '../lib/types.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { Select, TextField } from '../ui/fields.ts';
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

/** The inbox's filters, kept in the address so a reload or a shared link shows the same list. */
const FILTERS = ['q', 'kind', 'status', 'state', 'due', 'assignee', 'limit'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** Cases per page; `limit` in the address asks for another size. */
const PAGE = 50;

function listPath(queue: string, f: Filters, cursor?: string): string {
  const p = new URLSearchParams({ queue, limit: f.limit || String(PAGE), state: f.state || 'open' });
  for (const k of FILTERS) if (k !== 'state' && k !== 'limit' && f[k]) p.set(k, f[k]!);
  if (cursor) p.set('cursor', cursor);
  return `/v1/cases?${p}`;
}

interface Page {
  items: CaseRow[];
  cursor?: string;
}

async function loadQueue(queue: string, f: Filters): Promise<Page & { now: Date }> {
  await syncClock();
  const now = serverNow();
  const [list] = await Promise.all([call<Page>('GET', listPath(queue, f), { staff: true }), loadCalendarOverrides(now)]);
  return { ...list, now };
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

function FilterForm({ filters, apply }: { filters: Filters; apply(f: Filters): void }) {
  const [draft, setDraft] = useState<Filters>(filters);
  useEffect(() => setDraft(filters), [JSON.stringify(filters)]);
  const set = (patch: Filters) => setDraft((d) => ({ ...d, ...patch }));
  const statuses = draft.kind ? Object.keys(kindDef(draft.kind).statuses) : [];
  const select = (key: keyof Filters, label: string, options: [string, string][]) =>
    h(Select, { path: `filter-${key}`, label, value: draft[key] ?? '', onValue: (v: string) => set({ [key]: v }), options: options.map(([value, text]) => ({ value, label: text })) });
  return h(
    'form',
    {
      class: 'inbox-filters',
      role: 'search',
      'aria-label': t('查找案件', 'Find cases'),
      onSubmit: (e: Event) => {
        e.preventDefault();
        apply(draft);
      },
    },
    h(TextField, {
      path: 'filter-q',
      label: t('查询编号或关键词', 'Tracking number or words'),
      hint: t('输入完整的查询编号直接找到该件；或输入主题、内容中的字词。', 'A whole tracking number finds that case; or words from the subject or text.'),
      value: draft.q ?? '',
      onValue: (q) => set({ q }),
      maxLength: 100,
    }),
    h(
      'div',
      { class: 'filter-row' },
      select('state', t('办理状态', 'Open or closed'), [
        ['open', t('待办（未办结）', 'Open')],
        ['closed', t('已办结', 'Closed')],
        ['all', t('全部', 'All')],
      ]),
      select('kind', t('类型', 'Type'), [['', t('全部类型', 'All types')], ...caseKinds.filter((k) => kindDef(k).queued !== false).map((k) => [k, kindLabel(k)] as [string, string])]),
      draft.kind ? select('status', t('状态', 'Status'), [['', t('全部状态', 'All statuses')], ...statuses.map((c) => [c, statusLabel(draft.kind, c)] as [string, string])]) : null,
      select('due', t('期限', 'Deadline'), [
        ['', t('全部', 'Any')],
        ['overdue', t('已逾期', 'Overdue')],
        ['soon', t('即将到期（下一个工作日内）', 'Due by the next working day')],
      ]),
      select('assignee', t('经办人', 'Handler'), [
        ['', t('全部', 'Anyone')],
        ['me', t('我', 'Me')],
        ['none', t('未分配', 'Unassigned')],
      ]),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, t('查找', 'Search')),
      h('button', { type: 'button', class: 'secondary', onClick: () => apply({}) }, t('清除条件', 'Clear')),
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
  const filters: Filters = Object.fromEntries(FILTERS.filter((k) => query.get(k)).map((k) => [k, query.get(k)!]));
  const key = JSON.stringify(filters);
  const list = useLoad(() => loadQueue(queue, filters), [queue, key]);
  const units = useUnits();
  // Later pages, appended below the first; a new queue or filter starts again from the first.
  const [more, setMore] = useState<{ items: CaseRow[]; cursor?: string; loaded: boolean; busy: boolean; error?: unknown }>({ items: [], loaded: false, busy: false });
  useEffect(() => setMore({ items: [], loaded: false, busy: false }), [queue, key, list.data]);
  const cursor = more.loaded ? more.cursor : list.data?.cursor;
  const loadMore = async () => {
    if (!cursor) return;
    setMore((m) => ({ ...m, busy: true, error: undefined }));
    try {
      const page = await call<Page>('GET', listPath(queue, filters, cursor), { staff: true });
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.cursor, loaded: true, busy: false }));
    } catch (error) {
      setMore((m) => ({ ...m, busy: false, error }));
    }
  };
  const go = (q: string, f: Filters) => {
    const p = new URLSearchParams({ queue: q });
    for (const k of FILTERS) if (f[k]) p.set(k, f[k]!);
    navigate(`/console?${p}`, { replace: true });
  };
  const rows = list.data ? [...list.data.items, ...more.items] : [];
  return h(
    'div',
    null,
    h(Title, null, t('待办案件', 'Inbox')),
    h(
      'div',
      { class: 'tabs', role: 'group', 'aria-label': t('案件范围', 'Queue') },
      queues.map(([q, label]) =>
        h('button', { key: q, type: 'button', class: 'tab', 'aria-pressed': q === queue, onClick: () => go(q, filters) }, label),
      ),
      h('button', { type: 'button', class: 'secondary', onClick: list.reload, disabled: list.loading }, t('刷新', 'Refresh')),
    ),
    h(FilterForm, { filters, apply: (f) => go(queue, f) }),
    h(Loading, { when: list.loading }),
    h(ErrorBox, { error: list.error }),
    list.data ? h('p', { class: 'muted list-count', role: 'status' }, rows.length === 0 ? t('没有符合条件的案件。', 'No cases match.') : t(`显示 ${rows.length} 件`, `Showing ${rows.length}`)) : null,
    list.data
      ? h(
          'ul',
          { class: 'case-list' },
          rows.map((row) => h(Row, { key: row.caseId, row, now: list.data!.now, unit: unitName(units.data, row.unit) })),
        )
      : null,
    h(ErrorBox, { error: more.error }),
    cursor ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary load-more', onClick: loadMore, disabled: more.busy }, more.busy ? t('正在加载…', 'Loading…') : t('加载更多', 'Load more'))) : null,
  );
}
