import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, stopKeepingLogs, type LocalRuntime } from './harness.ts';
import { staffSession } from './staff-session.ts';
import { secret } from '../support/identities.ts';

/**
 * Consultations on draft decisions (重大决策预公开) end to end on the local runtime: the same
 * state machine opens and closes the consultation at its times and escalates a missing adoption
 * report; comments are cases of their own kind. Monday 2026-11-02 09:00 Shanghai; November 2026
 * has no public holiday.
 */
const START = '2026-11-02T09:00:00+08:00';
// Two named commenters, one consenting to publication, and an abusive comment to hide.
const [NAMED, NAMED_EMAIL] = ['欧阳公开', 'commenter-7781@example.cn'];
// The named commenter consented to publication: the name is public, the address is not.
const [SHY, SHY_EMAIL] = [secret('诸葛保密'), secret('commenter-9903@example.cn')];
secret(NAMED_EMAIL);
const DROPPED_NAME = secret('不该保存的名字');
const ABUSE = '这是一条辱骂性的评论内容';

let rt: LocalRuntime;
const { tokens, staff, waitForEmail } = staffSession(() => rt);
type Receipt = { trackingNo: string; accessCode: string };

const comment = (id: string, body: Record<string, unknown>) => rt.fetchJson('POST', `/v1/consultations/${id}/comments`, body);
const track = (r: Receipt) => rt.fetchJson('GET', `/v1/track/${r.trackingNo}`, undefined, { 'x-access-code': r.accessCode });

const signIn = async () => {
  tokens.handler = await rt.login({ sub: 'h-7', name: '孙起草', groups: ['handler'], unit: 'policy' });
  tokens.supervisor = await rt.login({ sub: 's-7', name: '钱领导', groups: ['supervisor'], unit: 'office' });
};

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
  await signIn();
}, 120_000);

afterAll(() => stopKeepingLogs(rt, 'consultation'));

describe('consultations on the local runtime', () => {
  let id = '';
  const r = {} as Record<'named' | 'shy' | 'anonymous' | 'abusive', Receipt>;
  const commentIds: Record<string, string> = {};

  it('drafts a consultation closing by default 7 working days after opening; only a supervisor approves it', async () => {
    const created = await staff('handler', 'POST', '/v1/consultations', {
      title: '关于调整城区公共停车收费标准的决定（征求意见稿）',
      background: '城区停车资源紧张，现行收费标准已执行十年。',
      basis: '《价格法》《某省定价目录》',
      content: '## 主要内容\n\n- **白天**每小时 5 元\n- 夜间免费\n\n<script>alert(1)</script>',
      unit: 'policy',
      opensAt: '2026-11-04T09:00:00+08:00',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', closesAt: '2026-11-13T23:59:59+08:00' });
    id = created.body.id;
    const tooLong = await staff('handler', 'POST', '/v1/consultations', { title: 't', background: 'b', basis: 'b', content: 'c', unit: 'policy', opensAt: '2026-11-04', closesAt: '2026-11-20' });
    expect(tooLong.status).toBe(400);
    // A draft is not public, and takes no comments.
    expect((await rt.fetchJson('GET', `/v1/consultations/${id}`)).status).toBe(404);
    expect((await rt.fetchJson('GET', '/v1/consultations')).body.items.some((i: { id: string }) => i.id === id)).toBe(false);
    expect((await comment(id, { text: '草稿期间的意见', anonymous: true })).status).toBe(409);
    expect((await staff('handler', 'POST', `/v1/consultations/${id}/actions`, { type: 'approve' })).status).toBe(403);
    const approved = await staff('supervisor', 'POST', `/v1/consultations/${id}/actions`, { type: 'approve' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('approved');
  });

  it('refuses a comment before opening (409), then opens by itself and takes comments', async () => {
    expect((await comment(id, { text: '还没开始', anonymous: true })).status).toBe(409);
    const upcoming = (await rt.fetchJson('GET', '/v1/consultations')).body.items.find((i: { id: string }) => i.id === id);
    expect(upcoming).toMatchObject({ status: 'upcoming', opensAt: '2026-11-04T09:00:00+08:00', closesAt: '2026-11-13T23:59:59+08:00' });

    await rt.clock('2026-11-04T10:00:00+08:00');
    const page = await rt.fetchJson('GET', `/v1/consultations/${id}`);
    expect(page.body).toMatchObject({ status: 'open', acceptsComments: true });
    expect(page.body.contentHtml).toContain('<strong>白天</strong>');
    expect(page.body.contentHtml).not.toContain('<script');
    const staffView = await staff('handler', 'GET', `/v1/cases/${id}`);
    expect(staffView.body.status).toBe('open');

    const named = await comment(id, { text: '建议白天前 30 分钟免费。', anonymous: false, name: NAMED, email: NAMED_EMAIL, publicityConsent: true });
    expect(named.status, named.text).toBe(201);
    expect(named.body.trackingNo).toMatch(/^YJ20261104-/);
    r.named = named.body;
    r.shy = (await comment(id, { text: '建议夜间也收取少量费用。', anonymous: false, name: SHY, email: SHY_EMAIL })).body;
    r.anonymous = (await comment(id, { text: '赞成夜间免费。', anonymous: true, name: DROPPED_NAME })).body;
    r.abusive = (await comment(id, { text: ABUSE, anonymous: true })).body;
    const receipt = await waitForEmail((m) => m.to.includes(NAMED_EMAIL) && m.subject.includes('意见已收到'));
    expect(receipt.text).not.toContain(r.named.accessCode);
  });

  it('lets staff see every comment and hide an abusive one with a reason, kept and counted', async () => {
    const list = await staff('handler', 'GET', `/v1/consultations/${id}/comments`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.items).toHaveLength(4);
    for (const item of list.body.items) commentIds[item.trackingNo] = item.commentId;
    expect(list.text).not.toContain(SHY);
    expect(list.text).not.toContain(NAMED_EMAIL);
    expect(list.text).not.toContain(DROPPED_NAME);
    const hidden = await staff('handler', 'POST', `/v1/consultations/${id}/actions`, { type: 'hide', commentId: commentIds[r.abusive.trackingNo], reason: '含有辱骂性语言' });
    expect(hidden.status, hidden.text).toBe(200);
    expect(hidden.body.status).toBe('hidden');
    const after = await staff('handler', 'GET', `/v1/consultations/${id}/comments`);
    expect(after.body.items).toHaveLength(4);
    expect((await track(r.abusive)).body).toMatchObject({ kind: 'comment', status: 'hidden', hidden: { reason: '含有辱骂性语言' } });
  });

  it('closes by itself: a comment after closing is refused (409); the report is then due in 7 working days', async () => {
    await rt.clock('2026-11-14T09:00:00+08:00');
    expect((await comment(id, { text: '晚了', anonymous: true })).status).toBe(409);
    const c = await staff('handler', 'GET', `/v1/cases/${id}`);
    expect(c.body.status).toBe('closed');
    expect(c.body.deadlines.reportDue).toBe('2026-11-24T23:59:59+08:00');
    await waitForEmail((m) => m.subject.includes('征求意见截止'));
    expect((await rt.fetchJson('GET', `/v1/consultations/${id}`)).body).toMatchObject({ status: 'closed', acceptsComments: false });
  });

  it('escalates a missing adoption report after its deadline; it shows in the supervisor\'s overdue view', async () => {
    await rt.clock('2026-11-25T09:00:00+08:00');
    await signIn();
    await waitForEmail((m) => m.subject.includes('逾期督办') && m.subject.includes('公布意见采纳情况期限'));
    const overdue = await staff('supervisor', 'GET', '/v1/supervision/overdue');
    expect(overdue.body.overdue).toContainEqual(expect.objectContaining({ caseId: id, kind: 'consultation', deadline: 'report', escalated: true }));
  });

  it('refuses a not-adopted group without a reason (400); publishes the report, visible without sign-in', async () => {
    const groups = [
      { commentIds: [commentIds[r.named.trackingNo], commentIds[r.anonymous.trackingNo]], outcome: 'partly-adopted', reason: '白天前 15 分钟免费' },
      { commentIds: [commentIds[r.shy.trackingNo]], outcome: 'not-adopted' },
    ];
    const refused = await staff('handler', 'POST', `/v1/consultations/${id}/report`, { items: groups });
    expect(refused.status, refused.text).toBe(400);
    groups[1]!.reason = '夜间停车需求以居民为主，维持免费';
    const published = await staff('handler', 'POST', `/v1/consultations/${id}/report`, { items: groups });
    expect(published.status, published.text).toBe(200);
    expect((await staff('handler', 'POST', `/v1/consultations/${id}/report`, { items: groups })).status).toBe(409);

    const page = await rt.fetchJson('GET', `/v1/consultations/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.status).toBe('reported');
    expect(page.body.report.counts).toMatchObject({ received: 4, hidden: 1, published: 3, adopted: 0, partlyAdopted: 2, notAdopted: 1 });
    expect(page.body.report.onTime).toBe(false);
    expect(page.text).toContain(NAMED);
    expect(page.text).toContain('夜间停车需求以居民为主');
    expect(page.text).not.toContain(SHY);
    expect(page.text).not.toContain(DROPPED_NAME);
    expect(page.text).not.toContain(ABUSE);
    expect(page.text).not.toMatch(/@example\.cn|YJ2026/);
    expect((await rt.fetchJson('GET', '/v1/consultations')).body.items.find((i: { id: string }) => i.id === id).status).toBe('reported');
  });

  it('tells named commenters with an e-mail, and shows each commenter what became of the comment', async () => {
    const told = await waitForEmail((m) => m.to.includes(SHY_EMAIL) && m.subject.includes('采纳情况'));
    expect(told.text).toContain('不予采纳');
    expect(told.text).toContain('夜间停车需求以居民为主');
    await waitForEmail((m) => m.to.includes(NAMED_EMAIL) && m.subject.includes('采纳情况'));
    const tracked = await track(r.shy);
    expect(tracked.body).toMatchObject({ kind: 'comment', status: 'concluded', conclusion: { outcome: 'not-adopted', reason: '夜间停车需求以居民为主，维持免费' } });
    expect(tracked.body.history.map((h: { event: string }) => h.event)).toEqual(['received', 'concluded']);
  });

  it('counts comments, adoption and the report\'s timeliness in the stats', async () => {
    const stats = await staff('supervisor', 'GET', '/v1/stats');
    expect(stats.body.consultations).toMatchObject({ commentsReceived: 4, reportsPublished: 1, reportsOnTime: 0, adoptionRate: 0.667 });
    // Comments are not cases of the unit's queue.
    const queue = await staff('handler', 'GET', '/v1/cases?queue=unit');
    expect(queue.body.items.every((i: { kind: string }) => i.kind !== 'comment')).toBe(true);
  });
});
