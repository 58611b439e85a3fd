import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';
import { staffSession, stopKeepingLogs } from './staff-session.ts';

/**
 * The working-day digest on the local runtime: the schedule fires every morning at 08:30
 * Shanghai on the virtual clock; the official calendar decides whether it is a working day.
 */
let rt: LocalRuntime;
const { waitForEmail, submitAnonymous } = staffSession(() => rt);

beforeAll(async () => {
  // Monday 28 September 2026: the National Day holiday (1–7 October) and the make-up working
  // Saturday 10 October lie ahead.
  rt = await startLocalRuntime({ virtualClock: '2026-09-28T09:00:00+08:00' });
}, 120_000);
afterAll(() => stopKeepingLogs(rt, 'daily-digest'));

const digests = async () => (await rt.emails()).filter((m) => m.subject.startsWith('【每日督办提醒】'));

describe('daily digest', () => {
  it('mails each unit with overdue cases and the supervisors on working days only, once a day', async () => {
    const res = { body: await submitAnonymous('未按期公开政府信息公开工作年度报告') };
    // Acceptance is due at the end of Thursday 8 October (29, 30 September, 8 October): due within
    // a working day from the morning of Wednesday 30 September, the next working day being 8 October.
    await rt.clock('2026-09-30T08:31:00+08:00');
    const wednesday = await waitForEmail((m) => m.subject.includes('【每日督办提醒】办公室 2026-09-30'));
    expect(wednesday.text).toContain(res.body.trackingNo);
    expect(wednesday.text).toContain('即将到期');
    expect(wednesday.to).toContain('supervisor@office.example.gov.cn');

    // No digest on the holiday; 8 October (due that day), then overdue on Friday 9 and the
    // make-up Saturday 10 October; once each morning.
    await rt.clock('2026-10-10T09:00:00+08:00');
    const dates = (await digests()).map((m) => /办公室 (\d{4}-\d{2}-\d{2})/.exec(m.subject)?.[1]);
    expect(dates).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    const last = (await digests()).at(-1)!;
    expect(last.text).toMatch(/已逾期 \d+ 个工作日/);
  });
});
