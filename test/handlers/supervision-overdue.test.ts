import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { escalateDeadline } from '../../functions/domain/index.ts';
import { ctx, received } from '../unit/cases/fixtures.ts';
import { apiEvent, invoke, setTableEnv, startIssuer } from './support.ts';

setTableEnv();
const ddb = mockClient(DynamoDBDocumentClient);
let issuer: Awaited<ReturnType<typeof startIssuer>>;
const { handler } = await import('../../functions/http/supervision-overdue.ts');
const supervisor = { sub: 's1', name: '赵督办', groups: ['supervisor'], unit: 'office' };

beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());
beforeEach(() => ddb.reset());

const call = async (user = supervisor) =>
  invoke(handler, apiEvent({ method: 'GET', path: '/v1/supervision/overdue', headers: { authorization: `Bearer ${await issuer.token(user)}` } }));

describe('GET /v1/supervision/overdue', () => {
  it('reads open deadlines from the due-time index, bounded by the due-soon limit, never a scan', async () => {
    // 2026-10-12: the case received 09-30 is 1 working day past its acceptance deadline (10-10).
    const late = escalateDeadline(received(), 'acceptance', received().deadlines.acceptance!.dueAt, ctx('2026-10-11T00:00:01+08:00'))!.next;
    ddb.on(ScanCommand).resolves({ Items: [] });
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(QueryCommand, { IndexName: 'openDeadlines', ExpressionAttributeValues: { ':u': 'office' } }).resolves({ Items: [{ pk: 'CASE#x', sk: 'CASE', ...late }] });
    const res = await call();
    expect(res.status).toBe(200);
    const queries = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    const deadlineQueries = queries.filter((q) => q.IndexName === 'openDeadlines');
    expect(deadlineQueries.map((q) => q.ExpressionAttributeValues?.[':u']).sort()).toEqual(['finance', 'office', 'policy']);
    expect(deadlineQueries.every((q) => q.KeyConditionExpression === 'openUnit = :u AND openDueAt <= :d')).toBe(true);
    expect(queries.some((q) => q.IndexName === 'openReviews')).toBe(true);
    const scans = ddb.commandCalls(ScanCommand).map((c) => c.args[0].input.TableName);
    expect(scans).not.toContain('cases');
    expect(res.body.overdue[0]).toMatchObject({ caseId: late.caseId, deadline: 'acceptance', escalated: true, unit: 'office' });
    expect(res.body.overdue[0].workingDaysOverdue).toBeGreaterThan(0);
  });

  it('is for supervisors and admins only', async () => {
    const res = await call({ sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' });
    expect(res.status).toBe(403);
  });
});
