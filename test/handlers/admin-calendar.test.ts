import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, invoke, setTableEnv, startIssuer } from './support.ts';

setTableEnv();
const ddb = mockClient(DynamoDBDocumentClient);
let issuer: Awaited<ReturnType<typeof startIssuer>>;
const admin = { sub: 'a1', name: '管理员', groups: ['admin'], unit: 'office' };
const handlerUser = { sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' };

const { handler: put } = await import('../../functions/http/admin-calendar-put.ts');
const { handler: get } = await import('../../functions/http/admin-calendar-get.ts');

const putEvent = async (user: typeof admin, body: unknown, year = '2027') =>
  apiEvent({ method: 'PUT', path: `/v1/admin/calendars/${year}`, pathParameters: { year }, body, headers: { authorization: `Bearer ${await issuer.token(user)}` } });

beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());
beforeEach(() => ddb.reset());

describe('PUT /v1/admin/calendars/{year}', () => {
  const schedule = { holidays: ['2027-01-01', '2027-02-06'], workdays: ['2027-02-20'] };

  it('stores the year for admins and answers with what is now in force', async () => {
    const stored: Record<string, unknown>[] = [];
    ddb.on(PutCommand).callsFake((input) => stored.push(input.Item));
    ddb.on(ScanCommand).callsFake(() => ({ Items: stored }));
    const res = await invoke(put, await putEvent(admin, schedule));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2027, source: 'override', provisional: false, holidays: schedule.holidays, workdays: schedule.workdays });
    expect(stored[0]).toMatchObject({ pk: 'YEAR#2027', source: 'override', loadedBy: 'a1' });
  });

  it('refuses non-admins (403) and missing sign-in (401), writing nothing', async () => {
    expect((await invoke(put, await putEvent(handlerUser, schedule))).body.error.code).toBe('forbidden');
    const anonymous = apiEvent({ method: 'PUT', path: '/v1/admin/calendars/2027', pathParameters: { year: '2027' }, body: schedule });
    const res = await invoke(put, anonymous);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'unauthorized' });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('explains bad dates field by field, in Chinese and English', async () => {
    const res = await invoke(put, await putEvent(admin, { holidays: ['2027-02-30'], workdays: ['2027-02-22'] }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['holidays.0', 'workdays.0']);
    expect(res.body.error.fields[1].message).toContain('不是周末');
    expect(res.body.error.messageEn).toBeTruthy();
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('rejects malformed JSON and unknown fields', async () => {
    const event = await putEvent(admin, schedule);
    event.body = '{"holidays": [';
    expect((await invoke(put, event)).body.error.message).toBe('请求体不是有效的 JSON');
    const extra = await invoke(put, await putEvent(admin, { ...schedule, extra: 1 }));
    expect(extra.status).toBe(400);
  });
});

describe('GET /v1/admin/calendars/{year}', () => {
  it('shows a packaged year, and a year nobody loaded as weekends-only', async () => {
    ddb.on(ScanCommand).resolves({ Items: [] });
    const auth = { authorization: `Bearer ${await issuer.token(admin)}` };
    const y2026 = await invoke(get, apiEvent({ method: 'GET', path: '/v1/admin/calendars/2026', pathParameters: { year: '2026' }, headers: auth }));
    expect(y2026.body).toMatchObject({ source: 'package', provisional: false });
    expect(y2026.body.workdays).toContain('2026-10-10');
    const y2027 = await invoke(get, apiEvent({ method: 'GET', path: '/v1/admin/calendars/2027', pathParameters: { year: '2027' }, headers: auth }));
    expect(y2027.body).toMatchObject({ source: 'weekends-only', provisional: true, holidays: [] });
  });
});
