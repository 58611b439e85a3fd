import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';
import { stopKeepingLogs } from './staff-session.ts';

/** Evidence uploads: presigned POSTs straight to (local) S3, with type and size conditions S3 enforces. */
const START = '2026-11-02T09:00:00+08:00';
let rt: LocalRuntime;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

async function ticket(body: Record<string, unknown>) {
  return rt.fetchJson('POST', '/v1/uploads', body);
}

async function send(t: { url: string; fields: Record<string, string> }, file: Buffer, override: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...t.fields, ...override })) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file)]), 'evidence.png');
  return fetch(t.url, { method: 'POST', body: form });
}

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
}, 120_000);
afterAll(() => stopKeepingLogs(rt, 'attachments'));

describe('evidence uploads', () => {
  it('refuses a file over 10 MB or of another type before any upload', async () => {
    const big = await ticket({ fileName: 'scan.pdf', contentType: 'application/pdf', size: 10 * 1024 * 1024 + 1 });
    expect(big.status).toBe(400);
    expect(big.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['size']);
    const exe = await ticket({ fileName: 'x.exe', contentType: 'application/x-msdownload', size: 100 });
    expect(exe.status).toBe(400);
    expect(exe.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['contentType']);
  });

  it('gives a presigned POST that S3 accepts only for the declared type and size', async () => {
    const res = await ticket({ fileName: 'screenshot.png', contentType: 'image/png', size: PNG.length });
    expect(res.status, res.text).toBe(201);
    expect(res.body.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.fields).toMatchObject({ key: `uploads/${res.body.uploadId}`, 'Content-Type': 'image/png' });
    expect((await send(res.body, Buffer.concat([PNG, Buffer.alloc(10)]))).status).toBe(400);
    expect((await send(res.body, PNG, { 'Content-Type': 'text/html' })).status).toBe(403);
    expect((await send(res.body, PNG, { key: 'uploads/other' })).status).toBe(403);
    const tampered = JSON.parse(Buffer.from(res.body.fields.Policy, 'base64').toString('utf8'));
    tampered.conditions = [];
    expect((await send(res.body, PNG, { Policy: Buffer.from(JSON.stringify(tampered)).toString('base64') })).status).toBe(403);
    expect((await send(res.body, PNG)).status).toBe(204);
  });

  it('attaches checked files to a complaint; readable by the case\'s handler and its citizen only', async () => {
    const upload = async (file: Buffer, contentType = 'image/png') => {
      const t = (await ticket({ fileName: 'e.png', contentType, size: file.length })).body;
      expect((await send(t, file)).status).toBe(204);
      return t.uploadId as string;
    };
    const good = await upload(PNG);
    const fake = await upload(Buffer.from('<html>not a png at all</html>'));
    const complaint = (attachments: string[]) =>
      rt.fetchJson('POST', '/v1/complaints', {
        category: 'late-disclosure',
        subject: '附件测试',
        description: '见截图。',
        respondentUnit: '某局',
        reporter: { anonymous: true },
        attachments,
      });
    const wrong = await complaint([good, fake]);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('attachments.1');
    expect((await complaint(['6b1f8f0e-5a6e-4c1e-9d7a-1f2e3d4c5b6a'])).status).toBe(400);
    expect((await complaint(Array.from({ length: 6 }, () => good))).status).toBe(400);
    const ok = await complaint([good]);
    expect(ok.status, ok.text).toBe(201);

    const office = { sub: 'h-1', name: '王办理', groups: ['handler'], unit: 'office' };
    const list = await rt.fetchAs(office, 'GET', '/v1/cases?queue=unit');
    const caseId = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === ok.body.trackingNo).caseId;
    const staffView = await rt.fetchAs(office, 'GET', `/v1/cases/${caseId}`);
    expect(staffView.body.attachments).toEqual([expect.objectContaining({ id: good, contentType: 'image/png', size: PNG.length })]);
    const fetched = await fetch(staffView.body.attachments[0].url);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await rt.fetchAs({ sub: 'h-2', name: '李科员', groups: ['handler'], unit: 'policy' }, 'GET', `/v1/cases/${caseId}`)).status).toBe(403);

    const tracked = await rt.fetchJson('GET', `/v1/track/${ok.body.trackingNo}`, undefined, { 'x-access-code': ok.body.accessCode });
    expect(tracked.body.attachments).toHaveLength(1);
    expect((await fetch(tracked.body.attachments[0].url)).status).toBe(200);
    expect((await rt.fetchJson('GET', `/v1/track/${ok.body.trackingNo}`, undefined, { 'x-access-code': 'WRONG-CODE-0000' })).body.attachments).toBeUndefined();
    // Download links are short-lived.
    await rt.clock('2026-11-02T09:30:00+08:00');
    expect((await fetch(staffView.body.attachments[0].url)).status).toBe(403);
  });

  it('a presigned POST expires', async () => {
    const res = await ticket({ fileName: 'late.png', contentType: 'image/png', size: PNG.length });
    await rt.clock('2026-11-02T10:00:00+08:00');
    expect((await send(res.body, PNG)).status).toBe(403);
  });
});
