import { annualTableCsv } from '../domain/reports/disclosure-annual.ts';
import { disclosureAnnualReport } from '../services/reports.ts';
import { staffRoute } from '../shared/http.ts';
import { annualReportQuery } from '../shared/schemas/disclosure.ts';

/** The annual report's 依申请公开 table for supervisors and the disclosure office. */
export const handler = staffRoute({ route: 'GET /v1/reports/disclosure-annual', query: annualReportQuery }, async ({ query }) => {
  const report = await disclosureAnnualReport(query.year);
  if (query.format === 'csv') {
    return {
      body: annualTableCsv(report.rows),
      raw: true,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="disclosure-annual-${query.year}.csv"` },
    };
  }
  return { body: report };
});
