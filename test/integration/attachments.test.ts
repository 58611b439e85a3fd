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

  it('a presigned POST expires', async () => {
    const res = await ticket({ fileName: 'late.png', contentType: 'image/png', size: PNG.length });
    await rt.clock('2026-11-02T10:00:00+08:00');
    expect((await send(res.body, PNG)).status).toBe(403);
  });
});
