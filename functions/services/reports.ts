import { endOfDay, type CivilDate } from '../domain/calendar/index.ts';
import type { DisclosureRequestCase } from '../domain/index.ts';
import { annualColumns, disclosureAnnualTable } from '../domain/reports/disclosure-annual.ts';
import { applicantTypes } from '../domain/disclosure/outcomes.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';

/**
 * The year's 依申请公开 table: every request received by the year's end (wherever it went), read
 * by unit and receipt time from the queue index; the table itself is the domain's.
 */
export async function disclosureAnnualReport(year: number, deps: ServiceDeps = defaultDeps()) {
  const until = new Date(endOfDay(`${year}-12-31` as CivilDate)).toISOString();
  const perUnit = await Promise.all(deps.units().map((u) => deps.repo.byUnit(u.code, '0000', until)));
  const requests = perUnit.flat().filter((c): c is DisclosureRequestCase => c.kind === 'disclosure-request');
  return {
    year,
    columns: [...annualColumns],
    columnLabels: Object.fromEntries([...applicantTypes.map((a) => [a.code, a.label]), ['total', { zh: '总计', en: 'Total' }]]),
    rows: disclosureAnnualTable(year, requests),
  };
}
