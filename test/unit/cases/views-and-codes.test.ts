import { describe, expect, it } from 'vitest';
import {
  applyAction,
  citizenView,
  rateCase,
  hashAccessCode,
  newAccessCode,
  newTrackingNo,
  normaliseAccessCode,
  staffView,
  verifyAccessCode,
  type HistoryEvent,
} from '../../../functions/domain/index.ts';
import { calendar, ctx, handler, received } from './fixtures.ts';

describe('access codes', () => {
  it('carry at least 100 bits and verify only the right code, forgiving case and dashes', async () => {
    const code = newAccessCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    expect(normaliseAccessCode(code).length * 5).toBeGreaterThanOrEqual(100);
    const hash = await hashAccessCode(code);
    expect(hash).not.toContain(normaliseAccessCode(code));
    expect(await verifyAccessCode(code.toLowerCase().replaceAll('-', ' '), hash)).toBe(true);
    expect(await verifyAccessCode(newAccessCode(), hash)).toBe(false);
    expect(await verifyAccessCode(code, undefined)).toBe(false);
  });

  it('store a salted HMAC-SHA-256: each hash its own salt, malformed hashes never verify', async () => {
    const code = newAccessCode();
    const [a, b] = [await hashAccessCode(code), await hashAccessCode(code)];
    expect(a).toMatch(/^hmac-sha256\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(await verifyAccessCode(code, b)).toBe(true);
    const [scheme, salt, mac] = a.split('$');
    for (const bad of ['', 'hmac-sha256', `${scheme}$${salt}`, `${scheme}$${salt}$`, `${scheme}$${salt}$${mac!.slice(0, 20)}`, `sha1$${salt}$${mac}`, `${a}$extra`, 'scrypt$16384$8$1$$', 'scrypt$3$8$1$AAAA$AAAA']) {
      expect(await verifyAccessCode(code, bad)).toBe(false);
    }
  });

  it('still verify the scrypt hashes stored before', async () => {
    // Written by the previous hashAccessCode (scrypt N=2^14, r=8, p=1) for this code.
    const legacy = 'scrypt$16384$8$1$A/Xpq/jQKzOcbdl8NDODOw==$o69RK3C1n1ZenjNRdMF0YB8FjkHlL1yX2pcczunGlvI=';
    expect(await verifyAccessCode('7K4M9-QX2R8-ABCDE-FGHJK-MNPQR', legacy)).toBe(true);
    expect(await verifyAccessCode('7k4m9 qx2r8 abcde fghjk mnpqr', legacy)).toBe(true);
    expect(await verifyAccessCode('7K4M9-QX2R8-ABCDE-FGHJK-MNPQ0', legacy)).toBe(false);
  });

  it('answer an unknown case with the same work as a wrong code', async () => {
    const stored = await hashAccessCode(newAccessCode());
    const time = async (fn: () => Promise<unknown>) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 2000; i++) await fn();
      return Number(process.hrtime.bigint() - t0);
    };
    const code = newAccessCode();
    await time(() => verifyAccessCode(code, stored));
    await time(() => verifyAccessCode(code, undefined));
    const wrong = await time(() => verifyAccessCode(code, stored));
    const unknown = await time(() => verifyAccessCode(code, undefined));
    // Both compute one HMAC and one constant-time compare; a lookup that skipped the work would be several times faster.
    expect(unknown / wrong).toBeGreaterThan(0.3);
  });

  it('tracking numbers name the kind and Shanghai date', () => {
    expect(newTrackingNo('complaint', new Date('2026-09-29T16:30:00Z'))).toMatch(/^TS20260930-[2-9A-Z]{6}$/);
  });
});

describe('views', () => {
  const c = applyAction(received(), { type: 'note', text: '内部意见：先核实' }, handler, ctx('2026-10-08T10:00:00+08:00')).next;
  const history: HistoryEvent[] = [
    { caseId: c.caseId, seq: 0, at: c.receivedAt, event: 'received', actor: { type: 'citizen' }, publicNote: '通过网上平台收到' },
    { caseId: c.caseId, seq: 1, at: '2026-10-08T02:00:00.000Z', event: 'noted', actor: { type: 'staff', sub: 'h1', name: '王办理', unit: 'office' }, internalNote: '内部意见：先核实' },
  ];

  it('shows the citizen no staff names or internal notes, and explains each deadline', () => {
    const view = citizenView(calendar, c, history, new Date('2026-10-12T10:00:00+08:00'));
    const text = JSON.stringify(view);
    expect(text).not.toContain('王办理');
    expect(text).not.toContain('内部意见');
    expect(view.history.map((h) => h.event)).toEqual(['received']);
    expect(view).toMatchObject({ overdue: true, escalated: false, status: 'received', deadlines: { acceptanceDue: '2026-10-10T23:59:59+08:00' } });
    expect(view.deadlineDetails[0]?.explanation?.text.zh).toContain('调休上班日');
  });

  it('explains an extended deadline as base plus extension, and the review from the rating date (issue 12 #10)', () => {
    const accepted = applyAction(c, { type: 'accept' }, handler, ctx('2026-10-08T11:00:00+08:00')).next;
    const extended = applyAction(accepted, { type: 'extend', reason: '需核实', workingDays: 10 }, handler, ctx('2026-10-09T10:00:00+08:00')).next;
    const disposed = applyAction(extended, { type: 'dispose', result: '已公开' }, handler, ctx('2026-10-12T10:00:00+08:00')).next;
    const rated = rateCase(disposed, 'dissatisfied', '不满意', ctx('2026-10-13T10:00:00+08:00')).next;
    const view = citizenView(calendar, rated, [], new Date('2026-10-13T12:00:00+08:00'));
    const explain = (name: string) => view.deadlineDetails.find((d) => d.name === name)!.explanation!.text.zh;
    expect(explain('disposition')).toContain('25 个工作日（原定 15 个工作日，延长 10 个工作日）');
    expect(explain('review').startsWith('评价日期为2026年10月13日，当日不计入期限。')).toBe(true);
  });

  it('gives staff the content and history but never the reporter reference', () => {
    const view = staffView(calendar, c, history, new Date('2026-10-09T10:00:00+08:00'), ['accept']);
    expect(view.description).toContain('部门预算');
    expect(view.history[1]).toMatchObject({ internalNote: '内部意见：先核实' });
    expect(JSON.stringify(view)).not.toContain('ref-1');
    expect(view.version).toBe(2);
  });
});

describe('tracking numbers as people type them', () => {
  it('reads case, dashes, spaces and full-width forms back to the written number', async () => {
    const { normaliseTrackingNo } = await import('../../../functions/domain/cases/tracking-number.ts');
    for (const typed of ['TS20261123-7K4M9Q', 'ts20261123-7k4m9q', 'TS202611237K4M9Q', ' ts 20261123 7k4m9q ', 'TS20261123－7K4M9Q', 'ｔｓ２０２６１１２３－７ｋ４ｍ９ｑ', 'TS20261123_7K4M9Q', 'TS-20261123-7K4M9Q']) {
      expect(normaliseTrackingNo(typed), typed).toBe('TS20261123-7K4M9Q');
    }
    expect(normaliseTrackingNo('no-such-thing')).toBe('NOSUCHTHING');
  });
});
