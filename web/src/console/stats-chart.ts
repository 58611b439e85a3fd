import { h } from 'preact';
import { percent } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import type { UnitFigures } from '../lib/types.ts';

// Narrow on purpose: a phone shows it near 1:1, so the text stays readable.
const WIDTH = 340;
const BAR_W = WIDTH - 56;
const ROW_H = 70;
const TOP = 4;

const RATING_PARTS = [
  ['satisfied', 'r-satisfied'],
  ['basically-satisfied', 'r-basic'],
  ['dissatisfied', 'r-dissatisfied'],
] as const;

function Row({ u, y }: { u: UnitFigures; y: number }) {
  const rated = u.ratings.satisfied + u.ratings['basically-satisfied'] + u.ratings.dissatisfied;
  let x = 0;
  const segments = RATING_PARTS.map(([key, cls]) => {
    const w = rated ? (u.ratings[key] / rated) * BAR_W : 0;
    const seg = h('rect', { key, class: cls, x, y: y + 42, width: w, height: 12 });
    x += w;
    return seg;
  });
  return h(
    'g',
    null,
    h('text', { class: 'chart-label', x: 0, y: y + 14 }, `${t(u.unitName, u.unitNameEn ?? u.unitName)} `, h('tspan', { class: 'chart-sub' }, t(`收到 ${u.received} 件`, `${u.received} received`))),
    h('rect', { class: 'track', x: 0, y: y + 20, width: BAR_W, height: 18 }),
    h('rect', { class: 'on-time', x: 0, y: y + 20, width: (u.onTimeRate ?? 0) * BAR_W, height: 18 }),
    h('text', { class: 'chart-value', x: BAR_W + 6, y: y + 34 }, u.onTimeRate === null ? '—' : percent(u.onTimeRate)),
    rated ? segments : h('text', { class: 'chart-sub', x: 0, y: y + 53 }, t('暂无评价', 'No ratings yet')),
  );
}

/** On-time rate (bar) and ratings (stacked bar) per unit, drawn from the figures: no chart library. */
export function StatsChart({ units }: { units: UnitFigures[] }) {
  const height = TOP + units.length * ROW_H;
  const legend: [string, string][] = [
    ['on-time', t('按期率', 'On-time rate')],
    ['r-satisfied', t('满意', 'Satisfied')],
    ['r-basic', t('基本满意', 'Basically satisfied')],
    ['r-dissatisfied', t('不满意', 'Dissatisfied')],
  ];
  return h(
    'figure',
    { class: 'chart-figure' },
    h(
      'ul',
      { class: 'legend', 'aria-hidden': true },
      legend.map(([cls, label]) => h('li', { key: cls }, h('span', { class: `swatch ${cls}` }), label)),
    ),
    h(
      'svg',
      { class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'chart-title', 'aria-describedby': 'stats-table' },
      h('title', { id: 'chart-title' }, t('各单位按期办结率和群众评价', 'On-time rate and ratings by unit')),
      units.map((u, i) => h(Row, { key: u.unit, u, y: TOP + i * ROW_H })),
    ),
  );
}
