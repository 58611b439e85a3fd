import { DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { received } from '../unit/cases/fixtures.ts';
import { apiEvent, invoke, setTableEnv, startIssuer } from './support.ts';

/** Every queue applies the rule GET /v1/cases/{id} applies: nobody lists a case they could not open. */
setTableEnv();
const ddb = mockClient(DynamoDBDocumentClient);
let issuer: Awaited<ReturnType<typeof startIssuer>>;
const { handler } = await import('../../functions/http/case-list.ts');

const own = { ...received({ at: '2026-11-02T10:00:00+08:00' }), caseId: 'own-case', trackingNo: 'TS20261102-OWN001', assignee: 'h1' };
// Assigned to h1 while in office, then moved to policy (or assigned across units before the fix).
const elsewhere = { ...received({ at: '2026-11-02T11:00:00+08:00' }), caseId: 'other-unit-case', trackingNo: 'TS20261102-OTH001', unit: 'policy', assignee: 'h1' };

const list = async (queue: string, user = { sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' }) =>
  invoke(handler, apiEvent({ method: 'GET', path: '/v1/cases', query: { queue }, headers: { authorization: `Bearer ${await issuer.token(user)}` } }));

beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());
beforeEach(() => {
  ddb.reset();
  ddb.on(PutCommand).resolves({});
  ddb.on(ScanCommand).resolves({ Items: [] });
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(QueryCommand, { IndexName: 'byAssignee' }).resolves({ Items: [own, elsewhere].map((c) => ({ pk: `CASE#${c.caseId}`, sk: 'CASE', ...c })) });
});

describe('GET /v1/cases visibility', () => {
  it('"mine" lists only cases of the reader\'s unit, as opening one does', async () => {
    const res = await list('mine');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((i: { caseId: string }) => i.caseId)).toEqual(['own-case']);
  });

  it('supervisors, who may open any case, see both', async () => {
    const res = await list('mine', { sub: 'h1', name: '赵督办', groups: ['supervisor'], unit: 'office' });
    expect(res.body.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual(['other-unit-case', 'own-case']);
  });
});
