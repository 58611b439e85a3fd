import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forget, namedReporter, people, secret, secrets } from '../support/identities.ts';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';
import { IdentityGuard } from './identity-guard.ts';

/**
 * The guard every integration and browser suite runs when it stops its runtime
 * (identity-guard.ts): here it is shown to see what it must see, so that its silence elsewhere
 * means something.
 */
let rt: LocalRuntime;
const handler = { sub: 'h-guard', name: '王办理', groups: ['handler'], unit: 'office' };

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: '2026-11-02T09:00:00+08:00' });
}, 120_000);
afterAll(() => rt?.stop());

describe('identity guard', () => {
  it('finds a planted identity in a staff answer and in the raw DynamoDB Local files, and nothing of a real submission', async () => {
    const subject = '守卫测试可见的事项标题';
    const submitted = await rt.fetchJson('POST', '/v1/complaints', {
      category: 'other',
      subject,
      description: '守卫测试。',
      respondentUnit: '某局',
      reporter: namedReporter(people.complainant),
    });
    expect(submitted.status, submitted.text).toBe(201);
    const list = await rt.fetchAs(handler, 'GET', '/v1/cases?queue=unit');
    const caseId = list.body.items.find((c: { trackingNo: string }) => c.trackingNo === submitted.body.trackingNo).caseId;

    // The raw scan is not blind: what is stored in the clear (the subject) is found in the files.
    const canary = secret(subject);
    const seen = await rt.identityGuard.leaks(rt.logs(), rt.dataDir, [canary]);
    expect(seen.map((l) => l.where).join('\n')).toMatch(/raw file .*\.db/);
    expect(seen.map((l) => l.where).join('\n')).toMatch(/staff answer GET \/v1\/cases 200/);
    forget(canary);

    // The real reporter: vault-encrypted, never shown, so nothing is found anywhere.
    expect(await rt.identityGuard.leaks(rt.logs(), rt.dataDir)).toEqual([]);

    // A staff note that (wrongly) carries an identity is caught in the answer and in the store.
    const planted = secret('被故意写进备注的姓名司徒甲');
    const current = await rt.fetchAs(handler, 'GET', `/v1/cases/${caseId}`);
    const noted = await rt.fetchAs(handler, 'POST', `/v1/cases/${caseId}/actions`, { type: 'note', expectedVersion: current.body.version, text: planted });
    expect(noted.status, noted.text).toBe(200);
    const leaks = await rt.identityGuard.leaks(rt.logs(), rt.dataDir);
    expect(leaks.every((l) => l.secret === planted)).toBe(true);
    expect(leaks.map((l) => l.where).join('\n')).toMatch(/staff answer POST \/v1\/cases\/[^ ]+\/actions 200/);
    expect(leaks.map((l) => l.where).join('\n')).toMatch(/raw file/);
    // And stopping the runtime, which every suite does last, fails on it.
    await expect(rt.stop()).rejects.toThrow(`Reporter identity leaked:\n  ${planted} in staff answer`);
    forget(planted);
    expect(secrets()).not.toContain(planted);
  });
});

describe('its one exception, the contact reveal', () => {
  const reveal = (text: string, status = 200) => ({ method: 'GET', path: '/v1/contact-requests/r-1/reveal', status, text });
  const phone = people.texter.phone;

  it('lets an approved reveal carry its one field, and nothing more', async () => {
    const guard = new IdentityGuard();
    guard.recordStaffAnswer(reveal(JSON.stringify({ field: 'phone', value: phone })));
    expect(await guard.leaks('', undefined)).toEqual([]);

    guard.recordStaffAnswer(reveal(JSON.stringify({ field: 'phone', value: phone, name: people.texter.name })));
    guard.recordStaffAnswer(reveal(JSON.stringify({ field: 'phone', value: `${phone} ${people.texter.email}` })));
    guard.recordStaffAnswer({ ...reveal(JSON.stringify({ field: 'phone', value: phone })), path: '/v1/cases/c-1' });
    const leaks = await guard.leaks('', undefined);
    expect(leaks.map((l) => l.secret).sort()).toEqual([people.texter.email, people.texter.name, phone, phone, phone].sort());
  });

  it('checks staff e-mails and logs, not the citizen\'s own mail', async () => {
    const guard = new IdentityGuard();
    const mail = { from: 'noreply@x', at: '', subject: '受理', text: `${people.applicant.name}您好` };
    guard.recordEmails([{ ...mail, to: people.applicant.email }]);
    expect(await guard.leaks('', undefined)).toEqual([]);
    guard.recordEmails([{ ...mail, to: 'office@example.gov.cn' }]);
    expect(await guard.leaks(`INFO reporter ${people.applicant.phone}`, undefined)).toEqual([
      { secret: people.applicant.name, where: 'e-mail to "office@example.gov.cn" «受理»' },
      { secret: people.applicant.phone, where: 'runtime logs' },
    ]);
  });
});
