import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComplaintCase, Mail, Mailer, NoticeIntent, ReporterIdentity, ReporterVault, StoredNotice } from '../../../functions/domain/index.ts';
import { logger } from '../../../functions/shared/logger.ts';
import { deliverPendingNotices, MAX_NOTICE_ATTEMPTS, type DeliveryDeps } from '../../../functions/notices/deliver.ts';
import { allDomainNotices, newCase, units } from './domain-notices.ts';

const REPORTER: ReporterIdentity = { name: '欧阳振华', email: 'ouyang.zhenhua.1984@example.net', phone: '13912345678' };

function fakeRepo(c: ComplaintCase, intents: NoticeIntent[]) {
  const notices: StoredNotice[] = intents.map((n) => ({ ...n, caseId: c.caseId, status: 'pending', createdAt: '2026-03-02T02:00:00Z', attempts: 0 }));
  return {
    notices,
    gets: 0,
    async get(caseId: string) {
      this.gets++;
      return caseId === c.caseId ? c : undefined;
    },
    async pendingNotices() {
      return notices.filter((n) => n.status === 'pending');
    },
    async noticesDueAgainAt() {
      return notices.filter((n) => n.status === 'pending').map((n) => n.retryAt ?? '')[0];
    },
    async claimNotice(_caseId: string, noticeId: string) {
      // Ids repeat when notices of several cases are mixed: claim the first still pending.
      const notice = notices.find((n) => n.noticeId === noticeId && n.status === 'pending');
      if (!notice) return false;
      notice.status = 'sending';
      return true;
    },
    async markNotice(_caseId: string, noticeId: string, status: 'sent' | 'skipped' | 'pending' | 'failed', retryAt?: string) {
      const notice = notices.find((n) => n.noticeId === noticeId && n.status === 'sending')!;
      Object.assign(notice, { status, attempts: notice.attempts + 1, retryAt });
    },
  };
}

function fakeVault(identity: ReporterIdentity | undefined) {
  const asked: (keyof ReporterIdentity)[][] = [];
  const vault: ReporterVault = {
    async put() {
      throw new Error('not used');
    },
    async get(ref, fields) {
      asked.push([...fields]);
      if (ref !== 'ref-1' || !identity) return {} as never;
      return Object.fromEntries(fields.filter((f) => identity[f]).map((f) => [f, identity[f]])) as never;
    },
  };
  return { vault, asked };
}

function fakeMailer(failOn?: (m: Mail) => boolean): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    sent,
    async send(mail) {
      if (failOn?.(mail)) throw Object.assign(new Error(`MessageRejected: Email address is not verified: ${mail.to.join(', ')}`), { name: 'MessageRejected' });
      sent.push(mail);
    },
  };
}

function setup(opts: { identity?: ReporterIdentity; intents?: NoticeIntent[]; failOn?: (m: Mail) => boolean; anonymous?: boolean } = {}) {
  const change = newCase('case-1', { anonymous: !!opts.anonymous });
  const repo = fakeRepo(change.next, opts.intents ?? change.notices);
  const { vault, asked } = fakeVault('identity' in opts ? opts.identity : REPORTER);
  const mailer = fakeMailer(opts.failOn);
  const deps: DeliveryDeps = { repo, vault, mailer, units, supervisorEmails: ['boss@example.gov.cn'], publicBaseUrl: 'https://xf.example.gov.cn' };
  return { repo, asked, mailer, deps, caseId: change.next.caseId };
}

describe('deliverPendingNotices', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs ids, templates and recipient kinds, never an address or a name', async () => {
    const logged: unknown[] = [];
    for (const level of ['info', 'warn', 'error'] as const) vi.spyOn(logger, level).mockImplementation((...args: unknown[]) => void logged.push(args));
    const intents = [...allDomainNotices(), { noticeId: 'n-fin', template: 'new-case', to: { kind: 'unit', unit: 'finance' }, vars: newCase().notices[1]!.vars } as NoticeIntent];
    const { deps, caseId } = setup({ intents, failOn: (m) => m.to.includes('boss@example.gov.cn') });
    expect((await deliverPendingNotices(caseId, deps)).failed).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    expect(logged.length).toBeGreaterThan(3);
    expect(text).toContain('"recipient":"reporter"');
    expect(text).not.toContain('@');
    for (const value of Object.values(REPORTER)) expect(text).not.toContain(value);
  });

  it('sends the receipt to the reporter, decrypting the e-mail field only', async () => {
    const { deps, mailer, asked, repo, caseId } = setup();
    expect(await deliverPendingNotices(caseId, deps)).toEqual({ sent: 2, skipped: 0, failed: 0, parked: 0 });
    expect(asked).toEqual([['email']]);
    expect(mailer.sent.map((m) => m.to)).toEqual([[REPORTER.email], ['office@example.gov.cn']]);
    expect(mailer.sent[0]!.subject).toContain('收件回执');
    expect(repo.notices.map((n) => n.status)).toEqual(['sent', 'sent']);
  });

  it('sends an official notice exactly as its document was issued (number and date included)', async () => {
    const change = newCase('case-1');
    const issued = { subject: '投诉收件回执（编号 X）（某府办投诉〔2026〕第 9 号）', text: '某市人民政府办公室\n投诉收件回执\n某府办投诉〔2026〕第 9 号\n' };
    const { deps, mailer, caseId, repo } = setup({ intents: [change.notices[0]!] });
    repo.notices[0]!.mail = issued;
    await deliverPendingNotices(caseId, deps);
    expect(mailer.sent).toEqual([{ to: [REPORTER.email], ...issued }]);
  });

  it("never puts the reporter's identity into a staff notice", async () => {
    const staff = allDomainNotices().filter((n) => n.to.kind !== 'reporter');
    const { deps, mailer, caseId } = setup({ intents: staff });
    await deliverPendingNotices(caseId, deps);
    expect(mailer.sent.length).toBeGreaterThan(5);
    for (const mail of mailer.sent) {
      const all = JSON.stringify(mail);
      for (const value of Object.values(REPORTER)) expect(all).not.toContain(value);
    }
  });

  it('routes each recipient kind to its address', async () => {
    const intents: NoticeIntent[] = [
      { noticeId: 'n-unit', template: 'new-case', to: { kind: 'unit', unit: 'policy' }, vars: newCase().notices[1]!.vars },
      { noticeId: 'n-sup', template: 'escalation', to: { kind: 'supervisors' }, vars: { ...newCase().notices[1]!.vars, deadlineName: '受理', dueDate: '2026-03-05' } },
      { noticeId: 'n-mail', template: 'assignment', to: { kind: 'email', email: 'zhang@example.gov.cn' }, vars: { ...newCase().notices[1]!.vars, assigneeName: '张承办' } },
    ];
    const { deps, mailer, caseId } = setup({ intents });
    await deliverPendingNotices(caseId, deps);
    expect(mailer.sent.map((m) => m.to)).toEqual([['policy@example.gov.cn'], ['boss@example.gov.cn'], ['zhang@example.gov.cn']]);
  });

  it('sends each notice on its own: a failing one holds back none after it, and is retried later', async () => {
    const { deps, mailer, repo, caseId } = setup({ failOn: (m) => m.to.includes(REPORTER.email!) });
    const before = Date.now();
    expect(await deliverPendingNotices(caseId, deps)).toEqual({ sent: 1, skipped: 0, failed: 1, parked: 0 });
    // The receipt to the reporter failed; the unit's notice after it went out all the same.
    expect(mailer.sent.map((m) => m.to)).toEqual([['office@example.gov.cn']]);
    expect(repo.notices.map((n) => n.status)).toEqual(['pending', 'sent']);
    expect(Date.parse(repo.notices[0]!.retryAt!)).toBeGreaterThanOrEqual(before + 60_000);

    // The next try sends only what is still due, never the sent one again.
    deps.mailer = fakeMailer();
    expect(await deliverPendingNotices(caseId, deps)).toEqual({ sent: 1, skipped: 0, failed: 0, parked: 0 });
    expect((deps.mailer as ReturnType<typeof fakeMailer>).sent.map((m) => m.to)).toEqual([[REPORTER.email]]);
    expect(repo.notices.map((n) => n.status)).toEqual(['sent', 'sent']);
  });

  it('parks a notice that keeps failing after the attempt limit, and reports it without the address', async () => {
    const logged: unknown[] = [];
    vi.spyOn(logger, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const escalation: NoticeIntent = { noticeId: 'n-esc', template: 'escalation', to: { kind: 'supervisors' }, vars: { ...newCase().notices[1]!.vars, deadlineName: '受理', dueDate: '2026-03-05' } };
    const { deps, mailer, repo, caseId } = setup({ intents: [...newCase().notices, escalation], failOn: (m) => m.to.includes(REPORTER.email!) });
    const runs = [];
    for (let run = 0; run < MAX_NOTICE_ATTEMPTS + 2; run++) runs.push(await deliverPendingNotices(caseId, deps));
    expect(runs[0]).toEqual({ sent: 2, skipped: 0, failed: 1, parked: 0 });
    expect(runs[MAX_NOTICE_ATTEMPTS - 1]).toEqual({ sent: 0, skipped: 0, failed: 0, parked: 1 });
    expect(runs[MAX_NOTICE_ATTEMPTS]).toEqual({ sent: 0, skipped: 0, failed: 0, parked: 0 });
    expect(repo.notices.map((n) => n.status)).toEqual(['failed', 'sent', 'sent']);
    expect(repo.notices[0]!.attempts).toBe(MAX_NOTICE_ATTEMPTS);
    // The escalation after the failing receipt went out on the first run.
    expect(mailer.sent.map((m) => m.to)).toEqual([['office@example.gov.cn'], ['boss@example.gov.cn']]);
    const parked = JSON.stringify(logged.filter((l) => JSON.stringify(l).includes('notice parked')));
    expect(parked).toContain(repo.notices[0]!.noticeId);
    expect(parked).not.toContain('@');
  });

  it('skips a reporter notice when the reporter has no e-mail', async () => {
    const { deps, mailer, repo, caseId } = setup({ identity: { name: '欧阳振华', phone: '13912345678' } });
    expect(await deliverPendingNotices(caseId, deps)).toEqual({ sent: 1, skipped: 1, failed: 0, parked: 0 });
    expect(repo.notices.map((n) => n.status)).toEqual(['skipped', 'sent']);
    expect(mailer.sent.map((m) => m.to)).toEqual([['office@example.gov.cn']]);
  });

  it('skips a reporter notice without touching the vault when the case has no reporter reference', async () => {
    const receipt = newCase().notices[0]!;
    const { deps, asked, repo, caseId } = setup({ anonymous: true, intents: [receipt] });
    expect(await deliverPendingNotices(caseId, deps)).toEqual({ sent: 0, skipped: 1, failed: 0, parked: 0 });
    expect(asked).toEqual([]);
    expect(repo.notices[0]!.status).toBe('skipped');
  });

  it('skips a unit notice when the unit has no e-mail, and a supervisors notice when none are configured', async () => {
    const vars = { ...newCase().notices[1]!.vars, deadlineName: '受理', dueDate: '2026-03-05' };
    const intents: NoticeIntent[] = [
      { noticeId: 'n-fin', template: 'new-case', to: { kind: 'unit', unit: 'finance' }, vars },
      { noticeId: 'n-sup', template: 'escalation', to: { kind: 'supervisors' }, vars },
    ];
    const { deps, mailer, caseId } = setup({ intents });
    deps.supervisorEmails = [];
    expect(await deliverPendingNotices(caseId, deps)).toEqual({ sent: 0, skipped: 2, failed: 0, parked: 0 });
    expect(mailer.sent).toHaveLength(0);
  });

  it('decrypts the reporter e-mail once for several reporter notices', async () => {
    const reporterNotices = allDomainNotices().filter((n) => n.to.kind === 'reporter');
    const { deps, asked, mailer, caseId } = setup({ intents: reporterNotices });
    await deliverPendingNotices(caseId, deps);
    expect(asked).toEqual([['email']]);
    expect(mailer.sent.length).toBe(reporterNotices.length);
  });
});
