import { h } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/hooks.ts';
import { colon, t } from '../lib/i18n.ts';
import { deadlineLabel, kindLabel } from '../lib/labels.ts';
import { Link } from '../lib/router.ts';
import type { OverdueItem, OverdueView, ReviewItem } from '../lib/types.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { Title } from '../ui/layout.ts';
import { Stats } from './stats.ts';
import { UrgeForm } from './urge.ts';

const loadOverdue = () => call<OverdueView>('GET', '/v1/supervision/overdue', { staff: true });

function byUnit(items: OverdueItem[]): [string, OverdueItem[]][] {
  const groups = new Map<string, OverdueItem[]>();
  for (const item of items) {
    const name = t(item.unitName, item.unitNameEn ?? item.unitName);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
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
      `${deadlineLabel(item.kind, item.deadline)}${colon()}${formatDate(item.dueAt)}`,
      overdue
        ? h('span', { class: 'due tone-bad' }, item.workingDaysOverdue > 0 ? t(`逾期 ${item.workingDaysOverdue} 个工作日`, `${item.workingDaysOverdue} working days overdue`) : t('已逾期', 'Overdue'))
        : h('span', { class: 'due tone-warn' }, t('一个工作日内到期', 'Due within one working day')),
    ),
    item.otherOpen > 0 ? h('p', { class: 'row-meta' }, t(`另有 ${item.otherOpen} 项期限未完成`, `${item.otherOpen} more deadline${item.otherOpen === 1 ? '' : 's'} open`)) : null,
    h('p', { class: 'row-meta' }, item.assigneeName ? `${t('经办人', 'Handler')}${colon()}${item.assigneeName}` : t('未分配经办人', 'No handler assigned')),
    urging
      ? h(UrgeForm, { item, onCancel: () => setUrging(false), onDone: () => (setUrging(false), onUrged()) })
      : h('button', { type: 'button', class: 'secondary', onClick: () => setUrging(true) }, t('督办', 'Urge')),
  );
}

function Section({ title, items, overdue, onUrged }: { title: string; items: OverdueItem[]; overdue: boolean; onUrged(): void }) {
  return h(
    'section',
    { class: 'panel' },
    h('h2', null, `${title}${t(`（${items.length}）`, ` (${items.length})`)}`),
    items.length === 0 ? h('p', { class: 'muted' }, t('无', 'None')) : null,
    byUnit(items).map(([unit, list]) =>
      h(
        'div',
        { key: unit },
        h('h3', null, t(`${unit}（${list.length} 项）`, `${unit} (${list.length})`)),
        h('ul', { class: 'case-list' }, list.map((item) => h(Item, { key: item.caseId, item, overdue, onUrged }))),
      ),
    ),
  );
}

/** 督办复查: cases rated 不满意, each with its own review deadline and the citizen's comment. */
function Reviews({ items }: { items: ReviewItem[] }) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'reviews-h' },
    h('h2', { id: 'reviews-h' }, t(`督办复查（${items.length}）`, `Supervision reviews (${items.length})`)),
    h('p', { class: 'hint' }, t('群众评价为“不满意”的案件转督办复查，须在复查期限内在案件页作出复查结论。', 'Cases rated “dissatisfied” go to a supervision review: conclude it on the case page by its deadline.')),
    items.length === 0 ? h('p', { class: 'muted' }, t('无', 'None')) : null,
    h(
      'ul',
      { class: 'case-list reviews' },
      items.map((item) =>
        h(
          'li',
          { key: item.caseId, class: `case-row ${item.overdue ? 'is-overdue' : ''}` },
          h('p', { class: 'row-top' }, h(Link, { href: `/console/cases/${item.caseId}`, class: 'mono' }, item.trackingNo), h('span', { class: `kind kind-${item.kind}` }, kindLabel(item.kind))),
          h('p', { class: 'row-subject' }, item.subject),
          h(
            'p',
            { class: 'row-due' },
            t(`复查期限：${formatDate(item.dueAt)}`, `Review due: ${formatDate(item.dueAt)}`),
            item.overdue
              ? h('span', { class: 'due tone-bad' }, item.workingDaysOverdue > 0 ? t(`逾期 ${item.workingDaysOverdue} 个工作日`, `${item.workingDaysOverdue} working days overdue`) : t('已逾期', 'Overdue'))
              : null,
          ),
          h('p', { class: 'row-meta' }, `${t('承办单位', 'Unit')}${t('：', ': ')}${t(item.unitName, item.unitNameEn ?? item.unitName)}`),
          h('p', { class: 'row-meta' }, `${t('评价意见', 'Comment')}${colon()}${item.ratingComment ?? t('（无）', '(none)')}`),
        ),
      ),
    ),
  );
}

/** 督办看板: overdue and due-soon cases by unit, open supervision reviews, and per-unit performance. */
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
          h(Reviews, { key: 'r', items: view.data.reviews }),
          h(Stats, { key: 'stats', asOf: view.data.asOf }),
        ]
      : null,
  );
}
