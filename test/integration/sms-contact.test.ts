import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';
import { staffSession, stopKeepingLogs } from './staff-session.ts';
import { people } from '../support/identities.ts';

/**
 * Citizens who left only a phone: every notice to them goes by SMS (the End User Messaging
 * stand-in), short, with the tracking number and never the access code. Then contact by
 * exception: a custodian-approved reveal of one field, once, audited; and the relay.
 */
const START = '2026-11-02T09:00:00+08:00';
const { name: NAME, phone: PHONE, phoneE164: PHONE_E164, email: EMAIL, address: ADDRESS } = people.texter;

let rt: LocalRuntime;
const { tokens, bodies: staffBodies, staff, act, signIn, waitForEmail } = staffSession(() => rt);

interface Sms {
  to: string;
  text: string;
  at: string;
}
const smsList = async () => (await rt.fetchJson('GET', '/__local/sms')).body.items as Sms[];
async function waitForSms(predicate: (m: Sms) => boolean, timeoutMs = 15_000): Promise<Sms> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await smsList()).find(predicate);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no such SMS; have: ${(await smsList()).map((m) => `${m.to} «${m.text}»`).join('; ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Receipt {
  trackingNo: string;
  accessCode: string;
  caseId: string;
}

async function caseIdOf(trackingNo: string, query = 'queue=unit') {
  const list = await staff('handler', 'GET', `/v1/cases?${query}`);
  return list.body.items.find((i: { trackingNo: string }) => i.trackingNo === trackingNo)?.caseId as string;
}

async function complaint(reporter: Record<string, unknown>): Promise<Receipt> {
  const res = await rt.fetchJson('POST', '/v1/complaints', {
    category: 'late-disclosure',
    subject: '短信测试投诉',
    description: '某局未按期公开信息。',
    respondentUnit: '某区某局',
    wantsReply: true,
    reporter: { anonymous: false, name: NAME, address: ADDRESS, ...reporter },
  });
  expect(res.status, res.text).toBe(201);
  return { ...res.body, caseId: await caseIdOf(res.body.trackingNo) };
}

async function disclosure(): Promise<Receipt> {
  const res = await rt.fetchJson('POST', '/v1/disclosure-requests', {
    applicant: { type: 'natural-person', name: NAME, phone: PHONE },
    description: '2026 年本区道路维修计划',
    formats: ['electronic'],
    delivery: 'online',
  });
  expect(res.status, res.text).toBe(201);
  return { ...res.body, caseId: await caseIdOf(res.body.trackingNo, 'queue=unit&kind=disclosure-request') };
}

const smsFor = (r: Receipt, words: string) => (m: Sms) => m.to === PHONE_E164 && m.text.includes(r.trackingNo) && m.text.includes(words);

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
  await signIn({
    handler: { sub: 'h-1', name: '王办理', groups: ['handler'], unit: 'office' },
    other: { sub: 'h-2', name: '李科员', groups: ['handler'], unit: 'policy' },
    custodian: { sub: 'c-1', name: '钱保管', groups: ['custodian'], unit: 'office' },
    handlerCustodian: { sub: 'h-1', name: '王办理', groups: ['handler', 'custodian'], unit: 'office' },
    security: { sub: 'so-1', name: '周保密', groups: ['security-officer'], unit: 'policy' },
    head: { sub: 'dh-1', name: '吴主任', groups: ['disclosure-head'], unit: 'finance' },
    supervisor: { sub: 's-1', name: '赵督办', groups: ['supervisor'], unit: 'office' },
  });
}, 120_000);

afterAll(() => stopKeepingLogs(rt, 'sms-contact'));

describe('SMS to citizens who left only a phone', () => {
  it('the forms can tell that SMS is on', async () => {
    expect((await rt.fetchJson('GET', '/v1/config')).body).toMatchObject({ sms: true });
  });

  it('complaint: receipt, acceptance, extension and result by SMS; not-accepted by SMS', async () => {
    const a = await complaint({ phone: PHONE });
    const receipt = await waitForSms(smsFor(a, '回执'));
    expect(receipt.text).not.toContain(a.accessCode);
    expect(receipt.text.length).toBeLessThanOrEqual(140);
    expect((await act('handler', a.caseId, { type: 'accept' })).status).toBe(200);
    // The acceptance notice (受理告知) too, short and without the access code.
    const accepted = await waitForSms(smsFor(a, '受理告知'));
    expect(accepted.text).not.toContain(a.accessCode);
    expect((await act('handler', a.caseId, { type: 'extend', reason: '需现场核查', workingDays: 5 })).status).toBe(200);
    await waitForSms(smsFor(a, '延长'));
    expect((await act('handler', a.caseId, { type: 'dispose', result: '已责令公开。' })).status).toBe(200);
    const result = await waitForSms(smsFor(a, '结果'));
    expect(result.text).not.toContain('已责令公开');
    const b = await complaint({ phone: PHONE });
    expect((await act('handler', b.caseId, { type: 'reject', reason: '不属于本机关职责' })).status).toBe(200);
    await waitForSms(smsFor(b, '不予受理'));
    for (const m of await smsList()) expect(m.text).not.toContain(NAME);
    // Nobody with an e-mail gets an SMS.
    const c = await complaint({ phone: PHONE, email: EMAIL });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await smsList()).some((m) => m.text.includes(c.trackingNo))).toBe(false);
  });

  it('disclosure request: receipt, clarification, extension and reply by SMS', async () => {
    const r = await disclosure();
    await waitForSms(smsFor(r, '收件回执'));
    const asked = await act('handler', r.caseId, { type: 'request-clarification', text: '请写明具体路段。', answerWithinWorkingDays: 10 });
    expect(asked.status, asked.text).toBe(200);
    const clar = await waitForSms(smsFor(r, '补正'));
    expect(clar.text).not.toContain('具体路段');
    const answered = await rt.fetchJson('POST', `/v1/track/${r.trackingNo}/clarification`, { text: '某路 1 至 5 号段。' }, { 'x-access-code': r.accessCode });
    expect(answered.status, answered.text).toBe(201);
    expect((await act('head', r.caseId, { type: 'extend', reason: '需调取档案', workingDays: 10 })).status).toBe(200);
    await waitForSms(smsFor(r, '延期'));
    expect((await act('handler', r.caseId, { type: 'draft-reply', outcome: 'disclose', text: '现提供维修计划。' })).status).toBe(200);
    expect((await act('security', r.caseId, { type: 'review', decision: 'approve' })).status).toBe(200);
    expect((await act('head', r.caseId, { type: 'approve' })).status).toBe(200);
    await waitForSms(smsFor(r, '答复'));
  });
});

describe('contact by exception', () => {
  let named: Receipt;
  const request = (who: string, caseId: string, body: unknown) => staff(who, 'POST', `/v1/cases/${caseId}/contact-requests`, body);
  const decide = (who: string, id: string, body: unknown) => staff(who, 'POST', `/v1/contact-requests/${id}/decision`, body);
  const reveal = (who: string, id: string) => rt.fetchJson('GET', `/v1/contact-requests/${id}/reveal`, undefined, { authorization: `Bearer ${tokens[who]}` });

  it('approved: the requester sees the one field once; before approval 409, others 403, afterwards 410; all audited', async () => {
    named = await complaint({ phone: PHONE });
    const filed = await request('handler', named.caseId, { field: 'phone', reason: '需电话核实投诉线索' });
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body).toMatchObject({ status: 'pending' });
    const id = filed.body.requestId as string;
    expect((await reveal('handler', id)).status).toBe(409);
    expect((await decide('handlerCustodian', id, { decision: 'approve' })).status).toBe(403);
    expect((await decide('handler', id, { decision: 'approve' })).status).toBe(403);
    const approved = await decide('custodian', id, { decision: 'approve', comment: '同意，限本次核实' });
    expect(approved.status, approved.text).toBe(200);
    expect((await decide('custodian', id, { decision: 'refuse' })).status).toBe(409);
    expect((await reveal('other', id)).status).toBe(403);
    expect((await reveal('custodian', id)).status).toBe(403);
    const shown = await reveal('handler', id);
    expect(shown.status, shown.text).toBe(200);
    expect(shown.body).toEqual({ field: 'phone', value: PHONE });
    expect(shown.text).not.toContain(NAME);
    const again = await reveal('handler', id);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('gone');
    const audit = await staff('supervisor', 'GET', `/v1/cases/${named.caseId}`);
    const events = audit.body.history.map((e: { event: string }) => e.event);
    expect(events).toEqual(expect.arrayContaining(['contact-requested', 'contact-approved', 'contact-revealed']));
    expect(audit.text).not.toContain(PHONE);
    const citizen = await rt.fetchJson('GET', `/v1/track/${named.trackingNo}`, undefined, { 'x-access-code': named.accessCode });
    expect(citizen.text).not.toContain('contact-');
  });

  it('an approval not used within 24 hours is gone', async () => {
    const filed = await request('handler', named.caseId, { field: 'address', reason: '需寄送书面告知' });
    const id = filed.body.requestId as string;
    expect((await decide('custodian', id, { decision: 'approve' })).status).toBe(200);
    await rt.clock('2026-11-04T10:00:00+08:00');
    await signIn({ handler: { sub: 'h-1', name: '王办理', groups: ['handler'], unit: 'office' } });
    expect((await reveal('handler', id)).status).toBe(410);
  });

  it('refused: nothing is revealed, and the refusal is audited', async () => {
    await signIn({ custodian: { sub: 'c-1', name: '钱保管', groups: ['custodian'], unit: 'office' }, supervisor: { sub: 's-1', name: '赵督办', groups: ['supervisor'], unit: 'office' } });
    const filed = await request('handler', named.caseId, { field: 'name', reason: '想知道是谁' });
    const id = filed.body.requestId as string;
    expect((await decide('custodian', id, { decision: 'refuse', comment: '理由不充分' })).status).toBe(200);
    const refused = await reveal('handler', id);
    expect(refused.status).toBe(409);
    expect(refused.text).not.toContain(NAME);
    const audit = await staff('supervisor', 'GET', `/v1/cases/${named.caseId}`);
    expect(audit.body.history.map((e: { event: string }) => e.event)).toContain('contact-refused');
    // A handler who cannot see the case cannot ask.
    expect((await request('other', named.caseId, { field: 'phone', reason: 'x' })).status).toBe(403);
  });

  it('relay: the message reaches the citizen by SMS (or e-mail) and the handler sees only "sent"', async () => {
    const relayed = await staff('handler', 'POST', `/v1/cases/${named.caseId}/relay`, { text: '请补充被投诉单位的具体地址。' });
    expect(relayed.status, relayed.text).toBe(201);
    expect(relayed.body).toEqual({ status: 'sent' });
    await waitForSms(smsFor(named, '留言'));
    const view = await rt.fetchJson('GET', `/v1/track/${named.trackingNo}`, undefined, { 'x-access-code': named.accessCode });
    expect(view.text).toContain('请补充被投诉单位的具体地址。');
    const byMail = await complaint({ email: EMAIL });
    expect((await staff('handler', 'POST', `/v1/cases/${byMail.caseId}/relay`, { text: '感谢您的反映。' })).status).toBe(201);
    await waitForEmail((m) => m.to.includes(EMAIL) && m.text.includes('感谢您的反映。'));
    const anonymous = await rt.fetchJson('POST', '/v1/complaints', { category: 'other', subject: '匿名', description: 'x', respondentUnit: 'y', reporter: { anonymous: true } });
    const anonId = await caseIdOf(anonymous.body.trackingNo);
    expect((await staff('handler', 'POST', `/v1/cases/${anonId}/relay`, { text: 'x' })).status).toBe(409);
    expect((await request('handler', anonId, { field: 'phone', reason: 'x' })).status).toBe(409);
  });
});

describe('identity stays hidden', () => {
  it('no staff answer and no log line carries the name or the phone', () => {
    for (const secret of [NAME, PHONE, PHONE_E164]) {
      // The one reveal answer is fetched outside staffSession, so it is not among these.
      expect(staffBodies.join('\n')).not.toContain(secret);
      expect(rt.logs()).not.toContain(secret);
    }
  });
});
