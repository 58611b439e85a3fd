import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dueAt,
  explainDeadline,
  isWeekend,
  legalReceiptDate,
  shanghaiDate,
  toShanghaiIso,
  workingDaysBetween,
  WorkingCalendar,
  zhDate,
  type CivilDate,
  type Deadline,
  type Pause,
  type YearSchedule,
} from '../../../functions/domain/calendar/index.ts';

/**
 * The indexed dueAt / workingDaysBetween / legalReceiptDate against the plainest reading of the
 * rules: a walk day by day over `calendar.day`, years 2024-2028, with pauses, make-up days
 * (also across New Year), loaded overrides and provisional years.
 */

function referenceDue(calendar: WorkingCalendar, receivedAt: Date, n: number, pauses: Pause[]): Deadline {
  const receiptDate = shanghaiDate(receivedAt);
  const spans = pauses.map((p) => [shanghaiDate(p.from), shanghaiDate(p.to)] as const);
  const paused = (date: CivilDate) => spans.some(([from, to]) => date > from && date <= to);
  let date = receiptDate;
  let provisional = calendar.day(date).provisional;
  while (!calendar.day(date).working) {
    date = addDays(date, 1);
    provisional ||= calendar.day(date).provisional;
  }
  const legal = date;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    const day = calendar.day(date);
    provisional ||= day.provisional;
    if (day.working && !paused(date)) counted += 1;
  }
  return {
    dueAt: `${date}T23:59:59+08:00`,
    dueDate: date,
    workingDays: n,
    receivedAt: toShanghaiIso(receivedAt),
    receiptDate,
    legalReceiptDate: legal,
    provisional,
  };
}

function referenceBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const end = shanghaiDate(to);
  let count = 0;
  for (let date = addDays(shanghaiDate(from), 1); date <= end; date = addDays(date, 1)) if (calendar.day(date).working) count += 1;
  return count;
}

const DAY = 24 * 3600 * 1000;
const FIRST = Date.parse('2024-01-01T00:00:00+08:00');
const LAST = Date.parse('2028-12-31T23:59:59+08:00');

const instant = fc.integer({ min: FIRST, max: LAST }).map((ms) => new Date(ms));

/** A date of a year (or, for make-up days, of that December before). */
const dateIn = (year: number, fromDecemberBefore = false) =>
  fc
    .integer({ min: Date.UTC(fromDecemberBefore ? year - 1 : year, fromDecemberBefore ? 11 : 0, 1), max: Date.UTC(year, 11, 31) })
    .map((ms) => new Date(Math.floor(ms / DAY) * DAY).toISOString().slice(0, 10));

/**
 * A date of a neighbouring year, as a schedule should not hold but the calendar still reads:
 * drawn from a small pool (a Saturday and a Monday in March of each year), so that several
 * schedules often name the same day and their precedence shows.
 */
const POOL = [2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030].flatMap((year) => {
  const march = Array.from({ length: 7 }, (_, i) => `${year}-03-0${i + 1}`);
  return [march.find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!, march.find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)!];
});
const stray = (year: number) => fc.constantFrom(...POOL.filter((d) => Math.abs(Number(d.slice(0, 4)) - year) <= 1));

/**
 * An admin-loaded year: holidays anywhere, make-up days on weekends (some across New Year), a
 * few clashes and strays into the neighbouring years (where `day` gives the year's own schedule
 * precedence, then the next year's, then the previous year's).
 */
const override = (year: number): fc.Arbitrary<YearSchedule> =>
  fc
    .record({
      holidays: fc.uniqueArray(fc.oneof({ arbitrary: dateIn(year), weight: 6 }, { arbitrary: stray(year), weight: 2 }), { maxLength: 25 }),
      workdays: fc.uniqueArray(fc.oneof({ arbitrary: dateIn(year, true), weight: 6 }, { arbitrary: stray(year), weight: 2 }).filter(isWeekend), { maxLength: 10 }),
    })
    .map(({ holidays, workdays }) => ({ year, holidays, workdays, source: 'override' as const }));

const calendars = fc.oneof(
  fc.constant(new WorkingCalendar()),
  // Nothing packaged: every year provisional, weekends only.
  fc.constant(new WorkingCalendar([], new Map())),
  fc
    .subarray([2024, 2025, 2026, 2027, 2028, 2029])
    .chain((years) => fc.tuple(...years.map(override)))
    .chain((overrides) => fc.boolean().map((packaged) => new WorkingCalendar(overrides, packaged ? undefined : new Map()))),
);

const pausesNear = (at: Date) =>
  fc.array(
    fc.record({ start: fc.integer({ min: -5 * DAY, max: 40 * DAY }), length: fc.integer({ min: -2 * DAY, max: 25 * DAY }) }).map(
      ({ start, length }): Pause => ({ from: new Date(at.getTime() + start), to: new Date(at.getTime() + start + length).toISOString() }),
    ),
    { maxLength: 3 },
  );

const cases = calendars.chain((calendar) =>
  instant.chain((at) => fc.record({ calendar: fc.constant(calendar), at: fc.constant(at), n: fc.integer({ min: 1, max: 60 }), pauses: pausesNear(at) })),
);

describe('indexed deadlines agree with a day-by-day walk', () => {
  it('dueAt (pauses, make-up days, overrides, provisional years)', () => {
    fc.assert(
      fc.property(cases, ({ calendar, at, n, pauses }) => {
        const expected = referenceDue(calendar, at, n, pauses);
        expect(dueAt(calendar, at, n, { pauses })).toEqual(expected);
        expect(dueAt(calendar, at.toISOString(), n, { pauses })).toEqual(expected);
        const { counted, skipped, text, ...explained } = explainDeadline(calendar, at, n, { pauses });
        expect(explained).toEqual(expected);
        expect(counted).toHaveLength(n);
        expect(counted.at(-1)?.date).toBe(expected.dueDate);
        expect(skipped.every((d) => d.date >= expected.receiptDate && d.date < expected.dueDate)).toBe(true);
        expect(text.zh).toContain(`截止于${zhDate(expected.dueDate)}`);
        expect(text.zh).toContain('当日24时前');
        expect(legalReceiptDate(calendar, at)).toBe(expected.legalReceiptDate);
      }),
      { numRuns: 1500 },
    );
  });

  it('workingDaysBetween, in both orders and across years', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: -400 * DAY, max: 800 * DAY }), (calendar, from, span) => {
        const to = new Date(from.getTime() + span);
        expect(workingDaysBetween(calendar, from, to)).toBe(referenceBetween(calendar, from, to));
        expect(workingDaysBetween(calendar, from.toISOString(), to.toISOString())).toBe(referenceBetween(calendar, from, to));
      }),
      { numRuns: 400 },
    );
  });

  it('a calendar answers the same whichever year it is asked about first', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.integer({ min: 1, max: 300 })), { minLength: 2, maxLength: 6 }), (asks) => {
        const fresh = new WorkingCalendar([{ year: 2027, holidays: ['2027-01-01', '2027-02-08'], workdays: ['2026-12-27', '2027-02-20'], source: 'override' }]);
        for (const [at, n] of asks) expect(dueAt(fresh, at, n)).toEqual(referenceDue(fresh, at, n, []));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the rules at the edges: invalid input, pauses that end before they start, overlapping pauses', () => {
    const calendar = new WorkingCalendar();
    expect(() => dueAt(calendar, 'not a date', 3)).toThrow(RangeError);
    expect(() => dueAt(calendar, '2026-11-02T10:00:00+08:00', 1.5)).toThrow(RangeError);
    expect(() => dueAt(calendar, '2026-11-02T10:00:00+08:00', 3, { pauses: [{ from: 'x', to: '2026-11-03' }] })).toThrow(RangeError);
    const at = new Date('2026-11-02T10:00:00+08:00');
    const overlapping: Pause[] = [
      { from: '2026-11-03T10:00:00+08:00', to: '2026-11-10T10:00:00+08:00' },
      { from: '2026-11-05T10:00:00+08:00', to: '2026-11-12T10:00:00+08:00' },
      { from: '2026-11-20T10:00:00+08:00', to: '2026-11-19T10:00:00+08:00' },
    ];
    expect(dueAt(calendar, at, 15, { pauses: overlapping })).toEqual(referenceDue(calendar, at, 15, overlapping));
  });
});
