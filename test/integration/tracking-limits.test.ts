import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';

/**
 * Issue 9, on the real local runtime (DynamoDB Local's conditional updates): the tracking
 * look-up limits hold under any concurrency, and no stranger can lock the holder out. Clients
 * are told apart by their source address: each test speaks from its own loopback addresses.
 */
const START = '2026-11-02T09:00:00+08:00';

let rt: LocalRuntime;

const complaint = (subject: string) => ({
  category: 'late-disclosure',
  subject,
  description: '本单位 2026 年部门预算至今未在网站公开。',
  respondentUnit: '某区某局',
  wantsReply: false,
  reporter: { anonymous: true },
});

/** A GET from another loopback address: another client, as the API sees its source address. */
function trackFrom(localAddress: string, no: string, code: string): Promise<{ status: number; body: unknown }> {
  const url = new URL(`/v1/track/${encodeURIComponent(no)}`, rt.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'GET', localAddress, headers: { 'x-access-code': code } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
}, 120_000);

afterAll(async () => {
  await rt?.stop();
});

describe('tracking look-up limits', () => {
  it('holds under 50 parallel wrong codes: at most the limit are checked, the rest 429 with Retry-After', async () => {
    const no = 'TS20261102-PARA11';
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => trackFrom('127.0.0.3', no, `AAAAA-AAAAA-AAAAA-AAAAA-AA${String(i).padStart(3, '0')}`)));
    const notFound = answers.filter((a) => a.status === 404).length;
    const limited = answers.filter((a) => a.status === 429);
    expect(notFound).toBe(10);
    expect(limited).toHaveLength(40);
    expect(limited[0]!.body).toMatchObject({ error: { code: 'rate-limited', message: expect.any(String), messageEn: expect.any(String) } });
    const one = await rt.fetchJson('GET', `/v1/track/${no}`, undefined, { 'x-access-code': 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' });
    expect(one.status).toBe(429);
    expect(Number(one.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(one.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
  });

  it('never locks the holder out: strangers throttle the number for wrong codes only', async () => {
    const sent = await rt.fetchJson('POST', '/v1/complaints', complaint('陌生人猜码'));
    const { trackingNo, accessCode } = sent.body as { trackingNo: string; accessCode: string };
    const strangers = await Promise.all(Array.from({ length: 12 }, (_, i) => trackFrom(`127.0.0.${10 + i}`, trackingNo, `BBBBB-BBBBB-BBBBB-BBBBB-BBB${String(i).padStart(2, '0')}`)));
    expect(strangers.filter((a) => a.status === 404)).toHaveLength(10);
    expect(strangers.filter((a) => a.status === 429)).toHaveLength(2);
    // The holder, from their own address and from a stranger's, still gets in; a wrong code does not.
    expect((await trackFrom('127.0.0.40', trackingNo, accessCode)).status).toBe(200);
    expect((await trackFrom('127.0.0.10', trackingNo, accessCode.toLowerCase())).status).toBe(200);
    expect((await trackFrom('127.0.0.40', trackingNo, 'CCCCC-CCCCC-CCCCC-CCCCC-CCCCC')).status).toBe(429);
    // The number as typed otherwise (lower case, no dash) is the same number: the same limit holds for it.
    const typed = trackingNo.toLowerCase().replace('-', '');
    expect((await trackFrom('127.0.0.41', typed, 'CCCCC-CCCCC-CCCCC-CCCCC-CCCCC')).status).toBe(429);
  });

  it('reads tracking numbers in any case, with or without the dash, as access codes are', async () => {
    const sent = await rt.fetchJson('POST', '/v1/complaints', complaint('大小写与连字符'));
    const { trackingNo, accessCode } = sent.body as { trackingNo: string; accessCode: string };
    for (const typed of [trackingNo.toLowerCase(), trackingNo.replace('-', ''), ` ${trackingNo.toLowerCase().replace('-', ' ')} `]) {
      const res = await trackFrom('127.0.0.60', typed, accessCode.toLowerCase().replace(/-/g, ''));
      expect(res.status, typed).toBe(200);
      expect(res.body).toMatchObject({ trackingNo });
    }
  });

  it('stops one client guessing across many numbers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await trackFrom('127.0.0.50', `TS20261102-SPRD${String(i).padStart(2, '0')}`, 'DDDDD-DDDDD-DDDDD-DDDDD-DDDDD')).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});
