import { GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { received } from '../unit/cases/fixtures.ts';
import { apiEvent, invoke, setTableEnv, startIssuer } from './support.ts';

/**
 * The scan gate in the API as on AWS: a file opens (a presigned link) only once its object tag
 * says the scan passed; before the scan, or after a threat, the case lists it without a link.
 * And a deployment without a scanner takes no files at all.
 */
setTableEnv();
process.env.ATTACHMENTS_BUCKET = 'disclosure-attachments-test';
const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
let issuer: Awaited<ReturnType<typeof startIssuer>>;
const { handler } = await import('../../functions/http/case-get.ts');
const { handler: uploadHandler } = await import('../../functions/http/upload-create.ts');
const files = [
  { id: '11111111-1111-4111-8111-111111111111', contentType: 'image/png' as const, size: 10 },
  { id: '22222222-2222-4222-8222-222222222222', contentType: 'application/pdf' as const, size: 20 },
  { id: '33333333-3333-4333-8333-333333333333', contentType: 'application/pdf' as const, size: 30 },
];
const stored = { ...received(), attachments: files };

beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());
beforeEach(() => {
  delete process.env.ATTACHMENT_SCAN;
  ddb.reset();
  s3.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(GetCommand, { Key: { pk: `CASE#${stored.caseId}`, sk: 'CASE' } }).resolves({ Item: { pk: `CASE#${stored.caseId}`, sk: 'CASE', ...stored } });
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(ScanCommand).resolves({ Items: [] });
  s3.on(GetObjectTaggingCommand).resolves({ TagSet: [] });
  s3.on(GetObjectTaggingCommand, { Key: `uploads/${files[0]!.id}` }).resolves({ TagSet: [{ Key: 'GuardDutyMalwareScanStatus', Value: 'NO_THREATS_FOUND' }] });
  s3.on(GetObjectTaggingCommand, { Key: `uploads/${files[2]!.id}` }).resolves({ TagSet: [{ Key: 'GuardDutyMalwareScanStatus', Value: 'THREATS_FOUND' }] });
});

describe('malware scan gate', () => {
  it('links only files the scan passed; pending and infected ones are listed without a link', async () => {
    const user = { sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' };
    const res = await invoke(handler, apiEvent({ method: 'GET', path: `/v1/cases/${stored.caseId}`, pathParameters: { caseId: stored.caseId }, headers: { authorization: `Bearer ${await issuer.token(user)}` } }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [clean, pending, threat] = res.body.attachments;
    expect(clean).toMatchObject({ id: files[0]!.id, scan: 'clean', url: expect.stringContaining(`uploads/${files[0]!.id}`) });
    expect(pending).toMatchObject({ id: files[1]!.id, scan: 'pending' });
    expect(pending).not.toHaveProperty('url');
    expect(threat).toMatchObject({ id: files[2]!.id, scan: 'threat' });
    expect(threat).not.toHaveProperty('url');
  });

  it('without a scanner (ATTACHMENT_SCAN=off) no upload is offered', async () => {
    process.env.ATTACHMENT_SCAN = 'off';
    const res = await invoke(uploadHandler, apiEvent({ method: 'POST', path: '/v1/uploads', body: { fileName: 'a.png', contentType: 'image/png', size: 100 } }));
    expect(res.status).toBe(409);
    expect(res.body.error.messageEn).toMatch(/does not accept files/);
    delete process.env.ATTACHMENT_SCAN;
    const on = await invoke(uploadHandler, apiEvent({ method: 'POST', path: '/v1/uploads', body: { fileName: 'a.png', contentType: 'image/png', size: 100 } }));
    expect(on.status).toBe(201);
  });
});
