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

describe('GET /v1/cases?queue=unit reads what is open and one page of the latest, never the whole unit', () => {
  it('queries the open-deadline index and one page of byUnit, merging a case found by both', async () => {
    const old = { ...received({ at: '2025-01-06T10:00:00+08:00' }), caseId: 'old-open', trackingNo: 'TS20250106-OLD001' };
    ddb.on(QueryCommand, { IndexName: 'openDeadlines' }).resolves({ Items: [own, old].map((c) => ({ pk: `CASE#${c.caseId}`, sk: 'CASE', ...c })) });
    // A further page exists: the queue must not follow it.
    ddb.on(QueryCommand, { IndexName: 'byUnit' }).resolves({ Items: [{ pk: `CASE#${own.caseId}`, sk: 'CASE', ...own }], LastEvaluatedKey: { pk: 'more' } });
    const res = await list('unit');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual(['old-open', 'own-case']);
    const queries = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    const byUnit = queries.filter((q) => q.IndexName === 'byUnit');
    expect(byUnit).toHaveLength(1);
    expect(byUnit[0]).toMatchObject({ Limit: 100, ScanIndexForward: false, ExpressionAttributeValues: { ':v': 'office' } });
    expect(queries.filter((q) => q.IndexName === 'openDeadlines')).toEqual([expect.objectContaining({ KeyConditionExpression: 'openUnit = :u', ExpressionAttributeValues: { ':u': 'office' } })]);
    expect(ddb.commandCalls(ScanCommand).every((c) => c.args[0].input.TableName !== process.env.CASES_TABLE)).toBe(true);
  });
});
