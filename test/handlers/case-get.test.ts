import { DynamoDBDocumentClient, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { received } from '../unit/cases/fixtures.ts';
import { apiEvent, invoke, setTableEnv, startIssuer } from './support.ts';

setTableEnv();
const ddb = mockClient(DynamoDBDocumentClient);
let issuer: Awaited<ReturnType<typeof startIssuer>>;
const { handler } = await import('../../functions/http/case-get.ts');
const stored = received();

const get = async (caseId: string, user = { sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' }) =>
  invoke(handler, apiEvent({ method: 'GET', path: `/v1/cases/${caseId}`, pathParameters: { caseId }, headers: { authorization: `Bearer ${await issuer.token(user)}` } }));

beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());
beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(GetCommand, { Key: { pk: `CASE#${stored.caseId}`, sk: 'CASE' } }).resolves({ Item: { pk: `CASE#${stored.caseId}`, sk: 'CASE', ...stored } });
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(ScanCommand).resolves({ Items: [] });
});

describe('GET /v1/cases/{caseId}', () => {
  it('answers 404 for an id that does not exist, whatever its shape', async () => {
    for (const id of ['no-such-case', '00000000-0000-4000-8000-00000000ffff']) {
      const res = await get(id);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not-found', message: expect.any(String), messageEn: expect.any(String) });
    }
  });

  it('shows the case to its unit with the actions allowed now, and never the vault reference', async () => {
    const res = await get(stored.caseId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseId: stored.caseId, status: 'received', version: 1, allowedActions: expect.arrayContaining(['accept', 'reject']) });
    expect(JSON.stringify(res.body)).not.toContain(stored.reporterRef!);
    expect(res.body).not.toHaveProperty('accessCodeHash');
  });

  it('answers 403 to another unit and 401 without a token', async () => {
    expect((await get(stored.caseId, { sub: 'p1', name: '李科员', groups: ['handler'], unit: 'policy' })).status).toBe(403);
    const anonymous = await invoke(handler, apiEvent({ method: 'GET', path: `/v1/cases/${stored.caseId}`, pathParameters: { caseId: stored.caseId } }));
    expect(anonymous.status).toBe(401);
  });
});
