import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { applicantTypes } from '../../../functions/domain/disclosure/outcomes.ts';
import { call, staffBlob } from '../lib/api.ts';
import { useLoad } from '../lib/hooks.ts';
import { t, tr } from '../lib/i18n.ts';
import { navigate, useLocation } from '../lib/router.ts';
import type { AnnualReport } from '../lib/types.ts';
import { Select } from '../ui/fields.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { Title } from '../ui/layout.ts';
import { serverNow, syncClock } from './clock.ts';

const PATH = '/console/reports/disclosure-annual';
const apiPath = (year: number, csv = false) => `/v1/reports/disclosure-annual?year=${year}${csv ? '&format=csv' : ''}`;

async function loadReport(year: number): Promise<AnnualReport> {
  return call<AnnualReport>('GET', apiPath(year), { staff: true });
}

function columnLabel(r: AnnualReport, code: string): string {
  const label = r.columnLabels?.[code];
  if (label) return tr(label);
  if (code === 'total') return t('总计', 'Total');
  const a = applicantTypes.find((x) => x.code === code);
  return a ? tr(a.label) : code;
}

/** The report's columns are 自然人 | 法人或其他组织 (five kinds) | 总计, as the official format groups them. */
function Head({ r }: { r: AnnualReport }) {
  const orgs = r.columns.filter((c) => c !== 'natural-person' && c !== 'total');
  const grouped = r.columns.includes('natural-person') && r.columns.includes('total') && orgs.length > 0;
  if (!grouped) {
    return h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('项目', 'Item')), r.columns.map((c) => h('th', { scope: 'col', key: c }, columnLabel(r, c)))));
  }
  return h(
    'thead',
    null,
    h(
      'tr',
      null,
      h('th', { scope: 'col', rowSpan: 2, class: 'item-col' }, t('项目', 'Item')),
      h('th', { scope: 'col', rowSpan: 2 }, columnLabel(r, 'natural-person')),
      h('th', { scope: 'colgroup', colSpan: orgs.length, class: 'group' }, t('法人或其他组织', 'Legal persons and other organisations')),
      h('th', { scope: 'col', rowSpan: 2 }, columnLabel(r, 'total')),
    ),
    h('tr', null, orgs.map((c) => h('th', { scope: 'col', key: c }, columnLabel(r, c)))),
  );
}

function Table({ r }: { r: AnnualReport }) {
  const orgs = r.columns.filter((c) => c !== 'natural-person' && c !== 'total');
  const order = r.columns.includes('natural-person') && r.columns.includes('total') ? ['natural-person', ...orgs, 'total'] : r.columns;
  return h(
    'div',
    // A table wider than a phone scrolls: keyboard users reach it with Tab, screen readers hear its name.
    { class: 'table-scroll', tabIndex: 0, role: 'region', 'aria-label': t(`${r.year} 年度政府信息公开申请情况`, `Requests for government information, ${r.year}`) },
    h(
      'table',
      { class: 'annual', id: 'annual-table' },
      h('caption', null, t(`${r.year} 年度政府信息公开申请情况（依申请公开）`, `Requests for government information, ${r.year}`)),
      h(Head, { r }),
      h(
        'tbody',
        null,
        r.rows.map((row) =>
          h(
            'tr',
            { key: row.key, class: `level-${row.level ?? 0} row-${row.key.replace(/[^\w-]/g, '_')}`, 'data-key': row.key },
            h('th', { scope: 'row' }, tr({ zh: row.label, en: row.labelEn })),
            order.map((c) => h('td', { key: c }, String(row.values[c] ?? 0))),
          ),
        ),
      ),
    ),
  );
}

/** The CSV comes from the API with the bearer token, then is offered as a file. */
function CsvLink({ year }: { year: number }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const download = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const blob = await staffBlob(apiPath(year, true));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `disclosure-annual-${year}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return h(
    'span',
    { class: 'csv' },
    h('a', { href: apiPath(year, true), class: 'button secondary', onClick: download, download: `disclosure-annual-${year}.csv`, 'aria-busy': busy }, busy ? t('正在下载…', 'Downloading…') : t('下载 CSV', 'Download CSV')),
    h(ErrorBox, { error: failure }),
  );
}

/** 政府信息公开工作年度报告, 依申请公开 section: one year's table by applicant type, printable. */
export function AnnualReportPage() {
  const { query } = useLocation();
  const [serverYear, setServerYear] = useState<number>();
  useEffect(() => {
    void syncClock().then(() => setServerYear(Number(serverNow().toISOString().slice(0, 4))));
  }, []);
  const asked = Number(query.get('year'));
  const year = Number.isInteger(asked) && asked > 2000 ? asked : serverYear;
  const report = useLoad(() => (year ? loadReport(year) : new Promise<AnnualReport>(() => undefined)), [year]);
  const latest = Math.max(serverYear ?? 0, year ?? 0);
  const years = latest ? Array.from({ length: 6 }, (_, i) => latest - i) : [];
  const r = report.data;
  return h(
    'div',
    { class: 'report-page' },
    h(Title, null, t('政府信息公开年度报告：依申请公开情况', 'Annual report: requests for information')),
    h(
      'div',
      { class: 'report-tools' },
      year
        ? h(Select, {
            path: 'report-year',
            label: t('年度', 'Year'),
            value: String(year),
            onValue: (y) => navigate(`${PATH}?year=${y}`, { replace: true }),
            options: years.map((y) => ({ value: String(y), label: t(`${y} 年`, String(y)) })),
          })
        : null,
      year ? h(CsvLink, { year }) : null,
      h('button', { type: 'button', class: 'secondary', onClick: () => window.print() }, t('打印', 'Print')),
    ),
    h(Loading, { when: report.loading && !!year }),
    h(ErrorBox, { error: report.error }),
    r ? h(Table, { r }) : null,
    r
      ? h(
          'p',
          { class: 'hint' },
          t(
            '按收到申请和办结答复的日期（北京时间）统计；本年新收 + 上年结转 = 总计 + 结转下年度继续办理。',
            'Counted by the dates requests were received and concluded (Beijing time); new + carried in = total concluded + carried over.',
          ),
        )
      : null,
  );
}
