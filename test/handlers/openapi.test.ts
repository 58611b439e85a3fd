import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, invoke, setTableEnv, startIssuer } from './support.ts';

/** The OpenAPI document says what the server answers: the 4xx of each route, Idempotency-Key, Retry-After; {year} as strict as the server. */
setTableEnv();
const ddb = mockClient(DynamoDBDocumentClient);
ddb.on(ScanCommand).resolves({ Items: [] });
ddb.on(PutCommand).resolves({});
let issuer: Awaited<ReturnType<typeof startIssuer>>;
beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());

const { handler: openapi } = await import('../../functions/http/openapi.ts');
const { handler: getYear } = await import('../../functions/http/admin-calendar-get.ts');

describe('OpenAPI document', () => {
  it('lists each route\'s 4xx answers, the Idempotency-Key header and Retry-After on 429', async () => {
    const { body: doc } = await invoke(openapi, apiEvent({ method: 'GET', path: '/v1/openapi.json' }));
    const op = (path: string, method: string) => doc.paths[path][method];
    for (const path of ['/v1/complaints', '/v1/disclosure-requests', '/v1/cases']) {
      expect(op(path, 'post').parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
      expect(Object.keys(op(path, 'post').responses)).toEqual(expect.arrayContaining(['400', '409', '413', '415']));
    }
    expect(Object.keys(op('/v1/cases/{caseId}', 'get').responses)).toEqual(expect.arrayContaining(['401', '403', '404']));
    const tracked = op('/v1/track/{trackingNo}', 'get').responses;
    expect(Object.keys(tracked)).toEqual(expect.arrayContaining(['404', '429']));
    expect(tracked['429'].headers['Retry-After']).toBeTruthy();
    expect(op('/v1/complaints', 'post').responses['201'].content['application/json'].schema.properties).toHaveProperty('accessCodeShownOnce');
  });
});

describe('{year} takes four digits only', () => {
  it('refuses 0x7ED, 2.029e3 and other spellings the coercion used to take', async () => {
    const auth = { authorization: `Bearer ${await issuer.token({ sub: 'a1', name: '管理员', groups: ['admin'], unit: 'office' })}` };
    for (const year of ['0x7ED', '2.029e3', ' 2029', '+2029', '2029.0', '02029', '1999', '2101']) {
      const res = await invoke(getYear, apiEvent({ method: 'GET', path: `/v1/admin/calendars/${year}`, pathParameters: { year }, headers: auth }));
      expect(res.status, year).toBe(400);
      expect(res.body.error.code).toBe('validation');
    }
    const ok = await invoke(getYear, apiEvent({ method: 'GET', path: '/v1/admin/calendars/2029', pathParameters: { year: '2029' }, headers: auth }));
    expect(ok.status).toBe(200);
  });
});
