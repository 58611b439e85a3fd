import { describe, expect, it } from 'vitest';
import { checkYearSchedule } from '../../../functions/domain/calendar/index.ts';

describe('checkYearSchedule', () => {
  it('accepts a plausible notice', () => {
    expect(checkYearSchedule(2027, { holidays: ['2027-01-01', '2027-02-06'], workdays: ['2027-02-20', '2026-12-26'] })).toEqual([]);
  });

  it('names each bad entry by its path', () => {
    const problems = checkYearSchedule(2027, { holidays: ['2027-02-30', '2028-01-01'], workdays: ['2027-02-22', '2027-01-01'] });
    // 2027-02-22 and 2027-01-01 are weekdays: not make-up days.
    expect(problems.map((p) => p.path)).toEqual(['holidays.0', 'holidays.1', 'workdays.0', 'workdays.1']);
    const both = checkYearSchedule(2027, { holidays: ['2027-01-02'], workdays: ['2027-01-02'] });
    expect(both.map((p) => p.path)).toEqual(['workdays.0']);
    expect(both[0]!.message).toContain('既是假日又是上班日');
  });
});
