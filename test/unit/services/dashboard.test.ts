/**
 * Issue 12 #9: the supervisor dashboard counts cases, not deadlines, and its rates only count
 * cases that reached the milestone.
 */
import { describe, expect, it } from 'vitest';
import { applyAction, type CaseRecord } from '../../../functions/domain/index.ts';
import type { ServiceDeps } from '../../../functions/services/deps.ts';
import { setTableEnv } from '../../handlers/support.ts';
import { calendar, ctx, handler, received, units } from '../cases/fixtures.ts';

setTableEnv();
const { overdueView, unitStats } = await import('../../../functions/services/queries.ts');

function deps(cases: CaseRecord[], reviews: CaseRecord[] = []): ServiceDeps {
  const repo = {
    openByUnit: async (unit: string) => cases.filter((c) => c.unit === unit),
    openReviews: async () => reviews,
    byUnit: async (unit: string) => cases.filter((c) => c.unit === unit),
  };
  return { repo, calendar: async () => calendar, units: () => units } as unknown as ServiceDeps;
}

const withId = (c: CaseRecord, n: number): CaseRecord => ({ ...c, caseId: `case-${n}`, trackingNo: `TS-${n}` });

describe('supervisor dashboard', () => {
  it('lists a case once, under its most urgent deadline', async () => {
    // Received Wed 30 Sep; acceptance due 2026-10-12 (after the National Day holiday), transfer 10-13.
    const c = withId(received(), 1);
    const now = new Date('2026-10-13T10:00:00+08:00'); // acceptance overdue, transfer due today
    const view = await overdueView(now, deps([c]));
    expect(view.overdue.map((i) => [i.trackingNo, i.deadline])).toEqual([['TS-1', 'acceptance']]);
    expect(view.overdue[0]!.otherOpen).toBe(2);
    expect(view.dueSoon).toEqual([]);
  });

  it('puts a case not yet overdue under due soon once, with the deadline due first', async () => {
    const c = withId(received(), 2);
    const view = await overdueView(new Date('2026-10-09T10:00:00+08:00'), deps([c]));
    expect(view.overdue).toEqual([]);
    expect(view.dueSoon.map((i) => [i.trackingNo, i.deadline])).toEqual([['TS-2', 'acceptance']]);
  });

  it('gives no on-time rate while nothing reached its deadline or was closed', async () => {
    const running = withId(received(), 3);
    const stats = await unitStats(new Date('2026-09-01'), new Date('2026-10-31'), new Date('2026-10-09T10:00:00+08:00'), deps([running]));
    const office = stats.items.find((u) => u.unit === 'office')!;
    expect(office).toMatchObject({ received: 1, closed: 0, onTime: 0, late: 0, onTimeRate: null, satisfactionRate: null });
  });

  it('rates over the cases that reached the milestone: closed on time, or late', async () => {
    const onTime = withId(applyAction(applyAction(received(), { type: 'accept' }, handler, ctx('2026-10-09T10:00:00+08:00')).next, { type: 'dispose', result: '已公开' }, handler, ctx('2026-10-10T10:00:00+08:00')).next, 4);
    const overdue = withId(received(), 5);
    const running = withId(received({ at: '2026-10-13T09:00:00+08:00' }), 6);
    const stats = await unitStats(new Date('2026-09-01'), new Date('2026-10-31'), new Date('2026-10-14T10:00:00+08:00'), deps([onTime, overdue, running]));
    const office = stats.items.find((u) => u.unit === 'office')!;
    expect(office).toMatchObject({ received: 3, closed: 1, onTime: 1, late: 1, overdue: 1, onTimeRate: 0.5 });
  });
});
