import { DynamoDBDocumentClient, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueDocument } from '../../functions/notices/official.ts';
import { officialSettings } from '../../functions/notices/official-settings.ts';
import { received } from '../unit/cases/fixtures.ts';
import { apiEvent, invoke, setTableEnv, startIssuer } from './support.ts';

setTableEnv();
const ddb = mockClient(DynamoDBDocumentClient);
let issuer: Awaited<ReturnType<typeof startIssuer>>;
const list = (await import('../../functions/http/case-documents.ts')).handler;
const one = (await import('../../functions/http/case-document.ts')).handler;
const stored = received();
const receipt = issueDocument(
  { notice: { noticeId: 'v1-receipt-reporter', template: 'receipt', to: { kind: 'reporter' }, vars: { trackingNo: stored.trackingNo, subject: stored.subject, category: '其他', receivedDate: '2026-09-30', acceptanceDue: '2026-10-10', transferDue: '2026-10-13', dispositionDue: '2026-10-27' } }, case: stored, seq: 5, issuedAt: '2026-09-30T02:00:00Z', publicBaseUrl: 'https://x.gov.cn' },
  officialSettings('', ''),
);
const office = { sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' };

const call = async (path: string, user: typeof office, documentId?: string) =>
  invoke(
    documentId ? one : list,
    apiEvent({ method: 'GET', path, pathParameters: { caseId: stored.caseId, ...(documentId ? { documentId } : {}) }, headers: { authorization: `Bearer ${await issuer.token(user)}` } }),
  );

beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());
beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(GetCommand, { Key: { pk: `CASE#${stored.caseId}`, sk: 'CASE' } }).resolves({ Item: { pk: `CASE#${stored.caseId}`, sk: 'CASE', ...stored } });
  ddb.on(GetCommand, { Key: { pk: `CASE#${stored.caseId}`, sk: 'DOC#v1-receipt-reporter' } }).resolves({ Item: { pk: `CASE#${stored.caseId}`, sk: 'DOC#v1-receipt-reporter', ...receipt } });
  ddb.on(QueryCommand).resolves({ Items: [{ pk: `CASE#${stored.caseId}`, sk: 'DOC#v1-receipt-reporter', ...receipt }] });
  ddb.on(ScanCommand).resolves({ Items: [] });
});

describe('GET /v1/cases/{caseId}/documents[/{documentId}]', () => {
  it('lists the case’s documents for its unit and gives one exactly as stored', async () => {
    const res = await call(`/v1/cases/${stored.caseId}/documents`, office);
    expect(res.status).toBe(200);
    expect(res.body.documents).toEqual([{ documentId: 'v1-receipt-reporter', documentNo: '某府办投诉〔2026〕第 5 号', title: '投诉收件回执', issuedDate: '2026-09-30', language: 'zh' }]);
    const doc = await call(`/v1/cases/${stored.caseId}/documents/v1-receipt-reporter`, office, 'v1-receipt-reporter');
    expect(doc.status).toBe(200);
    expect(doc.body).toEqual(receipt);
  });

  it('answers 404 for a document the case does not have, 403 to another unit, 400 for a malformed id', async () => {
    expect((await call('/x', office, 'v9-nothing-reporter')).status).toBe(404);
    expect((await call('/x', { sub: 'p1', name: '李科员', groups: ['handler'], unit: 'policy' })).status).toBe(403);
    expect((await call('/x', { sub: 'p1', name: '李科员', groups: ['handler'], unit: 'policy' }, 'v1-receipt-reporter')).status).toBe(403);
    expect((await call('/x', office, '../CASE')).status).toBe(400);
  });
});
