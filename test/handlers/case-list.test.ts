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

describe('GET /v1/cases paging and filters', () => {
  const listWith = async (query: Record<string, string>) =>
    invoke(handler, apiEvent({ method: 'GET', path: '/v1/cases', query, headers: { authorization: `Bearer ${await issuer.token({ sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' })}` } }));

  it('reads a page with DynamoDB Limit, answers its position as the cursor and starts the next page there', async () => {
    const item = (c: typeof own) => ({ pk: `CASE#${c.caseId}`, sk: 'CASE', ...c });
    const second = { ...own, caseId: 'second', trackingNo: 'TS20261102-SEC001', receivedAt: '2026-11-02T01:00:00.000Z' };
    ddb.on(QueryCommand, { IndexName: 'byUnit' }).resolves({ Items: [item(own), item(second)], LastEvaluatedKey: { pk: 'CASE#second', sk: 'CASE', unit: 'office', receivedAt: second.receivedAt } });
    const first = await listWith({ queue: 'unit', limit: '2', state: 'all', q: '公开', assignee: 'none' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const sent = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input).find((i) => i.IndexName === 'byUnit')!;
    expect(sent).toMatchObject({ Limit: 2, ScanIndexForward: false, ExpressionAttributeValues: expect.objectContaining({ ':key': 'office', ':text': '公开' }) });
    expect(sent.FilterExpression).toContain('attribute_not_exists(#assignee)');
    expect(sent.FilterExpression).toContain('contains(#subject, :text)');
    expect(first.body.cursor).toEqual(expect.any(String));

    ddb.resetHistory();
    const next = await listWith({ queue: 'unit', limit: '2', cursor: first.body.cursor });
    expect(next.status).toBe(200);
    const again = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input).find((i) => i.IndexName === 'byUnit')!;
    expect(again.ExclusiveStartKey).toEqual({ pk: 'CASE#second', sk: 'CASE', unit: 'office', receivedAt: second.receivedAt });
  });

  it('reads the open inbox from the openDeadlines index, nearest deadline first, the due range in the key condition', async () => {
    const item = (c: typeof own) => ({ pk: `CASE#${c.caseId}`, sk: 'CASE', openUnit: 'office', openDueAt: '2026-11-05T15:59:59.999Z', ...c });
    ddb.on(QueryCommand, { IndexName: 'openDeadlines' }).resolves({ Items: [item(own)] });
    const res = await listWith({ queue: 'unit', state: 'open', due: 'overdue' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const queries = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(queries.some((i) => i.IndexName === 'byUnit')).toBe(false);
    const sent = queries.find((i) => i.IndexName === 'openDeadlines')!;
    expect(sent).toMatchObject({ ScanIndexForward: true, KeyConditionExpression: '#key = :key AND #due < :dueTo', ExpressionAttributeNames: expect.objectContaining({ '#key': 'openUnit', '#due': 'openDueAt' }) });
    // DynamoDB refuses a filter on the index's own key.
    expect(sent.FilterExpression).not.toContain('openDueAt');
    expect(sent.FilterExpression).toContain(':open');
  });

  it('refuses a cursor it did not make, in both languages', async () => {
    const res = await listWith({ queue: 'unit', cursor: 'bm9wZQ' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'cursor', message: expect.stringContaining('翻页'), messageEn: expect.stringContaining('cursor') });
  });
});
