/**
 * Civil dates ('YYYY-MM-DD') on the Asia/Shanghai calendar. China has kept UTC+8 without
 * daylight saving since 1991, so a fixed offset is exact and keeps this code free of the
 * process time zone (Lambda runs in UTC).
 */
export type CivilDate = string;

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCivilDate(value: string): boolean {
  const m = CIVIL_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function toInstant(value: Date | string): Date {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a valid instant: ${String(value)}`);
  return instant;
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(value: Date | string): CivilDate {
  return new Date(toInstant(value).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CivilDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWeekend(date: CivilDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

/** The last instant of a Shanghai date (23:59:59 +08:00): "the end of that day, 24:00". */
export function endOfDay(date: CivilDate): string {
  return `${date}T23:59:59+08:00`;
}

/** The first instant of a Shanghai date, as an ISO string with the +08:00 offset. */
export function startOfDay(date: CivilDate): string {
  return `${date}T00:00:00+08:00`;
}

/** An instant written in Shanghai time with its offset, as the API shows times. */
export function toShanghaiIso(value: Date | string): string {
  const shifted = new Date(toInstant(value).getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/** A civil date as Chinese official documents write it: 2026年11月5日. */
export function zhDate(date: CivilDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A civil date in English: 5 November 2026. */
export function enDate(date: CivilDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS_EN[m - 1]} ${y}`;
}
