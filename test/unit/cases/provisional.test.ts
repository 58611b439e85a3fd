import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../functions/domain/calendar/index.ts';
import { refreshProvisional } from '../../../functions/domain/index.ts';
import { received } from './fixtures.ts';

describe('refreshProvisional', () => {
  const lateDecember = () => received({ at: '2026-12-21T10:00:00+08:00' });

  it('recomputes open provisional deadlines on a calendar that now knows the year', () => {
    const c = lateDecember();
    expect(c.deadlines.disposition).toMatchObject({ dueDate: '2027-01-12', provisional: true });
    const loaded = new WorkingCalendar([{ year: 2027, holidays: ['2027-01-01', '2027-01-04'], workdays: [], source: 'override' }]);
    const fresh = refreshProvisional(loaded, c);
    expect(fresh.deadlines.disposition).toMatchObject({ dueDate: '2027-01-13', provisional: false });
    expect(fresh.deadlines.acceptance).toBe(c.deadlines.acceptance);
  });

  it('returns the same case when nothing changed', () => {
    const c = lateDecember();
    expect(refreshProvisional(new WorkingCalendar(), c)).toBe(c);
    const settled = received();
    expect(refreshProvisional(new WorkingCalendar(), settled)).toBe(settled);
  });
});
