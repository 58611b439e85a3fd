import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyAction } from '../../functions/domain/index.ts';
import { received, handler as officeHandler, ctx } from '../unit/cases/fixtures.ts';
import { apiEvent, invoke, setTableEnv, startIssuer } from './support.ts';

setTableEnv();
const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
let issuer: Awaited<ReturnType<typeof startIssuer>>;
const { handler } = await import('../../functions/http/case-action.ts');

const stored = () => ({ pk: 'CASE#x', sk: 'CASE', ...received({ at: '2026-11-02T10:00:00+08:00' }) });
const caseId = stored().caseId;

async function act(body: Record<string, unknown>, user = { sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' }) {
  return invoke(
    handler,
    apiEvent({
      method: 'POST',
      path: `/v1/cases/${caseId}/actions`,
      pathParameters: { caseId },
      body,
      headers: { authorization: `Bearer ${await issuer.token(user)}` },
    }),
  );
}

beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());
beforeEach(() => {
  ddb.reset();
  sfn.reset();
  ddb.on(ScanCommand).resolves({ Items: [] });
  ddb.on(QueryCommand).resolves({ Items: [] });
  // No document-number counter yet: the first official notice of its series.
  ddb.on(GetCommand).resolves({});
  ddb.on(GetCommand, { Key: { pk: `CASE#${caseId}`, sk: 'CASE' } }).resolves({ Item: stored() });
  ddb.on(GetCommand, { Key: { pk: `CASE#${caseId}`, sk: 'WAIT' } }).resolves({ Item: { token: 'token-1' } });
});

describe('POST /v1/cases/{caseId}/actions', () => {
  it('accepts: writes the case conditionally on the version, then resumes the waiting workflow', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const res = await act({ type: 'accept', expectedVersion: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'accepted', version: 2 });
    const write = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(write[0]!.Put).toMatchObject({ ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': 1 } });
    expect(write.some((i) => (i.Put?.Item?.sk as string)?.startsWith('EVENT#'))).toBe(true);
    // The acceptance notice is an official document: numbered by moving the counter on in the same transaction.
    expect(write.find((i) => i.Update)?.Update).toMatchObject({ Key: { sk: 'DOCNO' }, ConditionExpression: 'attribute_not_exists(n)', ExpressionAttributeValues: { ':next': 1 } });
    expect(write.find((i) => (i.Put?.Item?.sk as string)?.startsWith('DOC#'))?.Put?.Item).toMatchObject({ seq: 1, template: 'accepted', documentNo: expect.stringMatching(/〔2026〕第 1 号$/) });
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input.taskToken).toBe('token-1');
  });

  it('answers 409 for a stale expectedVersion and writes nothing', async () => {
    const res = await act({ type: 'accept', expectedVersion: 7 });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('刷新') });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
  });

  it('answers 409 for a transition the lifecycle does not allow', async () => {
    const res = await act({ type: 'dispose', expectedVersion: 1, result: '已处理' });
    expect(res.status).toBe(409);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 409 when another writer got there first (the conditional write fails)', async () => {
    const { TransactionCanceledException } = await import('@aws-sdk/client-dynamodb');
    ddb.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] }));
    const res = await act({ type: 'accept', expectedVersion: 1 });
    expect(res.status).toBe(409);
  });

  it('answers 403 for a case of another unit', async () => {
    const res = await act({ type: 'accept', expectedVersion: 1 }, { sub: 'p1', name: '李科员', groups: ['handler'], unit: 'policy' });
    expect(res.status).toBe(403);
  });

  it('assigns only to staff of the case\'s unit, by the directory, whatever the request claims', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    ddb.on(GetCommand).resolves({});
    ddb.on(GetCommand, { Key: { pk: `CASE#${caseId}`, sk: 'CASE' } }).resolves({ Item: stored() });
    ddb.on(GetCommand, { Key: { pk: 'STAFF#p1', sk: 'PROFILE' } }).resolves({ Item: { pk: 'STAFF#p1', sk: 'PROFILE', sub: 'p1', name: '李科员', unit: 'policy' } });
    ddb.on(GetCommand, { Key: { pk: 'STAFF#h9', sk: 'PROFILE' } }).resolves({ Item: { pk: 'STAFF#h9', sk: 'PROFILE', sub: 'h9', name: '周办理', unit: 'office' } });
    for (const assignee of ['p1', 'never-signed-in']) {
      const res = await act({ type: 'assign', expectedVersion: 1, assignee, assigneeUnit: 'office' });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.fields[0].path).toBe('assignee');
    }
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    const ok = await act({ type: 'assign', expectedVersion: 1, assignee: 'h9' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ assignee: 'h9', assigneeName: '周办理' });
  });

  it('validates the action with field messages', async () => {
    const res = await act({ type: 'extend', expectedVersion: 1, reason: '', workingDays: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['reason', 'workingDays']);
  });

  it('never returns reporter identity or the vault reference', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const res = await act({ type: 'note', expectedVersion: 1, text: '内部' });
    expect(JSON.stringify(res.body)).not.toContain('ref-1');
    expect(res.body).not.toHaveProperty('reporterRef');
    expect(res.body).not.toHaveProperty('accessCodeHash');
  });
});

// Keep the fixture honest: the domain agrees the stored case can be accepted.
it('fixture case is acceptable by the domain', () => {
  expect(applyAction(received(), { type: 'accept' }, officeHandler, ctx('2026-10-08T10:00:00+08:00')).next.status).toBe('accepted');
});
