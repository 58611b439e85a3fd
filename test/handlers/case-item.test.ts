import { describe, expect, it } from 'vitest';
import { caseItem } from '../../functions/adapters/dynamodb/case-store.ts';
import type { CaseRecord } from '../../functions/domain/index.ts';
import { received } from '../unit/cases/fixtures.ts';

/** The sparse index attributes the overdue view and the staff queues read (openDeadlines). */
describe('caseItem: openUnit/openDueAt', () => {
  const c = received({ at: '2026-11-02T10:00:00+08:00' }) as CaseRecord;
  const open = Object.entries(c.deadlines).filter(([, d]) => d?.state === 'open');

  it('a running deadline: the earliest due time', () => {
    expect(open.length).toBeGreaterThan(0);
    const earliest = open.map(([, d]) => new Date(d!.dueAt).toISOString()).sort()[0];
    expect(caseItem(c)).toMatchObject({ openUnit: c.unit, openDueAt: earliest });
  });

  it('open deadlines all paused: still in the index (the queues list it), due after every real time (the overdue view never reads it)', () => {
    const paused = structuredClone(c);
    for (const [name] of open) paused.deadlines[name as keyof typeof paused.deadlines]!.suspended = true;
    const item = caseItem(paused);
    expect(item.openUnit).toBe(c.unit);
    expect(String(item.openDueAt) > '9000').toBe(true);
  });

  it('nothing open: not in the index', () => {
    const closed = structuredClone(c);
    for (const [name] of open) closed.deadlines[name as keyof typeof closed.deadlines]!.state = 'met';
    expect(caseItem(closed)).not.toHaveProperty('openUnit');
    expect(caseItem(closed)).not.toHaveProperty('openDueAt');
  });
});
