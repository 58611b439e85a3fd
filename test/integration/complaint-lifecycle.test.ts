import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalEmail, type LocalRuntime } from './harness.ts';
import { staffSession, stopKeepingLogs } from './staff-session.ts';
import { people, secret } from '../support/identities.ts';

/**
 * The complaint lifecycle end to end on the local runtime: real DynamoDB Local, real state-machine
 * runs, real SES stand-in, driven over HTTP with the virtual clock. One runtime, one timeline:
 * Monday 2026-11-02 09:00 Shanghai, moved forward as the story needs.
 */
const START = '2026-11-02T09:00:00+08:00';
const { name: NAME, email: EMAIL, phone: PHONE, workUnit: WORK_UNIT, address: ADDRESS } = people.complainant;
/** Typed into an anonymous report: dropped, so it must show nowhere. */
const DROPPED_NAME = secret('不应保存的名字');

let rt: LocalRuntime;
const { tokens, bodies: staffBodies, staff, act, waitForEmail, signIn } = staffSession(() => rt);


async function submit(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await rt.fetchJson(
    'POST',
    '/v1/complaints',
    {
      category: 'late-disclosure',
      subject: '部门预算未按期公开',
      description: '本单位 2026 年部门预算至今未在网站公开。',
      respondentUnit: '某区某局',
      wantsReply: true,
      reporter: { anonymous: false, name: NAME, email: EMAIL, phone: PHONE, workUnit: WORK_UNIT, address: ADDRESS, publicityConsent: false },
      ...overrides,
    },
    headers,
  );
  expect(res.status, res.text).toBe(201);
  return res.body as { trackingNo: string; accessCode: string; deadlines: Record<string, string> };
}

async function caseIdOf(trackingNo: string, who = 'office') {
  const list = await staff(who, 'GET', '/v1/cases?queue=unit');
  const item = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === trackingNo);
  return item?.caseId as string | undefined;
}



const toReporter = (m: LocalEmail) => m.to.includes(EMAIL);
const track = (no: string, code: string) => rt.fetchJson('GET', `/v1/track/${encodeURIComponent(no)}`, undefined, { 'x-access-code': code });

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
  await signIn({
    office: { sub: 'h-office', name: '王办理', groups: ['handler'], unit: 'office' },
    policy: { sub: 'h-policy', name: '李科员', groups: ['handler'], unit: 'policy' },
    supervisor: { sub: 's-1', name: '赵督办', groups: ['supervisor'], unit: 'office' },
  });
}, 120_000);

afterAll(() => stopKeepingLogs(rt, 'complaint-lifecycle'));

describe('complaint lifecycle on the local runtime', () => {
  let onTime: { trackingNo: string; accessCode: string; caseId: string };
  let untouched: { trackingNo: string; caseId: string };
  let rejected: { trackingNo: string; accessCode: string; caseId: string };
  let extended: { caseId: string };

  it('receives a complaint: tracking number, access code, deadlines, acknowledgement e-mail', async () => {
    const receipt = await submit();
    expect(receipt).toMatchObject({ kind: 'complaint', status: 'received', provisional: false });
    expect(receipt.accessCode.replaceAll('-', '').length).toBeGreaterThanOrEqual(20);
    expect(receipt.deadlines).toEqual({
      acceptanceDue: '2026-11-05T23:59:59+08:00',
      transferDue: '2026-11-09T23:59:59+08:00',
      dispositionDue: '2026-11-23T23:59:59+08:00',
    });
    const ack = await waitForEmail((m) => toReporter(m) && m.text.includes(receipt.trackingNo));
    expect(ack.text).toContain('2026年11月23日');
    onTime = { ...receipt, caseId: (await caseIdOf(receipt.trackingNo))! };
    expect(onTime.caseId).toBeTruthy();
  });

  it('replays an Idempotency-Key submission instead of creating a second case', async () => {
    const key = 'form-1f6c2a7e-retry';
    const first = await submit({ subject: '幂等测试' }, { 'idempotency-key': key });
    const second = await submit({ subject: '幂等测试' }, { 'idempotency-key': key });
    expect(second.trackingNo).toBe(first.trackingNo);
    // The code is shown once and kept nowhere: the replay says so instead of repeating it.
    expect(second.accessCode).toBeUndefined();
    expect((second as unknown as { accessCodeShownOnce: boolean }).accessCodeShownOnce).toBe(true);
    const list = await staff('office', 'GET', '/v1/cases?queue=unit');
    expect(list.body.items.filter((i: { subject: string }) => i.subject === '幂等测试')).toHaveLength(1);
    const clash = await rt.fetchJson('POST', '/v1/complaints', { category: 'other', subject: '别的内容', description: 'x', respondentUnit: 'y', reporter: { anonymous: true } }, { 'idempotency-key': key });
    expect(clash.status).toBe(409);
  });

  it('validates with field-level messages in Chinese and English and stores nothing', async () => {
    const before = (await staff('office', 'GET', '/v1/cases?queue=unit')).body.items.length;
    const res = await rt.fetchJson('POST', '/v1/complaints', {
      category: 'no-such-category',
      subject: '',
      description: 'x'.repeat(6000),
      respondentUnit: '某局',
      reporter: { anonymous: false, name: '张三' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['category', 'subject', 'description', 'reporter.email']));
    expect(res.body.error.fields.every((f: { message: string; messageEn: string }) => f.message && f.messageEn)).toBe(true);
    expect((await staff('office', 'GET', '/v1/cases?queue=unit')).body.items.length).toBe(before);
  });

  it('accepts on time, disposes, e-mails the result, and the reporter rates it', async () => {
    const accepted = await act('office', onTime.caseId, { type: 'accept' });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const disposed = await act('office', onTime.caseId, { type: 'dispose', result: '已责令该局于 5 个工作日内公开部门预算。' });
    expect(disposed.body.status).toBe('disposed');
    const result = await waitForEmail((m) => toReporter(m) && m.text.includes('已责令该局'));
    expect(result.subject).toBeTruthy();
    const view = await track(onTime.trackingNo, onTime.accessCode);
    expect(view.body).toMatchObject({ status: 'disposed', result: '已责令该局于 5 个工作日内公开部门预算。', canRate: true, overdue: false });
    expect(view.body.history.map((h: { event: string }) => h.event)).toEqual(['received', 'accepted', 'disposed']);
    const rating = await rt.fetchJson('POST', `/v1/track/${onTime.trackingNo}/rating`, { rating: 'satisfied', comment: '处理及时' }, { 'x-access-code': onTime.accessCode });
    expect(rating.status).toBe(201);
    const again = await rt.fetchJson('POST', `/v1/track/${onTime.trackingNo}/rating`, { rating: 'satisfied' }, { 'x-access-code': onTime.accessCode });
    expect(again.status).toBe(409);
  });

  it('answers 409 for a stale expectedVersion and for an illegal transition, changing nothing', async () => {
    const stale = await staff('office', 'POST', `/v1/cases/${onTime.caseId}/actions`, { type: 'note', text: '旧版本', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    const before = await staff('office', 'GET', `/v1/cases/${onTime.caseId}`);
    const illegal = await staff('office', 'POST', `/v1/cases/${onTime.caseId}/actions`, { type: 'accept', expectedVersion: before.body.version });
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.code).toBe('conflict');
    const after = await staff('office', 'GET', `/v1/cases/${onTime.caseId}`);
    expect(after.body.version).toBe(before.body.version);
    expect(after.body.history).toEqual(before.body.history);
  });

  it('rejects inside 3 working days with the reason sent to the reporter', async () => {
    const receipt = await submit({ subject: '不属于本机关职责的事项' });
    rejected = { ...receipt, caseId: (await caseIdOf(receipt.trackingNo))! };
    const res = await act('office', rejected.caseId, { type: 'reject', reason: '所反映事项不属于政务公开范围' });
    expect(res.body.status).toBe('not-accepted');
    await waitForEmail((m) => toReporter(m) && m.text.includes('所反映事项不属于政务公开范围'));
    const view = await track(rejected.trackingNo, rejected.accessCode);
    expect(view.body.status).toBe('not-accepted');
    expect(view.body.history.at(-1)).toMatchObject({ event: 'not-accepted', note: '所反映事项不属于政务公开范围' });
  });

  it('transfers to the competent unit: it leaves this queue, the unit is told, identity does not travel', async () => {
    const receipt = await submit({ subject: '政策文件未公开' });
    const caseId = (await caseIdOf(receipt.trackingNo))!;
    const res = await act('office', caseId, { type: 'transfer', reason: '属政策法规科职责', toUnit: 'policy' });
    expect(res.status, res.text).toBe(200);
    expect(await caseIdOf(receipt.trackingNo, 'office')).toBeUndefined();
    expect(await caseIdOf(receipt.trackingNo, 'policy')).toBe(caseId);
    const toPolicy = await waitForEmail((m) => m.to.includes('policy@') && m.text.includes(receipt.trackingNo));
    expect(toPolicy.text).not.toContain(NAME);
    await waitForEmail((m) => toReporter(m) && m.text.includes('政策法规科'));
    expect((await staff('office', 'GET', `/v1/cases/${caseId}`)).status).toBe(403);
  });

  it('extends with a reason and a new date, told to reporter and unit', async () => {
    const receipt = await submit({ subject: '需要延期的案件' });
    extended = { caseId: (await caseIdOf(receipt.trackingNo))! };
    await act('office', extended.caseId, { type: 'accept' });
    const res = await act('office', extended.caseId, { type: 'extend', reason: '需向上级主管部门核实', workingDays: 5 });
    expect(res.body.deadlines.dispositionDue).toBe('2026-11-30T23:59:59+08:00');
    await waitForEmail((m) => toReporter(m) && m.text.includes('需向上级主管部门核实') && m.text.includes('2026年11月30日'));
    await waitForEmail((m) => m.to.includes('office@') && m.text.includes('需向上级主管部门核实'));
  });

  it('follows an anonymous report by access code; unknown number and wrong code give the same 404', async () => {
    const receipt = await submit({ subject: '匿名举报', reporter: { anonymous: true, name: DROPPED_NAME } });
    const ok = await track(receipt.trackingNo, receipt.accessCode);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('received');
    const wrongCode = await track(receipt.trackingNo, 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
    const unknown = await track('TS20261102-ZZZZZZ', receipt.accessCode);
    expect(wrongCode.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongCode.body).toEqual(unknown.body);
    const caseId = (await caseIdOf(receipt.trackingNo))!;
    expect(JSON.stringify((await staff('office', 'GET', `/v1/cases/${caseId}`)).body)).not.toContain(DROPPED_NAME);
  });

  it('escalates a case left alone for 4 working days: supervisors e-mailed, on the overdue list', async () => {
    const receipt = await submit({ subject: '无人处理的案件' });
    untouched = { trackingNo: receipt.trackingNo, caseId: (await caseIdOf(receipt.trackingNo))! };
    // Wednesday 09:00: one working day before the acceptance deadline (Thursday 11-05).
    await rt.clock('2026-11-04T09:30:00+08:00');
    await waitForEmail((m) => m.to.includes('office@') && m.text.includes(receipt.trackingNo) && m.subject.includes('即将'));
    // Friday: four working days after receipt, the acceptance deadline has passed.
    await rt.clock('2026-11-06T10:00:00+08:00');
    const escalation = await waitForEmail((m) => m.to.includes('supervisor') && m.text.includes(receipt.trackingNo));
    expect(escalation.text).not.toContain(NAME);
    const overdue = await staff('supervisor', 'GET', '/v1/supervision/overdue');
    const item = overdue.body.overdue.find((i: { caseId: string }) => i.caseId === untouched.caseId);
    expect(item).toMatchObject({ deadline: 'acceptance', workingDaysOverdue: 1, unit: 'office' });
    const view = await track(receipt.trackingNo, receipt.accessCode);
    expect(view.body).toMatchObject({ overdue: true, escalated: true });
    expect(view.body.history.map((h: { event: string }) => h.event)).toContain('escalated');
    // Once per deadline: one acceptance warning, however often the workflow looped since.
    const warnings = (await rt.emails()).filter((m) => m.text.includes(receipt.trackingNo) && m.subject.includes('受理期限即将')).length;
    expect(warnings).toBe(1);
  });

  it('escalates again when a later deadline is missed', async () => {
    // Tuesday 11-10: the transfer deadline (Monday 11-09) has passed too.
    await rt.clock('2026-11-10T10:00:00+08:00');
    const view = await staff('office', 'GET', `/v1/cases/${untouched.caseId}`);
    const escalations = view.body.history.filter((h: { event: string }) => h.event === 'escalated');
    expect(escalations.map((h: { deadline: string }) => h.deadline)).toEqual(['acceptance', 'transfer']);
    const overdue = await staff('supervisor', 'GET', '/v1/supervision/overdue');
    // One row per case, under its most overdue deadline, saying how many more are open.
    const rows = overdue.body.overdue.filter((i: { caseId: string }) => i.caseId === untouched.caseId);
    expect(rows.map((i: { deadline: string; otherOpen: number }) => [i.deadline, i.otherOpen])).toEqual([['acceptance', 2]]);
  });

  it('warns the assigned handler at the address their sign-in gave', async () => {
    tokens.mailHandler = await rt.login({ sub: 'h-mail', name: '孙办理', groups: ['handler'], unit: 'office', email: 'sun.handler@example.gov.cn' });
    await staff('mailHandler', 'GET', '/v1/cases?queue=mine');
    const receipt = await submit({ subject: '指定承办人的案件' });
    const caseId = (await caseIdOf(receipt.trackingNo))!;
    const assigned = await act('office', caseId, { type: 'assign', assignee: 'h-mail' });
    expect(assigned.body).toMatchObject({ assignee: 'h-mail', assigneeName: '孙办理' });
    await waitForEmail((m) => m.to.includes('sun.handler@example.gov.cn') && m.text.includes(receipt.trackingNo));
    // Received Tuesday 11-10: acceptance due Friday 11-13, warning Thursday 09:00, to the handler.
    await rt.clock('2026-11-12T09:30:00+08:00');
    const warning = await waitForEmail((m) => m.subject.includes('受理期限即将') && m.text.includes(receipt.trackingNo));
    expect(warning.to).toContain('sun.handler@example.gov.cn');
  });

  it('opens a supervision review on a dissatisfied rating, listed for supervisors at once', async () => {
    const receipt = await submit({ subject: '评价不满意的案件' });
    const caseId = (await caseIdOf(receipt.trackingNo))!;
    await act('office', caseId, { type: 'accept' });
    await act('office', caseId, { type: 'dispose', result: '经核查，该局已公开。' });
    const rated = await rt.fetchJson('POST', `/v1/track/${receipt.trackingNo}/rating`, { rating: 'dissatisfied', comment: '并未公开' }, { 'x-access-code': receipt.accessCode });
    expect(rated.status).toBe(201);
    await waitForEmail((m) => m.to.includes('supervisor') && m.text.includes(receipt.trackingNo) && m.text.includes('并未公开'));
    const view = await staff('supervisor', 'GET', '/v1/supervision/overdue');
    expect(view.body.reviews.find((r: { caseId: string }) => r.caseId === caseId)).toMatchObject({ deadline: 'review', overdue: false });
    const tracked = await track(receipt.trackingNo, receipt.accessCode);
    expect(tracked.body.deadlines.reviewDue).toBeTruthy();
    expect(tracked.body.history.map((h: { event: string }) => h.event)).toContain('review-opened');
  });

  it('answers 429 after repeated failed look-ups of one tracking number', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await track('TS20261110-GUESS1', `AAAAA-AAAAA-AAAAA-AAAAA-AAAA${i % 10}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    const limited = await track('TS20261110-GUESS1', 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'rate-limited' });
  });

  it('reports per-unit figures for a date range', async () => {
    const stats = await staff('supervisor', 'GET', '/v1/stats?from=2026-11-01&to=2026-11-30');
    expect(stats.status, stats.text).toBe(200);
    const office = stats.body.items.find((u: { unit: string }) => u.unit === 'office');
    expect(office.received).toBeGreaterThanOrEqual(5);
    // Rates count only cases that reached the milestone: closed on time, or late; the rest still run.
    expect(office.onTime + office.late).toBeLessThanOrEqual(office.received);
    expect(office.onTime).toBeLessThanOrEqual(office.closed);
    expect(office.onTimeRate).toBe(office.onTime + office.late ? Math.round((office.onTime / (office.onTime + office.late)) * 1000) / 1000 : null);
    expect(office.ratings.satisfied).toBeGreaterThanOrEqual(1);
    const policy = stats.body.items.find((u: { unit: string }) => u.unit === 'policy');
    expect(policy.received).toBe(1);
  });

  it('fixes a provisional deadline once the next year is loaded', async () => {
    await rt.clock('2026-12-21T10:00:00+08:00');
    const receipt = await submit({ subject: '跨年案件' });
    // 2027 not loaded: weekends and 元旦 (a fixed-date holiday) skipped, 15 working days end Tuesday 2027-01-12, provisional.
    expect(receipt.deadlines.dispositionDue).toBe('2027-01-12T23:59:59+08:00');
    expect((receipt as unknown as { provisional: boolean }).provisional).toBe(true);
    tokens.admin = await rt.login({ sub: 'admin-1', name: '管理员', groups: ['admin'], unit: 'office' });
    const loaded = await staff('admin', 'PUT', '/v1/admin/calendars/2027', { holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'], workdays: [] });
    expect(loaded.status, loaded.text).toBe(200);
    const view = await track(receipt.trackingNo, receipt.accessCode);
    expect(view.body.deadlines.dispositionDue).toBe('2027-01-13T23:59:59+08:00');
    expect(view.body.provisional).toBe(false);
    const detail = view.body.deadlineDetails.find((d: { name: string }) => d.name === 'disposition');
    expect(detail.explanation.skipped.map((d: { date: string }) => d.date)).toContain('2027-01-01');
  });

  it('keeps the reporter identity out of staff responses, staff e-mails and the logs', async () => {
    const staffText = staffBodies.join('\n');
    const staffMail = (await rt.emails()).filter((m) => !toReporter(m)).map((m) => `${m.to}\n${m.subject}\n${m.text}`).join('\n');
    const logs = rt.logs();
    for (const secret of [NAME, EMAIL, PHONE, WORK_UNIT]) {
      expect(staffText, `staff responses contain ${secret}`).not.toContain(secret);
      expect(staffMail, `staff e-mails contain ${secret}`).not.toContain(secret);
      expect(logs, `logs contain ${secret}`).not.toContain(secret);
    }
    expect((await rt.emails()).some(toReporter)).toBe(true);
  });

  it('keeps identity out of a raw dump of the tables', async () => {
    const { DynamoDBClient, ScanCommand } = await import('@aws-sdk/client-dynamodb');
    const client = new DynamoDBClient({ endpoint: rt.dynamoDbEndpoint, region: 'cn-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    for (const table of ['di-Cases', 'di-ReporterVault']) {
      const dump = JSON.stringify((await client.send(new ScanCommand({ TableName: table }))).Items);
      for (const secret of [NAME, EMAIL, PHONE, WORK_UNIT]) expect(dump, `${table} holds ${secret}`).not.toContain(secret);
    }
    client.destroy();
  });
});
