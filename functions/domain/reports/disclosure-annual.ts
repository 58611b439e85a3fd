import { shanghaiDate } from '../calendar/index.ts';
import type { Label } from '../cases/kind.ts';
import type { DisclosureRequestCase } from '../disclosure/model.ts';
import { applicantTypes, outcomes } from '../disclosure/outcomes.ts';

/** The columns of the 依申请公开 table: each applicant type, then the total. */
export const annualColumns = [...applicantTypes.map((a) => a.code), 'total'] as const;
type Column = (typeof annualColumns)[number];

export interface AnnualRow {
  key: string;
  /** The row's name in the report (Chinese), and in English. */
  label: string;
  labelEn: string;
  /** 0 for a heading row (an outcome), 1 for its sub-reason rows. */
  level: 0 | 1;
  values: Record<Column, number>;
}

type Facts = Pick<DisclosureRequestCase, 'applicantType' | 'receivedAt' | 'conclusion'>;

/**
 * The annual report's 依申请公开 table (政府信息公开工作年度报告, 三) for one year, by applicant type,
 * from dates alone: new (received in the year), carried in (received before, not concluded before
 * it began), each outcome and sub-reason of the requests concluded in the year, their total, and
 * carried out (received by the year's end, not concluded by then). Shanghai dates throughout, so
 * new + carried-in = total + carried-out holds in every column.
 */
export function disclosureAnnualTable(year: number, requests: Facts[]): AnnualRow[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const received = (r: Facts) => shanghaiDate(r.receivedAt);
  const concluded = (r: Facts) => (r.conclusion ? shanghaiDate(r.conclusion.at) : undefined);
  const openAt = (r: Facts, day: string) => received(r) < day && !(concluded(r) && concluded(r)! < day);

  const count = (key: string, label: Label, level: 0 | 1, match: (r: Facts) => boolean): AnnualRow => {
    const values = Object.fromEntries(annualColumns.map((col) => [col, 0])) as Record<Column, number>;
    for (const r of requests) {
      if (!match(r)) continue;
      values[r.applicantType] += 1;
      values.total += 1;
    }
    return { key, label: label.zh, labelEn: label.en, level, values };
  };
  const concludedInYear = (r: Facts) => {
    const day = concluded(r);
    return day !== undefined && day >= first && day <= last;
  };

  const rows: AnnualRow[] = [
    count('new', { zh: '一、本年新收政府信息公开申请数量', en: 'New requests this year' }, 0, (r) => received(r) >= first && received(r) <= last),
    count('carried-in', { zh: '二、上年结转政府信息公开申请数量', en: 'Carried in from last year' }, 0, (r) => openAt(r, first)),
  ];
  for (const o of outcomes) {
    rows.push(count(o.code, o.label, 0, (r) => concludedInYear(r) && r.conclusion!.outcome === o.code));
    for (const s of o.subReasons) {
      rows.push(count(`${o.code}/${s.code}`, s.label, 1, (r) => concludedInYear(r) && r.conclusion!.outcome === o.code && r.conclusion!.subReason === s.code));
    }
  }
  rows.push(count('total', { zh: '（七）总计', en: 'Total concluded' }, 0, concludedInYear));
  rows.push(count('carried-out', { zh: '四、结转下年度继续办理', en: 'Carried over to next year' }, 0, (r) => received(r) <= last && !(concluded(r) && concluded(r)! <= last)));
  return rows;
}

/** The table as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese). */
export function annualTableCsv(rows: AnnualRow[]): string {
  const header = ['项目', ...applicantTypes.map((a) => a.label.zh), '总计'];
  const lines = rows.map((r) => [(r.level ? '  ' : '') + r.label, ...annualColumns.map((c) => String(r.values[c]))]);
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `\uFEFF${[header, ...lines].map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`;
}
