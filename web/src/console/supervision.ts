import { h } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import { deadlineLabel, kindLabel } from '../lib/labels.ts';
import { Link } from '../lib/router.ts';
import type { OverdueItem, OverdueView } from '../lib/types.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { Title } from '../ui/layout.ts';
import { Stats } from './stats.ts';
import { UrgeForm } from './urge.ts';

const loadOverdue = () => call<OverdueView>('GET', '/v1/supervision/overdue', { staff: true });

function byUnit(items: OverdueItem[]): [string, OverdueItem[]][] {
  const groups = new Map<string, OverdueItem[]>();
  for (const item of items) groups.set(item.unitName, [...(groups.get(item.unitName) ?? []), item]);
  return [...groups.entries()];
}

function Item({ item, overdue, onUrged }: { item: OverdueItem; overdue: boolean; onUrged(): void }) {
  const [urging, setUrging] = useState(false);
  return h(
    'li',
    { class: `case-row ${overdue ? 'is-overdue' : ''}` },
    h('p', { class: 'row-top' }, h(Link, { href: `/console/cases/${item.caseId}`, class: 'mono' }, item.trackingNo), h('span', { class: `kind kind-${item.kind}` }, kindLabel(item.kind)), item.urged ? h('span', { class: 'flag flag-warn' }, t('已督办', 'Urged')) : null),
    h('p', { class: 'row-subject' }, item.subject),
    h(
      'p',
      { class: 'row-due' },
      `${deadlineLabel(item.kind, item.deadline)}：${formatDate(item.dueAt)}`,
      overdue
        ? h('span', { class: 'due tone-bad' }, item.workingDaysOverdue > 0 ? t(`逾期 ${item.workingDaysOverdue} 个工作日`, `${item.workingDaysOverdue} working days overdue`) : t('已逾期', 'Overdue'))
        : h('span', { class: 'due tone-warn' }, t('一个工作日内到期', 'Due within one working day')),
    ),
    h('p', { class: 'row-meta' }, item.assigneeName ? `${t('经办人', 'Handler')}：${item.assigneeName}` : t('未分配经办人', 'No handler assigned')),
    urging
      ? h(UrgeForm, { item, onCancel: () => setUrging(false), onDone: () => (setUrging(false), onUrged()) })
      : h('button', { type: 'button', class: 'secondary', onClick: () => setUrging(true) }, t('督办', 'Urge')),
  );
}

function Section({ title, items, overdue, onUrged }: { title: string; items: OverdueItem[]; overdue: boolean; onUrged(): void }) {
  return h(
    'section',
    { class: 'panel' },
    h('h2', null, `${title}（${items.length}）`),
    items.length === 0 ? h('p', { class: 'muted' }, t('无', 'None')) : null,
    byUnit(items).map(([unit, list]) =>
      h(
        'div',
        { key: unit },
        h('h3', null, t(`${unit}（${list.length} 项）`, `${unit} (${list.length})`)),
        h('ul', { class: 'case-list' }, list.map((item) => h(Item, { key: `${item.caseId}-${item.deadline}`, item, overdue, onUrged }))),
      ),
    ),
  );
}

/** 督办看板: overdue and due-soon deadlines by unit, and per-unit performance. */
export function Supervision() {
  const view = useLoad(loadOverdue, []);
  const [urged, setUrged] = useState(false);
  const onUrged = () => {
    setUrged(true);
    view.reload();
  };
  return h(
    'div',
    null,
    h(Title, null, t('督办看板', 'Supervision')),
    h('div', { class: 'tabs' }, h('button', { type: 'button', class: 'secondary', onClick: view.reload, disabled: view.loading }, t('刷新', 'Refresh'))),
    urged ? h('p', { class: 'done', role: 'status' }, t('督办已发出。', 'Instruction sent.')) : null,
    h(Loading, { when: view.loading }),
    h(ErrorBox, { error: view.error }),
    view.data
      ? [
          h(Section, { key: 'o', title: t('已逾期', 'Overdue'), items: view.data.overdue, overdue: true, onUrged }),
          h(Section, { key: 's', title: t('即将到期', 'Due soon'), items: view.data.dueSoon, overdue: false, onUrged }),
          h(Stats, { key: 'stats', asOf: view.data.asOf }),
        ]
      : null,
  );
}
