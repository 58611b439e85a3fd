import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueAt,
  explainDeadline,
  isOverdue,
  legalReceiptDate,
  workingDaysBetween,
  WorkingCalendar,
  type YearSchedule,
} from '../../../functions/domain/calendar/index.ts';

const calendar = new WorkingCalendar();
const due = (receivedAt: string, n: number, cal = calendar) => dueAt(cal, receivedAt, n).dueDate;

describe('dueAt', () => {
  it('follows the example in the requirements (received Wednesday 2026-09-30)', () => {
    const three = dueAt(calendar, '2026-09-30T10:00:00+08:00', 3);
    expect(three).toMatchObject({ dueDate: '2026-10-10', dueAt: '2026-10-10T23:59:59+08:00', provisional: false, legalReceiptDate: '2026-09-30' });
    expect(due('2026-09-30T10:00:00+08:00', 15)).toBe('2026-10-27');
  });

  it('reads the receipt date in Shanghai time: 23:59:59 and 00:00:00', () => {
    expect(due('2026-09-29T23:59:59+08:00', 3)).toBe('2026-10-09');
    expect(due('2026-09-30T00:00:00+08:00', 3)).toBe('2026-10-10');
    // The same instants in UTC, as Lambda's clock gives them.
    expect(due('2026-09-29T15:59:59Z', 3)).toBe('2026-10-09');
    expect(due('2026-09-29T16:00:00Z', 3)).toBe('2026-10-10');
  });

  it('counts from the next working day when received on a holiday', () => {
    expect(legalReceiptDate(calendar, '2026-10-03T09:00:00+08:00')).toBe('2026-10-08');
    expect(due('2026-10-03T09:00:00+08:00', 3)).toBe('2026-10-12');
  });

  it('treats a make-up Saturday as a working day of receipt', () => {
    expect(legalReceiptDate(calendar, '2026-10-10T09:00:00+08:00')).toBe('2026-10-10');
    expect(due('2026-10-10T09:00:00+08:00', 3)).toBe('2026-10-14');
  });

  it('counts a make-up Sunday across New Year', () => {
    expect(due('2025-12-31T17:00:00+08:00', 1)).toBe('2026-01-04');
    expect(due('2025-12-31T17:00:00+08:00', 3)).toBe('2026-01-06');
  });

  it('skips the Spring Festival and counts its make-up Saturdays', () => {
    // 2026-02-14 (Sat) works; 02-15..02-23 off; 02-28 (Sat) works.
    expect(due('2026-02-13T10:00:00+08:00', 1)).toBe('2026-02-14');
    expect(due('2026-02-13T10:00:00+08:00', 2)).toBe('2026-02-24');
    expect(due('2026-02-13T10:00:00+08:00', 5)).toBe('2026-02-27');
    expect(due('2026-02-13T10:00:00+08:00', 6)).toBe('2026-02-28');
    expect(due('2025-01-24T10:00:00+08:00', 3)).toBe('2025-02-05');
  });

  it('counts a received-on-weekend case from the Monday', () => {
    expect(legalReceiptDate(calendar, '2026-11-28T10:00:00+08:00')).toBe('2026-11-30');
    expect(due('2026-11-28T10:00:00+08:00', 1)).toBe('2026-12-01');
  });

  it('uses a loaded override year and marks nothing provisional', () => {
    const y2027: YearSchedule = {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: ['2027-01-09'],
      source: 'override',
    };
    const loaded = new WorkingCalendar([y2027]);
    const d = dueAt(loaded, '2026-12-31T10:00:00+08:00', 3);
    expect(d).toMatchObject({ dueDate: '2027-01-06', provisional: false });
    expect(dueAt(loaded, '2027-01-07T10:00:00+08:00', 2)).toMatchObject({ dueDate: '2027-01-09', provisional: false });
  });

  it('marks a deadline in a year without schedule as provisional, skipping weekends and the fixed-date holidays', () => {
    const d = dueAt(calendar, '2026-12-30T10:00:00+08:00', 3);
    // Without the 2027 schedule, 2027-01-01 (元旦, fixed by law) is still a day off (issue 12 #10).
    expect(d).toMatchObject({ dueDate: '2027-01-05', provisional: true });
    const e = explainDeadline(calendar, '2026-12-30T10:00:00+08:00', 3);
    expect(e.text.zh).toContain('元旦（2027年1月1日）');
    expect(e.text.zh).toContain('期限为暂定');
    // 劳动节 and 国庆节 too.
    expect(dueAt(calendar, '2027-04-30T10:00:00+08:00', 1).dueDate).toBe('2027-05-03');
    expect(dueAt(calendar, '2027-09-30T10:00:00+08:00', 1).dueDate).toBe('2027-10-04');
    expect(dueAt(calendar, '2026-12-01T10:00:00+08:00', 3).provisional).toBe(false);
  });

  it('moves by the working days of a pause', () => {
    const plain = due('2026-11-02T10:00:00+08:00', 20);
    const paused = dueAt(calendar, '2026-11-02T10:00:00+08:00', 20, {
      pauses: [{ from: '2026-11-04T10:00:00+08:00', to: '2026-11-09T15:00:00+08:00' }],
    });
    // 11-05, 11-06, 11-09 are working days inside the pause.
    expect(workingDaysBetween(calendar, `${plain}T12:00:00+08:00`, `${paused.dueDate}T12:00:00+08:00`)).toBe(3);
  });

  it('rejects a non-positive number of working days', () => {
    expect(() => dueAt(calendar, '2026-11-02T10:00:00+08:00', 0)).toThrow(RangeError);
  });
});

describe('explainDeadline', () => {
  it('lists counted, skipped and make-up days with a readable text', () => {
    const e = explainDeadline(calendar, '2026-09-30T10:00:00+08:00', 3);
    expect(e.counted.map((d) => d.date)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
    expect(e.counted[2]).toMatchObject({ kind: 'make-up-workday', ordinal: 3 });
    expect(e.skipped.filter((d) => d.reason === 'holiday').map((d) => d.date)).toEqual([
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
    expect(e.text.zh).toBe(
      '收到日期为2026年9月30日，当日不计入期限。自次日起计算 3 个工作日，截止于2026年10月10日（星期六）当日24时前（北京时间），当日办理完毕即为按期。' +
        '期间的法定节假日不计入：国庆节（2026年10月1日至10月7日）。调休上班日照常计入：2026年10月10日（星期六）。',
    );
    expect(e.text.en).toContain('make-up');
    expect(e.text.en).toContain('10 October 2026');
  });

  it('says when the receipt date moved to the next working day', () => {
    const e = explainDeadline(calendar, '2026-10-03T09:00:00+08:00', 3);
    expect(e.legalReceiptDate).toBe('2026-10-08');
    expect(e.text.zh).toContain('法定收到日顺延为2026年10月8日');
  });

  it('explains base, extension and pause in one sentence and lists no ordinary weekends (issue 12 #10)', () => {
    const e = explainDeadline(calendar, '2026-11-02T10:00:00+08:00', 55, {
      extended: 40,
      pauses: [{ from: '2026-11-04T10:00:00+08:00', to: '2026-11-09T15:00:00+08:00' }],
    });
    expect(e.text.zh).toContain('自次日起计算 55 个工作日（原定 15 个工作日，延长 40 个工作日），暂停计时期间的 3 个工作日不计入，截止于');
    expect(e.text.zh).not.toContain('2026年11月7日'); // an ordinary Saturday is not listed
    expect(e.text.zh).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(e.text.zh).toContain('当日24时前');
    const review = explainDeadline(calendar, '2026-11-02T10:00:00+08:00', 5, { start: { zh: '评价日期', en: 'Rated on' } });
    expect(review.text.zh.startsWith('评价日期为2026年11月2日')).toBe(true);
  });
});

describe('workingDaysBetween and isOverdue', () => {
  it('counts working days overdue after the due date', () => {
    expect(workingDaysBetween(calendar, '2026-10-10T23:59:59+08:00', '2026-10-12T09:00:00+08:00')).toBe(1);
    expect(workingDaysBetween(calendar, '2026-09-30T23:59:59+08:00', '2026-10-08T09:00:00+08:00')).toBe(1);
    expect(workingDaysBetween(calendar, '2026-10-12T09:00:00+08:00', '2026-10-10T09:00:00+08:00')).toBe(0);
  });

  it('is overdue only after 24:00 of the due date', () => {
    const d = dueAt(calendar, '2026-09-30T10:00:00+08:00', 3);
    expect(isOverdue(d, '2026-10-10T23:59:59+08:00')).toBe(false);
    expect(isOverdue(d, '2026-10-11T00:00:00+08:00')).toBe(true);
  });
});

describe('properties', () => {
  const instant = fc.date({ min: new Date('2024-06-01T00:00:00Z'), max: new Date('2027-06-01T00:00:00Z'), noInvalidDate: true });
  const days = fc.integer({ min: 1, max: 40 });

  it('a later receipt never gets an earlier due date', () => {
    fc.assert(
      fc.property(instant, instant, days, (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        return due(early.toISOString(), n) <= due(late.toISOString(), n);
      }),
      { numRuns: 500 },
    );
  });

  it('more working days never give an earlier due date, and exactly n working days are counted', () => {
    fc.assert(
      fc.property(instant, days, (at, n) => {
        const d = dueAt(calendar, at, n);
        const next = dueAt(calendar, at, n + 1);
        return next.dueDate > d.dueDate && workingDaysBetween(calendar, `${d.legalReceiptDate}T12:00:00+08:00`, d.dueAt) === n && calendar.isWorkingDay(d.dueDate);
      }),
      { numRuns: 500 },
    );
  });
});
