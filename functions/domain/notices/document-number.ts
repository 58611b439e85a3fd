import { shanghaiDate } from '../calendar/civil-date.ts';

/**
 * Document numbers (文号) of the official notices to citizens: one sequence per agency, per year
 * and per kind of case, without gaps. The store allocates a number inside the transaction that
 * commits the notice (functions/adapters/dynamodb/document-counter.ts); what is pure lives here.
 */
export interface DocumentSeries {
  /** The issuing agency's code (configuration), so two agencies sharing a table never share a sequence. */
  agency: string;
  /** The Shanghai calendar year of issue. */
  year: number;
  /** The case kind (complaint, disclosure-request, comment, …): each has its own sequence and format. */
  kind: string;
}

/** One key per sequence: the counter item's key and the grouping of a gap check. */
export const seriesKey = (s: DocumentSeries) => `${s.agency}#${s.year}#${s.kind}`;

/** The series a notice issued at `at` belongs to: the year is Shanghai's, not UTC's (31 Dec 20:00 UTC is already 1 Jan). */
export function seriesAt(agency: string, kind: string, at: Date | string): DocumentSeries {
  return { agency, kind, year: Number(shanghaiDate(at).slice(0, 4)) };
}

/** The tokens a number format may use. */
export interface NumberValues {
  /** The agency's short name used in document numbers (某府办). */
  agency: string;
  /** The kind's word in the number (投诉, 依申请公开, …). */
  kind: string;
  year: number;
  n: number;
}

const TOKEN = /\{(agency|kind|year|n)(?::(\d))?\}/g;

/**
 * Writes a number from a configured format, e.g. `{agency}{kind}〔{year}〕第 {n} 号` → 某府办投诉〔2026〕第 12 号.
 * `{n:3}` pads the sequence number with zeros to three digits (第 012 号).
 */
export function formatDocumentNumber(format: string, values: NumberValues): string {
  checkNumberFormat(format);
  return format.replace(TOKEN, (_, token: keyof NumberValues, width?: string) => {
    const value = String(values[token]);
    return token === 'n' && width ? value.padStart(Number(width), '0') : value;
  });
}

/** A format must carry the sequence number and the year (else two documents could read the same) and no unknown token. */
export function checkNumberFormat(format: string): void {
  const unknown = format.replace(TOKEN, '').match(/\{[^}]*\}/);
  if (unknown) throw new Error(`Document number format '${format}' has an unknown token ${unknown[0]}`);
  if (!/\{n(?::\d)?\}/.test(format) || !format.includes('{year}')) throw new Error(`Document number format '${format}' must contain {n} and {year}`);
}

/** The numbers a commit takes when the counter stands at `current`: the next `count`, in the order of the notices. */
export function nextNumbers(current: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => current + 1 + i);
}

/** What is wrong with a set of issued numbers of one series: missing numbers below the highest, and numbers issued twice. */
export function sequenceFaults(numbers: number[]): { gaps: number[]; duplicates: number[] } {
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const n of numbers) (seen.has(n) ? duplicates : seen).add(n);
  const top = Math.max(0, ...numbers);
  const gaps: number[] = [];
  for (let n = 1; n <= top; n++) if (!seen.has(n)) gaps.push(n);
  return { gaps, duplicates: [...duplicates].sort((a, b) => a - b) };
}
