import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalEmail, type LocalRuntime } from './harness.ts';
import { staffSession, stopKeepingLogs } from './staff-session.ts';
import { people } from '../support/identities.ts';

/**
 * Disclosure requests (依申请公开) end to end on the local runtime: real DynamoDB Local, the same
 * state machine as complaints, the SES stand-in, the virtual clock. Monday 2026-11-02 09:00
 * Shanghai; November 2026 has no public holiday, so the dates below are counted by hand.
 */
const START = '2026-11-02T09:00:00+08:00';
const { name: NAME, email: EMAIL, phone: PHONE, address: ADDRESS, idNumber: ID_NUMBER } = people.applicant;

let rt: LocalRuntime;
const { tokens, bodies: staffBodies, staff, act, waitForEmail, signIn } = staffSession(() => rt);

type Receipt = { trackingNo: string; accessCode: string; deadlines: Record<string, string>; caseId: string };


async function submit(type: string, description: string): Promise<Receipt> {
  const res = await rt.fetchJson('POST', '/v1/disclosure-requests', {
    applicant: { type, name: NAME, email: EMAIL, phone: PHONE, address: ADDRESS, idNumber: ID_NUMBER },
    description,
    purpose: '研究',
    formats: ['electronic'],
    delivery: 'email',
  });
  expect(res.status, res.text).toBe(201);
  expect(res.body).toMatchObject({ kind: 'disclosure-request', status: 'received' });
  const list = await staff('handler', 'GET', '/v1/cases?queue=unit&kind=disclosure-request');
  const caseId = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === res.body.trackingNo)?.caseId;
  return { ...res.body, caseId };
}


const track = (r: Receipt) => rt.fetchJson('GET', `/v1/track/${r.trackingNo}`, undefined, { 'x-access-code': r.accessCode });
const toApplicant = (m: LocalEmail) => m.to.includes(EMAIL);


beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
  await signIn({
    handler: { sub: 'h-1', name: '王办理', groups: ['handler'], unit: 'office' },
    // Agency-wide roles: they serve requests of every unit.
    security: { sub: 'so-1', name: '周保密', groups: ['security-officer'], unit: 'policy' },
    head: { sub: 'dh-1', name: '吴主任', groups: ['disclosure-head'], unit: 'finance' },
    supervisor: { sub: 's-1', name: '赵督办', groups: ['supervisor'], unit: 'office' },
  });
}, 120_000);

afterAll(() => stopKeepingLogs(rt, 'disclosure-request'));

describe('disclosure requests on the local runtime', () => {
  const r = {} as Record<'onTime' | 'extended' | 'clarified' | 'silent' | 'consulted' | 'untouched' | 'next', Receipt>;

  it('receives requests: reply due 20 working days after receipt, receipt e-mailed', async () => {
    r.onTime = await submit('natural-person', '2026 年本区道路维修工程招标文件');
    r.extended = await submit('commercial-enterprise', '2026 年政府采购目录');
    r.clarified = await submit('natural-person', '那个文件');
    r.silent = await submit('research-institution', '有关材料');
    r.consulted = await submit('public-interest-org', '某企业环评报告');
    r.untouched = await submit('legal-service-org', '2025 年行政复议统计');
    expect(r.onTime.deadlines.replyDue).toBe('2026-11-30T23:59:59+08:00');
    const receipt = await waitForEmail((m) => toApplicant(m) && m.subject.includes('收件回执'));
    expect(receipt.text).toContain('2026年11月30日');
    expect(receipt.text).not.toContain(r.onTime.accessCode);
  });

  it('sends no reply before both review steps; then e-mails it and shows it on the tracking page', async () => {
    await rt.clock('2026-11-03T10:00:00+08:00');
    const drafted = await act('handler', r.onTime.caseId, { type: 'draft-reply', outcome: 'disclose', text: '现向您提供招标文件电子版（见附件）。' });
    expect(drafted.status, drafted.text).toBe(200);
    expect(drafted.body.status).toBe('in-review');
    // The handler can neither review nor approve; the security officer cannot approve.
    expect((await act('handler', r.onTime.caseId, { type: 'review', decision: 'approve' })).status).toBe(403);
    expect((await act('security', r.onTime.caseId, { type: 'approve' })).status).toBe(409);
    const returned = await act('security', r.onTime.caseId, { type: 'review', decision: 'return', comment: '请补充公开方式说明' });
    expect(returned.body).toMatchObject({ status: 'received', returned: { comment: '请补充公开方式说明', step: 'review' } });
    await act('handler', r.onTime.caseId, { type: 'draft-reply', outcome: 'disclose', text: '现通过电子邮件向您提供招标文件电子版。' });
    const reviewed = await act('security', r.onTime.caseId, { type: 'review', decision: 'approve' });
    expect(reviewed.body.status).toBe('awaiting-approval');
    expect((await act('security', r.onTime.caseId, { type: 'approve' })).status).toBe(403);
    let view = await track(r.onTime);
    expect(view.body.reply).toBeUndefined();
    expect((await rt.emails()).some((m) => toApplicant(m) && m.subject.includes('答复（编号'))).toBe(false);

    const approved = await act('head', r.onTime.caseId, { type: 'approve' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: 'replied', reply: { outcome: 'disclose' } });
    const mail = await waitForEmail((m) => toApplicant(m) && m.subject.includes(r.onTime.trackingNo) && m.subject.includes('答复（编号'));
    expect(mail.text).toContain('予以公开');
    view = await track(r.onTime);
    expect(view.body).toMatchObject({ status: 'replied', reply: { outcome: 'disclose', text: '现通过电子邮件向您提供招标文件电子版。' } });
    expect(view.body.history.map((h: { event: string }) => h.event)).toEqual(['received', 'replied']);
    const ledger = (await staff('handler', 'GET', `/v1/cases/${r.onTime.caseId}`)).body.history.map((h: { event: string }) => h.event);
    // The handler who drafted first became the assignee (issue 12 #8).
    expect(ledger).toEqual(['received', 'assigned', 'reply-drafted', 'reply-returned', 'reply-drafted', 'reply-reviewed', 'replied']);
  });

  it('extends once, by the disclosure head only, and tells the applicant the reason and new date', async () => {
    expect((await act('handler', r.extended.caseId, { type: 'extend', reason: '需调取档案', workingDays: 10 })).status).toBe(403);
    const tooLong = await act('head', r.extended.caseId, { type: 'extend', reason: '需调取档案', workingDays: 21 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields[0].path).toBe('workingDays');
    const extended = await act('head', r.extended.caseId, { type: 'extend', reason: '需调取历史档案', workingDays: 10 });
    expect(extended.status, extended.text).toBe(200);
    // 30 working days from Monday 2 November: Monday 14 December.
    expect(extended.body.deadlines.replyDue).toBe('2026-12-14T23:59:59+08:00');
    expect(extended.body.extension).toMatchObject({ allowed: false, count: 1 });
    const mail = await waitForEmail((m) => toApplicant(m) && m.subject.includes('延期答复') && m.subject.includes(r.extended.trackingNo));
    expect(mail.text).toContain('需调取历史档案');
    expect(mail.text).toContain('2026年12月14日');
    expect((await act('head', r.extended.caseId, { type: 'extend', reason: '再延', workingDays: 5 })).status).toBe(409);
  });

  it('stops the clock for clarification and starts it afresh from the answer', async () => {
    await rt.clock('2026-11-04T10:00:00+08:00');
    const asked = await act('handler', r.clarified.caseId, { type: 'request-clarification', text: '请写明文件名称或文号。', answerWithinWorkingDays: 10 });
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body.status).toBe('awaiting-clarification');
    expect(asked.body.deadlineDetails.find((d: { name: string }) => d.name === 'reply')).toMatchObject({ suspended: true, overdue: false });
    await waitForEmail((m) => toApplicant(m) && m.subject.includes('补正告知'));
    // A second request is asked too and will get no answer (the next tests).
    const silent = await act('handler', r.silent.caseId, { type: 'request-clarification', text: '请说明所需信息的具体内容。', answerWithinWorkingDays: 3 });
    expect(silent.status, silent.text).toBe(200);
    let view = await track(r.clarified);
    expect(view.body).toMatchObject({ canAnswerClarification: true, clarification: { text: '请写明文件名称或文号。' } });

    await rt.clock('2026-11-09T10:00:00+08:00');
    const answered = await rt.fetchJson('POST', `/v1/track/${r.clarified.trackingNo}/clarification`, { text: '区交通局 2026 年 3 号文件' }, { 'x-access-code': r.clarified.accessCode });
    expect(answered.status, answered.text).toBe(201);
    // 20 working days after Monday 9 November: Monday 7 December.
    expect(answered.body.deadlines.replyDue).toBe('2026-12-07T23:59:59+08:00');
    view = await track(r.clarified);
    expect(view.body).toMatchObject({ status: 'received', canAnswerClarification: false });
    expect(view.body.history.map((h: { event: string }) => h.event)).toEqual(['received', 'clarification-requested', 'clarified']);
    // Only one clarification, and it is the applicant's to give.
    const again = await rt.fetchJson('POST', `/v1/track/${r.clarified.trackingNo}/clarification`, { text: '再补充' }, { 'x-access-code': r.clarified.accessCode });
    expect(again.status).toBe(409);
  });

  it('refuses clarification after 7 working days of receipt', async () => {
    await rt.clock('2026-11-12T09:00:00+08:00');
    const late = await act('handler', r.untouched.caseId, { type: 'request-clarification', text: '请明确。', answerWithinWorkingDays: 5 });
    expect(late.status).toBe(409);
  });

  it('closes a request as other/no-clarification when no answer comes in time', async () => {
    // Asked on Wednesday 4 November, answer due by the end of Monday 9 November; the clock is past it.
    const view = await track(r.silent);
    expect(view.body).toMatchObject({ status: 'closed', conclusion: { outcome: 'other', subReason: 'no-clarification' } });
    await waitForEmail((m) => toApplicant(m) && m.subject.includes('终止办理') && m.subject.includes(r.silent.trackingNo));
  });

  it('does not count the time a third party is consulted', async () => {
    await rt.clock('2026-11-19T10:00:00+08:00');
    const consulted = await act('handler', r.consulted.caseId, { type: 'consult-third-party', party: '某化工企业', text: '是否同意公开环评报告' });
    expect(consulted.body.status).toBe('consulting-third-party');
    await rt.clock('2026-11-24T10:00:00+08:00');
    const answered = await act('handler', r.consulted.caseId, { type: 'third-party-answered', text: '不同意公开第 3 章' });
    expect(answered.status, answered.text).toBe(200);
    // Paused Fri 20 – Tue 24 November: 3 working days not counted; 30 November + 3 = 3 December.
    expect(answered.body.deadlines.replyDue).toBe('2026-12-03T23:59:59+08:00');
  });

  it('escalates a missed reply deadline to the supervisors', async () => {
    await rt.clock('2026-12-01T09:00:00+08:00');
    await waitForEmail((m) => m.subject.includes('逾期督办') && m.subject.includes(r.untouched.trackingNo));
    const overdue = await staff('supervisor', 'GET', '/v1/supervision/overdue');
    expect(overdue.body.overdue.find((o: { trackingNo: string }) => o.trackingNo === r.untouched.trackingNo)).toMatchObject({ deadline: 'reply', escalated: true });
    expect((await track(r.untouched)).body).toMatchObject({ overdue: true, escalated: true });
  });

  it('concludes the rest of 2026 and balances the annual table against a hand count', async () => {
    for (const [key, decision] of [
      ['clarified', { outcome: 'unable', subReason: 'not-held', text: '本机关未制作、获取该文件。' }],
      ['consulted', { outcome: 'withhold', subReason: 'third-party-rights', text: '第三方不同意公开，公开会损害其合法权益。' }],
    ] as const) {
      expect((await act('handler', r[key].caseId, { type: 'draft-reply', ...decision })).status).toBe(200);
      expect((await act('security', r[key].caseId, { type: 'review', decision: 'approve' })).status).toBe(200);
      expect((await act('head', r[key].caseId, { type: 'approve' })).status).toBe(200);
    }
    await rt.clock('2027-01-05T10:00:00+08:00');
    for (const who of Object.keys(tokens)) tokens[who] = await rt.login({ sub: `${who}-2027`, name: who, groups: [{ handler: 'handler', security: 'security-officer', head: 'disclosure-head', supervisor: 'supervisor' }[who]!], unit: 'office' });
    r.next = await submit('other-org', '2027 年部门预算');
    await act('handler', r.untouched.caseId, { type: 'draft-reply', outcome: 'disclose', text: '现予公开。' });
    await act('security', r.untouched.caseId, { type: 'review', decision: 'approve' });
    await act('head', r.untouched.caseId, { type: 'approve' });

    const zero = { 'natural-person': 0, 'commercial-enterprise': 0, 'research-institution': 0, 'public-interest-org': 0, 'legal-service-org': 0, 'other-org': 0, total: 0 };
    const row = (values: Partial<typeof zero>) => ({ ...zero, ...values, total: Object.values(values).reduce((a, b) => a + b, 0) });
    const report = async (year: number) => {
      const res = await staff('supervisor', 'GET', `/v1/reports/disclosure-annual?year=${year}`);
      expect(res.status, res.text).toBe(200);
      return Object.fromEntries(res.body.rows.map((x: { key: string; values: typeof zero }) => [x.key, x.values]));
    };
    const y2026 = await report(2026);
    expect(y2026).toMatchObject({
      new: row({ 'natural-person': 2, 'commercial-enterprise': 1, 'research-institution': 1, 'public-interest-org': 1, 'legal-service-org': 1 }),
      'carried-in': zero,
      disclose: row({ 'natural-person': 1 }),
      unable: row({ 'natural-person': 1 }),
      'unable/not-held': row({ 'natural-person': 1 }),
      withhold: row({ 'public-interest-org': 1 }),
      'withhold/third-party-rights': row({ 'public-interest-org': 1 }),
      other: row({ 'research-institution': 1 }),
      'other/no-clarification': row({ 'research-institution': 1 }),
      total: row({ 'natural-person': 2, 'research-institution': 1, 'public-interest-org': 1 }),
      'carried-out': row({ 'commercial-enterprise': 1, 'legal-service-org': 1 }),
    });
    const y2027 = await report(2027);
    expect(y2027).toMatchObject({
      new: row({ 'other-org': 1 }),
      'carried-in': row({ 'commercial-enterprise': 1, 'legal-service-org': 1 }),
      disclose: row({ 'legal-service-org': 1 }),
      total: row({ 'legal-service-org': 1 }),
      'carried-out': row({ 'commercial-enterprise': 1, 'other-org': 1 }),
    });
    for (const table of [y2026, y2027]) {
      for (const col of Object.keys(zero) as (keyof typeof zero)[]) {
        expect(table.new[col] + table['carried-in'][col]).toBe(table.total[col] + table['carried-out'][col]);
      }
    }
    const csv = await staff('supervisor', 'GET', '/v1/reports/disclosure-annual?year=2026&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('本年新收');
    expect((await staff('handler', 'GET', '/v1/reports/disclosure-annual?year=2026')).status).toBe(403);
  });

  it('never shows staff the applicant identity, nor writes it to the logs', () => {
    for (const body of staffBodies) {
      expect(body).not.toContain(NAME);
      expect(body).not.toContain(EMAIL);
      expect(body).not.toContain(PHONE);
    }
    expect(rt.logs()).not.toContain(NAME);
    expect(rt.logs()).not.toContain(EMAIL);
  });
});
