import { h } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../lib/api.ts';
import { formatDate, percent } from '../lib/format.ts';
import { useLoad } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import type { UnitStats } from '../lib/types.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { StatsChart } from './stats-chart.ts';

const RANGES = [30, 90, 365];
const DAY_MS = 86_400_000;

/** Counted back from the server's time (`asOf`), which the local runtime may have moved ahead. */
function loadStats(asOf: string, days: number) {
  const to = new Date(asOf);
  const from = new Date(to.getTime() - days * DAY_MS);
  const q = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  return call<UnitStats>('GET', `/v1/stats?${q}`, { staff: true });
}

export function Stats({ asOf }: { asOf: string }) {
  const [days, setDays] = useState(30);
  const stats = useLoad(() => loadStats(asOf, days), [asOf, days]);
  const s = stats.data;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'stats-h' },
    h('h2', { id: 'stats-h' }, t('各单位办理情况', 'Performance by unit')),
    h(
      'div',
      { class: 'tabs', role: 'group', 'aria-label': t('统计期间', 'Period') },
      RANGES.map((n) =>
        h('button', { key: n, type: 'button', class: 'tab', 'aria-pressed': n === days, onClick: () => setDays(n) }, t(`近 ${n} 天`, `Last ${n} days`)),
      ),
    ),
    h(Loading, { when: stats.loading }),
    h(ErrorBox, { error: stats.error }),
    s
      ? [
          h('p', { key: 'range', class: 'hint' }, t(`统计期间：${formatDate(s.from)} 至 ${formatDate(s.to)}（按收到日期）`, `${formatDate(s.from)} to ${formatDate(s.to)}, by date received`)),
          h(StatsChart, { key: 'chart', units: s.items }),
          h(
            'dl',
            { key: 'consultations', class: 'consultation-stats', id: 'consultation-stats' },
            [
              [t('征求意见（已发布）', 'Consultations published'), String(s.consultations.consultations)],
              [t('收到意见', 'Comments received'), String(s.consultations.commentsReceived)],
              [t('意见采纳率（含部分采纳）', 'Adoption rate (incl. partly)'), percent(s.consultations.adoptionRate)],
              [t('采纳情况按期公布', 'Reports published on time'), `${s.consultations.reportsOnTime} / ${s.consultations.reportsPublished + s.consultations.reportsOverdue}${t(`（${percent(s.consultations.reportOnTimeRate)}）`, ` (${percent(s.consultations.reportOnTimeRate)})`)}`],
            ].map(([label, value]) => [h('dt', { key: `${label}t` }, label), h('dd', { key: `${label}d` }, value)]),
          ),
          h(
            'div',
            // A table wider than a phone scrolls: keyboard users reach it with Tab, screen readers hear its name.
            { key: 'table', class: 'table-scroll', tabIndex: 0, role: 'region', 'aria-label': t('按期办结率和群众评价', 'On-time rate and ratings') },
            h(
              'table',
              { id: 'stats-table' },
              h('caption', null, t('按期办结率和群众评价', 'On-time rate and ratings')),
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  [t('单位', 'Unit'), t('收到', 'Received'), t('按期', 'On time'), t('超期', 'Late'), t('当前逾期', 'Overdue now'), t('按期率', 'On-time rate'), t('满意', 'Satisfied'), t('基本满意', 'Basically'), t('不满意', 'Dissatisfied'), t('满意率', 'Satisfaction')].map(
                    (label) => h('th', { scope: 'col', key: label }, label),
                  ),
                ),
              ),
              h(
                'tbody',
                null,
                s.items.map((u) =>
                  h(
                    'tr',
                    { key: u.unit },
                    h('th', { scope: 'row' }, t(u.unitName, u.unitNameEn ?? u.unitName)),
                    [u.received, u.onTime, u.late, u.overdue, percent(u.onTimeRate), u.ratings.satisfied, u.ratings['basically-satisfied'], u.ratings.dissatisfied, percent(u.satisfactionRate)].map((v, i) =>
                      h('td', { key: i }, String(v)),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ]
      : null,
  );
}
