import { describe, expect, it } from 'vitest';
import { addDays, isWeekend, WorkingCalendar } from '../../../functions/domain/calendar/index.ts';
import { notices } from './official-notices.ts';

const calendar = new WorkingCalendar();

describe('official mainland calendar', () => {
  for (const [year, notice] of Object.entries(notices)) {
    it(`matches the State Council notice for every day of ${year}`, () => {
      const inHoliday = (date: string) => notice.holidays.some(([from, to]) => date >= from && date <= to);
      const mismatches: string[] = [];
      for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
        const expected = notice.workdays.includes(date) || (!isWeekend(date) && !inHoliday(date));
        if (calendar.isWorkingDay(date) !== expected) mismatches.push(date);
      }
      expect(mismatches).toEqual([]);
    });

    it(`labels ${year} make-up days and holidays`, () => {
      for (const date of notice.workdays) expect(calendar.day(date)).toMatchObject({ working: true, kind: 'make-up-workday', provisional: false });
      for (const [from] of notice.holidays) expect(calendar.day(from)).toMatchObject({ working: false, kind: 'holiday' });
    });
  }

  it('names holidays in Chinese', () => {
    expect(calendar.day('2026-10-01').name).toBe('国庆节');
    expect(calendar.day('2026-02-17').name).toBe('春节');
  });

  it('treats a year without a schedule as provisional, weekends and the fixed-date holidays only', () => {
    const far = new WorkingCalendar([], new Map());
    expect(far.day('2026-10-01')).toEqual({ date: '2026-10-01', working: false, kind: 'holiday', name: '国庆节', provisional: true });
    expect(far.day('2026-10-05')).toEqual({ date: '2026-10-05', working: true, kind: 'weekday', provisional: true });
    expect(far.day('2026-10-10')).toMatchObject({ working: false, kind: 'weekend', provisional: true });
  });

  it('lets a loaded schedule replace what the package knew of that year', () => {
    const overridden = new WorkingCalendar([{ year: 2026, holidays: ['2026-03-02'], workdays: [], source: 'override' }]);
    expect(overridden.isWorkingDay('2026-10-01')).toBe(true);
    expect(overridden.isWorkingDay('2026-03-02')).toBe(false);
    expect(overridden.isWorkingDay('2026-10-10')).toBe(false);
    expect(overridden.schedule(2026)?.source).toBe('override');
  });

  it('honours a make-up day a notice places in the year before', () => {
    const withCrossYear = new WorkingCalendar([{ year: 2030, holidays: ['2030-01-01'], workdays: ['2029-12-29'], source: 'override' }]);
    expect(withCrossYear.day('2029-12-29')).toMatchObject({ working: true, kind: 'make-up-workday' });
  });
});
