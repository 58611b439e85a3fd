import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authenticate } from '../../functions/shared/auth.ts';
import { ApiError } from '../../functions/shared/errors.ts';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';

// Later than real time, so tokens issued in virtual time are still unexpired for this process.
const START = '2030-01-07T09:00:00+08:00';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const CJK = /[\u4e00-\u9fff]/;

const expectContractError = (body: unknown, code: string) => {
  expect(body).toMatchObject({ error: { code, message: expect.any(String), messageEn: expect.any(String) } });
};

/**
 * Runs `authenticate` in this process against the runtime's issuer, as a handler there would: with
 * the runtime's settings and at its (virtual) time, since tokens issued in the future are refused.
 */
async function authenticateAgainst(rt: LocalRuntime, headers: Record<string, string | undefined>) {
  const settings = {
    JWT_JWKS_URL: `${rt.baseUrl}/.well-known/jwks.json`,
    JWT_ISSUER: `${rt.baseUrl}/local-issuer`,
    JWT_AUDIENCE: 'disclosure-intake-local',
    JWT_MAX_LIFETIME_SECONDS: String(60 * 24 * 3600),
  };
  const saved = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(await rt.clock()) });
  try {
    return await authenticate(headers);
  } finally {
    vi.useRealTimers();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (err: unknown) => err,
  );

describe('local runtime with a virtual clock', () => {
  let rt: LocalRuntime;

  beforeAll(async () => {
    rt = await startLocalRuntime({ virtualClock: START });
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('is ready in under 10 s and says where each part listens', () => {
    expect(rt.startupMs).toBeLessThan(10_000);
    expect(rt.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(rt.dynamoDbEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(rt.sesEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(rt.logs()).toMatch(/Started in:\s+\d+\.\d s/);
    expect(rt.logs()).toMatch(/Virtual clock:\s+on, now 2030-01-07T01:00/);
  });

  it('answers GET /v1/health (needs functions/http/health.ts)', async () => {
    const res = await rt.fetchJson('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok' });
  });

  it('answers an unknown /v1 path with the contract 404', async () => {
    const res = await rt.fetchJson('GET', '/v1/no-such-thing');
    expect(res.status).toBe(404);
    expectContractError(res.body, 'not-found');
  });

  it('writes error messages in Chinese (needs ApiError to keep its Chinese message)', async () => {
    const res = await rt.fetchJson('GET', '/v1/no-such-thing');
    expect(res.body.error.message).toMatch(CJK);
    expect(res.body.error.messageEn).not.toMatch(CJK);
  });

  it('answers a known path with the wrong method with 405', async () => {
    const res = await rt.fetchJson('DELETE', '/v1/health');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expectContractError(res.body, 'method-not-allowed');
  });

  it('refuses a body over 1 MiB before any function runs', async () => {
    const res = await rt.fetchJson('PUT', '/v1/admin/calendars/2030', 'x'.repeat(1024 * 1024 + 1), {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(413);
    expectContractError(res.body, 'payload-too-large');
  });

  it('turns away staff routes without a valid token (the function verifies it, as on AWS)', async () => {
    const missing = await rt.fetchJson('GET', '/v1/admin/calendars/2030');
    expect(missing.status).toBe(401);
    expectContractError(missing.body, 'unauthorized');
    const garbage = await rt.fetchJson('GET', '/v1/admin/calendars/2030', undefined, { authorization: 'Bearer abc.def.ghi' });
    expect(garbage.status).toBe(401);
  });

  it('issues Cognito-shaped ID tokens at /__local/login', async () => {
    const now = Date.parse(await rt.clock());
    const token = await rt.login({ sub: 'staff-1', name: '王科员', groups: ['handler', 'supervisor'], unit: 'policy' });
    const claims = decodeJwt(token);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    expect(claims).toMatchObject({
      sub: 'staff-1',
      name: '王科员',
      'cognito:groups': ['handler', 'supervisor'],
      'custom:unit': 'policy',
      token_use: 'id',
      iss: `${rt.baseUrl}/local-issuer`,
      aud: 'disclosure-intake-local',
    });
    // Issued in virtual time, valid for 60 days.
    expect(Math.abs(claims.iat! * 1000 - now)).toBeLessThan(60_000);
    expect(claims.exp! - claims.iat!).toBe(60 * 24 * 60 * 60);
  });

  it('rejects a login without sub', async () => {
    const res = await rt.fetchJson('POST', '/__local/login', { name: 'x', groups: [] });
    expect(res.status).toBe(400);
    expectContractError(res.body, 'validation');
  });

  it('issues tokens that functions/shared/auth.ts accepts, and nothing tampered', async () => {
    const token = await rt.login({ sub: 'staff-2', name: '李股长', groups: ['admin'], unit: 'office' });
    await expect(authenticateAgainst(rt, { Authorization: `Bearer ${token}` })).resolves.toEqual({
      sub: 'staff-2',
      name: '李股长',
      groups: ['admin'],
      unit: 'office',
    });

    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, 'custom:unit': 'finance' })).toString('base64url');
    const forgedSignature = `${signature.slice(0, -4)}${signature.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    for (const bad of [
      `${header}.${forgedPayload}.${signature}`,
      `${header}.${payload}.${forgedSignature}`,
      `${header}.${payload}.`,
    ]) {
      const err = await rejection(authenticateAgainst(rt, { authorization: `Bearer ${bad}` }));
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('unauthorized');
    }
    const missing = await rejection(authenticateAgainst(rt, {}));
    expect((missing as ApiError).code).toBe('unauthorized');
  });

  it('lets a signed-in admin through to the staff route (needs the calendar handlers)', async () => {
    const res = await rt.fetchAs({ sub: 'admin-1', name: '管理员', groups: ['admin'], unit: 'office' }, 'GET', '/v1/admin/calendars/2030');
    expect(res.status).toBe(200);
  });

  it('serves the JWKS', async () => {
    const res = await rt.fetchJson('GET', '/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.body.keys).toHaveLength(1);
    expect(res.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(res.body.keys[0].d).toBeUndefined();
  });

  it('serves the web root with a strict CSP', async () => {
    const res = await fetch(`${rt.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('moves the clock forward only', async () => {
    const before = Date.parse(await rt.clock());
    expect(before).toBeGreaterThanOrEqual(Date.parse(START));

    const target = '2030-01-09T09:00:00+08:00';
    const after = Date.parse(await rt.clock(target));
    expect(after).toBeGreaterThanOrEqual(Date.parse(target));
    expect(after - Date.parse(target)).toBeLessThan(5_000);

    const back = await rt.fetchJson('POST', '/__local/clock', { now: '2030-01-08T09:00:00+08:00' });
    expect(back.status).toBe(409);
    expectContractError(back.body, 'conflict');

    const nonsense = await rt.fetchJson('POST', '/__local/clock', { now: 'tomorrow' });
    expect(nonsense.status).toBe(400);
    expectContractError(nonsense.body, 'validation');

    expect(Date.parse(await rt.clock())).toBeGreaterThanOrEqual(Date.parse(target));
  });

  it('expires tokens 60 days later in virtual time', async () => {
    const admin = { sub: 'admin-2', name: '管理员', groups: ['admin'], unit: 'office' };
    const token = await rt.login(admin);
    const now = Date.parse(await rt.clock());
    await rt.clock(new Date(now + 60 * 24 * 60 * 60 * 1000 + 60_000).toISOString());
    const stale = await rt.fetchJson('GET', '/v1/admin/calendars/2030', undefined, { authorization: `Bearer ${token}` });
    expect(stale.status).toBe(401);
    expect((await rt.fetchAs(admin, 'GET', '/v1/admin/calendars/2030')).status).toBe(200);
  });

  it('lists mail sent through the real SES v2 client at /__local/emails', async () => {
    const ses = new SESv2Client({ endpoint: rt.sesEndpoint, region: 'cn-north-1', credentials });
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'noreply@disclosure.example.gov.cn',
        Destination: { ToAddresses: ['citizen@example.cn'] },
        Content: {
          Simple: {
            Subject: { Data: '您的投诉已受理', Charset: 'UTF-8' },
            Body: { Text: { Data: '查询码：ABC123', Charset: 'UTF-8' } },
          },
        },
      }),
    );
    ses.destroy();
    const items = await rt.emails();
    const mail = items.find((m) => m.subject === '您的投诉已受理');
    expect(mail).toMatchObject({ to: 'citizen@example.cn', text: '查询码：ABC123', at: expect.any(String) });
    // Stamped in virtual time.
    expect(mail!.at.startsWith('2030-')).toBe(true);
  });

  it('keeps data and the signing key across a restart', async () => {
    const token = await rt.login({ sub: 'staff-3', name: '赵', groups: ['handler'], unit: 'finance' });
    const put = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: rt.dynamoDbEndpoint, region: 'cn-north-1', credentials }),
    );
    await put.send(new PutCommand({ TableName: 'di-Calendar', Item: { pk: 'test#persist', holidays: ['2030-02-04'] } }));
    put.destroy();

    const dataDir = rt.dataDir;
    const before = Date.parse(await rt.clock());
    await rt.restart();
    expect(rt.dataDir).toBe(dataDir);
    expect(Date.parse(await rt.clock())).toBeGreaterThanOrEqual(before);

    const get = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: rt.dynamoDbEndpoint, region: 'cn-north-1', credentials }),
    );
    const { Item } = await get.send(new GetCommand({ TableName: 'di-Calendar', Key: { pk: 'test#persist' } }));
    get.destroy();
    expect(Item).toEqual({ pk: 'test#persist', holidays: ['2030-02-04'] });
    await expect(authenticateAgainst(rt, { authorization: `Bearer ${token}` })).resolves.toMatchObject({ sub: 'staff-3' });
  });
});

describe('local runtime without a virtual clock', () => {
  let rt: LocalRuntime;

  beforeAll(async () => {
    rt = await startLocalRuntime();
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('has no /__local endpoints', async () => {
    expect(rt.logs()).toMatch(/Virtual clock:\s+off/);
    for (const [method, path, body] of [
      ['GET', '/__local/clock'],
      ['POST', '/__local/clock', { now: '2031-01-01T00:00:00Z' }],
      ['POST', '/__local/login', { sub: 'x', name: 'x', groups: ['admin'], unit: 'office' }],
      ['GET', '/__local/emails'],
    ] as const) {
      const res = await rt.fetchJson(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expectContractError(res.body, 'not-found');
    }
  });

  it('never logs what was posted', async () => {
    await rt.fetchJson('PUT', '/v1/admin/calendars/2030', { secret: '13800000000' });
    await rt.waitForLog('[api] PUT /v1/admin/calendars/{year} 401');
    expect(rt.logs()).not.toContain('13800000000');
  });

  it('takes DynamoDB Local down with it, even when killed outright', async () => {
    const reachable = () =>
      fetch(rt.dynamoDbEndpoint).then(
        () => true,
        () => false,
      );
    expect(await reachable()).toBe(true);
    // SIGKILL to the runtime alone (not its group): no exit handler runs, only the reaper can act.
    process.kill(rt.pid, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    while ((await reachable()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await reachable()).toBe(false);
  });
});
