/**
 * Document numbers under concurrent issue, on the real DynamoDB Local: many commits at once,
 * each issuing official notices from one series, some of them doomed (stale versions, the same
 * change committed twice). Every committed document must hold exactly one number, and the numbers
 * of a series must run 1..N without a gap or a duplicate: a failed or retried commit takes none.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../functions/adapters/dynamodb/client.ts';
import { DynamoCaseRepository } from '../../functions/adapters/dynamodb/case-store.ts';
import { counterKey } from '../../functions/adapters/dynamodb/document-counter.ts';
import { WorkingCalendar } from '../../functions/domain/calendar/index.ts';
import { applyAction, type ComplaintCase, type StaffActor } from '../../functions/domain/index.ts';
import { sequenceFaults } from '../../functions/domain/notices/document-number.ts';
import type { OfficialDocument } from '../../functions/domain/notices/official-document.ts';
import { ensureTables, startDynamoDbLocal, tableName, type LocalDynamoDb } from '../../infra/local/dynamodb.ts';
import { tables } from '../../infra/tables.ts';
import { newCase, units } from '../unit/notices/domain-notices.ts';

const CASES = tableName(tables.find((t) => t.id === 'Cases')!);
const N = 40;
const clerk: StaffActor = { sub: 'u-clerk', name: '王办事员', groups: ['handler'], unit: 'office' };
const ctx = { now: new Date('2026-03-03T05:00:00Z'), calendar: new WorkingCalendar(), units };

let db: LocalDynamoDb;
let dataDir: string;
let repo: DynamoCaseRepository;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'docno-'));
  db = await startDynamoDbLocal(dataDir);
  await ensureTables(db.endpoint, tables.filter((t) => t.id === 'Cases'), { ttl: false });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    AWS_REGION: 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    CASES_TABLE: CASES,
  });
  repo = new DynamoCaseRepository(CASES);
}, 60_000);

afterAll(async () => {
  await db?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function allDocuments(): Promise<OfficialDocument[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: CASES, FilterExpression: 'begins_with(sk, :d)', ExpressionAttributeValues: { ':d': 'DOC#' }, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items as unknown as OfficialDocument[];
}

describe('document numbers on DynamoDB Local', () => {
  it('run without gaps or duplicates when many cases are received and decided at once, failed commits included', async () => {
    // N receipts at once: each case's creation issues its 收件回执 (anonymous ones too: kept, not sent).
    const created = Array.from({ length: N }, (_, i) => newCase(`case-${i + 1}`, { anonymous: i % 4 === 0 }));
    const started = performance.now();
    await Promise.all(created.map((change) => repo.create(change)));
    const receivedMs = performance.now() - started;

    // Then every case accepted at once, each racing a doomed twin: the same change committed a
    // second time (its version is gone by then, or it is the one that loses) and a commit
    // against a version that never was.
    const accepted = created.map((c) => applyAction(c.next as ComplaintCase, { type: 'accept' }, clerk, ctx));
    const outcomes = await Promise.all(
      accepted.flatMap((change) => [repo.commit(change, 1), repo.commit(change, 1), repo.commit(change, 7)]),
    );
    const wins = outcomes.filter(Boolean).length;
    expect(wins).toBe(N);
    // A figure for the README, not a limit: how long a burst on one series takes to settle here.
    console.info(`document numbers: ${N} concurrent receipts in ${Math.round(receivedMs)} ms; ${3 * N} concurrent commits (${N} winning) in ${Math.round(performance.now() - started - receivedMs)} ms`);

    const docs = (await allDocuments()).filter((d) => d.series.kind === 'complaint' && d.series.year === 2026);
    expect(docs).toHaveLength(2 * N);
    expect(sequenceFaults(docs.map((d) => d.seq))).toEqual({ gaps: [], duplicates: [] });
    expect(Math.max(...docs.map((d) => d.seq))).toBe(2 * N);
    expect(new Set(docs.map((d) => d.documentNo)).size).toBe(2 * N);
    // Each case: one receipt and one acceptance notice, in that order.
    for (const change of created) {
      const mine = docs.filter((d) => d.caseId === change.next.caseId).sort((a, b) => a.seq - b.seq);
      expect(mine.map((d) => d.template)).toEqual(['receipt', 'accepted']);
    }
    // The counter stands at the last number issued.
    const counter = await dynamo().send(new QueryCommand({ TableName: CASES, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': counterKey(docs[0]!.series).pk } }));
    expect(counter.Items?.[0]?.n).toBe(2 * N);
  }, 240_000);

  it('stores each document as issued, and the notice carries exactly that mail; an anonymous citizen’s is kept but not sent', async () => {
    const [named] = await repo.documents('case-2');
    expect(named?.text).toContain(named!.documentNo);
    expect(await repo.document('case-2', named!.documentId)).toEqual(named);
    const pending = await repo.pendingNotices('case-2');
    const receipt = pending.find((n) => n.noticeId === named!.documentId);
    // The receipt may already be claimed by nobody here: it is pending with the issued mail.
    expect(receipt?.mail).toEqual({ subject: named!.subject, text: named!.text });
    // case-1 is anonymous: its documents exist, its notices are never pending.
    expect((await repo.documents('case-1')).map((d) => d.template)).toEqual(['receipt', 'accepted']);
    expect((await repo.pendingNotices('case-1')).filter((n) => n.to.kind === 'reporter')).toEqual([]);
  });
});
