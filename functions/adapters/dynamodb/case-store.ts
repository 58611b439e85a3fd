import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CasePageQuery, CaseRepository, StoredNotice } from '../../domain/cases/ports.ts';
import type { CaseRecord, HistoryEvent, NoticeIntent } from '../../domain/cases/model.ts';
import type { DocumentIssuer, OfficialDocument } from '../../domain/notices/official-document.ts';
import { officialIssuer } from '../../notices/official.ts';
import { config } from '../../shared/config.ts';
import { dynamo } from './client.ts';
import { queryCasePage } from './case-page.ts';
import { CounterMoved, issueDocuments } from './document-counter.ts';

type Change = { next: CaseRecord; events: Omit<HistoryEvent, 'caseId' | 'seq'>[]; notices: NoticeIntent[] };

/**
 * The Idempotency-Key of a submission, as stored: `id` is a hash of the key and its scope,
 * `fingerprint` a hash of the submitted body (the same key with another body is a conflict).
 */
export interface IntakeKey {
  id: string;
  fingerprint: string;
}

/** The intake key is taken: a case was already created under it. */
export class IntakeKeyTaken extends Error {
  override readonly name = 'IntakeKeyTaken';
}

const intakeKey = (id: string) => ({ pk: `INTAKE#${id}`, sk: 'INTAKE' });

const casePk = (caseId: string) => `CASE#${caseId}`;
const CASE_SK = 'CASE';
const WAIT_SK = 'WAIT';
/** openDueAt of a case whose open deadlines are all paused: sorts after every real due time. */
const PAUSED = '9999-12-31T23:59:59.999Z';
const docSk = (documentId: string) => `DOC#${documentId}`;

/**
 * Cases in one table: the case item, its ledger events, its notices and its official documents
 * share a partition, so one transaction writes a change with everything it causes, together with
 * the document-number counters it moves on (document-counter.ts). The case item carries the
 * sparse index attributes (openUnit/openDueAt) only while a deadline is open.
 */
export class DynamoCaseRepository implements CaseRepository {
  constructor(
    private readonly table = config.casesTable,
    private readonly issuer: DocumentIssuer = officialIssuer(),
  ) {}

  /**
   * Writes a new case with its tracking-number item, events, notices and documents in one
   * transaction. With `intake`, the intake-key item goes into the same transaction: either the
   * case exists and its key points at it, or neither does; a second create under the same key
   * throws IntakeKeyTaken.
   */
  async create(change: Change, intake?: IntakeKey): Promise<void> {
    return retryOnTransactionConflict(() => this.createOnce(change, intake));
  }

  private async createOnce(change: Change, intake?: IntakeKey): Promise<void> {
    const { next } = change;
    const issued = await this.issue(change);
    const intakeItem = intake
      ? [
          {
            Put: {
              TableName: this.table,
              Item: { ...intakeKey(intake.id), caseId: next.caseId, fingerprint: intake.fingerprint, createdAt: next.receivedAt },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : [];
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            ...intakeItem,
            { Put: { TableName: this.table, Item: caseItem(next), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: this.table, Item: { pk: `TRACK#${next.trackingNo}`, sk: 'TRACK', caseId: next.caseId }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ...issued.counterItems,
            ...this.appendItems(change, 0, issued.documents),
          ],
        }),
      );
    } catch (error) {
      if (intake && error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        throw new IntakeKeyTaken('A case was already created under this Idempotency-Key');
      }
      throw counterMoved(error, intake ? 3 : 2, issued.counterItems.length) ?? error;
    }
  }

  /** The change's official documents, numbered from the counters as they stand now. */
  private issue(change: Change) {
    const issuedAt = change.events[0]?.at ?? new Date().toISOString();
    return issueDocuments(this.table, this.issuer, change.next, change.notices, issuedAt);
  }

  /** A case's official documents as issued, oldest first. */
  async documents(caseId: string): Promise<OfficialDocument[]> {
    const items = await this.queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)', ExpressionAttributeValues: { ':pk': casePk(caseId), ':d': 'DOC#' } });
    return items.map(({ pk: _pk, sk: _sk, ...d }) => d as unknown as OfficialDocument).sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.seq - b.seq);
  }

  async document(caseId: string, documentId: string): Promise<OfficialDocument | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: { pk: casePk(caseId), sk: docSk(documentId) }, ConsistentRead: true }));
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...d } = Item;
    return d as unknown as OfficialDocument;
  }

  /** The case created under an intake key, if any (consistent read). */
  async findIntake(id: string): Promise<{ caseId: string; fingerprint: string } | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: intakeKey(id), ConsistentRead: true }));
    return Item ? { caseId: Item.caseId as string, fingerprint: Item.fingerprint as string } : undefined;
  }

  async get(caseId: string): Promise<CaseRecord | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: { pk: casePk(caseId), sk: CASE_SK }, ConsistentRead: true }));
    return Item ? toCase(Item) : undefined;
  }

  async findByTrackingNo(trackingNo: string): Promise<CaseRecord | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: { pk: `TRACK#${trackingNo}`, sk: 'TRACK' }, ConsistentRead: true }));
    return Item ? this.get(Item.caseId as string) : undefined;
  }

  async history(caseId: string): Promise<HistoryEvent[]> {
    const items = await this.queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)', ExpressionAttributeValues: { ':pk': casePk(caseId), ':e': 'EVENT#' } });
    return items.map(({ pk: _pk, sk: _sk, ...event }) => event as unknown as HistoryEvent);
  }

  async commit(change: Change, expectedVersion: number): Promise<boolean> {
    return retryOnTransactionConflict(() => this.commitOnce(change, expectedVersion));
  }

  private async commitOnce(change: Change, expectedVersion: number): Promise<boolean> {
    const issued = await this.issue(change);
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: caseItem(change.next),
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': expectedVersion },
              },
            },
            ...issued.counterItems,
            ...this.appendItems(change, expectedVersion, issued.documents),
          ],
        }),
      );
      return true;
    } catch (error) {
      // The case moved on (its version condition, item 0): stale. A counter moved: number again.
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
      const moved = counterMoved(error, 1, issued.counterItems.length);
      if (moved) throw moved;
      if (cancelledBy(error, 'ConditionalCheckFailed')) return false;
      throw error;
    }
  }

  async pendingNotices(caseId: string): Promise<StoredNotice[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)',
      FilterExpression: DUE_NOTICE,
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':pk': casePk(caseId), ':n': 'NOTICE#', ...dueNoticeValues() },
    });
    return items
      .map(({ pk: _pk, sk: _sk, ...n }) => n as unknown as StoredNotice)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.noticeId.localeCompare(b.noticeId));
  }

  async noticesDueAgainAt(caseId: string): Promise<string | undefined> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)',
      FilterExpression: '#s IN (:pending, :sending)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':pk': casePk(caseId), ':n': 'NOTICE#', ':pending': 'pending', ':sending': 'sending' },
    });
    const times = items.map((n) =>
      n.status === 'sending' ? new Date(Date.parse(n.claimedAt as string) + NOTICE_LEASE_MS + 1000).toISOString() : ((n.retryAt as string | undefined) ?? new Date().toISOString()),
    );
    return times.sort()[0];
  }

  async claimNotice(caseId: string, noticeId: string): Promise<boolean> {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: casePk(caseId), sk: `NOTICE#${noticeId}` },
          UpdateExpression: 'SET #s = :sending, claimedAt = :now',
          ConditionExpression: DUE_NOTICE,
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: dueNoticeValues(),
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async markNotice(caseId: string, noticeId: string, status: 'sent' | 'skipped' | 'pending' | 'failed', retryAt?: string): Promise<void> {
    await dynamo().send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: casePk(caseId), sk: `NOTICE#${noticeId}` },
        UpdateExpression: `SET #s = :s, doneAt = :at${retryAt ? ', retryAt = :retry' : ''} ADD attempts :one${retryAt ? '' : ' REMOVE retryAt'}`,
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': status, ':at': new Date().toISOString(), ':one': 1, ...(retryAt ? { ':retry': retryAt } : {}) },
      }),
    );
  }

  async setWaitToken(caseId: string, version: number, token: string): Promise<boolean> {
    // The token lives beside the case, not on it, so that case writes never drop it; the check
    // on the case's version makes a wait registered for an outdated case state fail.
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.table,
                Key: { pk: casePk(caseId), sk: CASE_SK },
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': version },
              },
            },
            { Put: { TableName: this.table, Item: { pk: casePk(caseId), sk: WAIT_SK, token, version } } },
          ],
        }),
      );
      return true;
    } catch (error) {
      // A conflicting write (a handler's commit racing this registration) means the case is moving
      // on: report the wait as outdated so the workflow looks again.
      if (cancelledBy(error, 'ConditionalCheckFailed') || cancelledBy(error, 'TransactionConflict')) return false;
      throw error;
    }
  }

  async waitToken(caseId: string): Promise<string | undefined> {
    return (await this.registeredWait(caseId))?.token;
  }

  async registeredWait(caseId: string): Promise<{ token: string; version: number } | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: { pk: casePk(caseId), sk: WAIT_SK }, ConsistentRead: true }));
    return Item ? { token: Item.token as string, version: Number(Item.version) } : undefined;
  }

  /** Open cases of a unit due by `dueBy`, from the sparse index: never a scan of all cases. */
  async openByUnit(unit: string, dueBy?: string): Promise<CaseRecord[]> {
    const items = await this.queryAll({
      IndexName: 'openDeadlines',
      KeyConditionExpression: dueBy ? 'openUnit = :u AND openDueAt <= :d' : 'openUnit = :u',
      ExpressionAttributeValues: { ':u': unit, ...(dueBy ? { ':d': dueBy } : {}) },
    });
    return items.map(toCase);
  }

  /** Open supervision reviews, earliest due first. */
  async openReviews(): Promise<CaseRecord[]> {
    const items = await this.queryAll({ IndexName: 'openReviews', KeyConditionExpression: 'reviewOpen = :o', ExpressionAttributeValues: { ':o': 'open' } });
    return items.map(toCase);
  }

  async page(q: CasePageQuery): Promise<{ items: CaseRecord[]; cursor?: string }> {
    const { items, cursor } = await queryCasePage(this.table, q);
    return { items: items.map(toCase), ...(cursor ? { cursor } : {}) };
  }

  /** A unit's cases, newest first; `since` bounds by receipt time. */
  async byUnit(unit: string, since?: string, until?: string): Promise<CaseRecord[]> {
    return (await this.queryRange('byUnit', 'unit', unit, since, until)).map(toCase);
  }

  async byAssignee(assignee: string): Promise<CaseRecord[]> {
    return (await this.queryRange('byAssignee', 'assignee', assignee)).map(toCase);
  }

  private async queryRange(index: string, key: string, value: string, since?: string, until?: string) {
    const range = since && until ? ' AND receivedAt BETWEEN :a AND :b' : since ? ' AND receivedAt >= :a' : '';
    return this.queryAll({
      IndexName: index,
      KeyConditionExpression: `#k = :v${range}`,
      ExpressionAttributeNames: { '#k': key },
      ExpressionAttributeValues: { ':v': value, ...(since ? { ':a': since } : {}), ...(since && until ? { ':b': until } : {}) },
      ScanIndexForward: false,
    });
  }

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(new QueryCommand({ TableName: this.table, ...input, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private appendItems(change: Change, fromVersion: number, documents: OfficialDocument[] = []) {
    const { next, events, notices } = change;
    const mailOf = new Map(documents.map((d) => [d.documentId, { subject: d.subject, text: d.text }]));
    const pk = casePk(next.caseId);
    const eventItems = events.map((e, i) => ({
      Put: {
        TableName: this.table,
        Item: { pk, sk: `EVENT#${e.at}#${String(next.version).padStart(6, '0')}#${i}`, caseId: next.caseId, seq: fromVersion * 100 + i, ...e },
        ConditionExpression: 'attribute_not_exists(sk)',
      },
    }));
    const noticeItems = notices.map((n) => ({
      Put: {
        TableName: this.table,
        Item: {
          pk,
          sk: `NOTICE#${n.noticeId}`,
          caseId: next.caseId,
          ...n,
          // An official notice goes out exactly as its document was issued.
          ...(mailOf.has(n.noticeId) ? { mail: mailOf.get(n.noticeId) } : {}),
          // Nobody to send it to: issued (and kept as a document) but never delivered.
          status: n.deliver === false ? 'skipped' : 'pending',
          createdAt: new Date().toISOString(),
          attempts: 0,
        },
        ConditionExpression: 'attribute_not_exists(sk)',
      },
    }));
    // Written once, never updated: the document as issued, for reprinting exactly as sent.
    const documentItems = documents.map((d) => ({
      Put: { TableName: this.table, Item: { pk, sk: docSk(d.documentId), ...d }, ConditionExpression: 'attribute_not_exists(sk)' },
    }));
    return [...eventItems, ...noticeItems, ...documentItems];
  }
}

/** The stored form of a case (exported for test/bench, which seeds many without a transaction each). */
export function caseItem(c: CaseRecord): Record<string, unknown> {
  const openDeadlines = Object.values(c.deadlines).filter((d) => d?.state === 'open');
  const running = openDeadlines
    // A paused deadline has nothing to fall due until its clock runs again.
    .filter((d) => !d!.suspended)
    .map((d) => new Date(d!.dueAt).toISOString())
    .sort();
  // Paused only: still open work (the staff queues list it), due at no time (the overdue view's
  // `openDueAt <= limit` never reads it).
  const openDueAt = running[0] ?? (openDeadlines.length ? PAUSED : undefined);
  return {
    pk: casePk(c.caseId),
    sk: CASE_SK,
    ...c,
    ...(openDueAt ? { openUnit: c.unit, openDueAt } : {}),
    ...(c.deadlines.review?.state === 'open' ? { reviewOpen: 'open', reviewDueAt: new Date(c.deadlines.review.dueAt).toISOString() } : {}),
  };
}

function toCase(item: Record<string, unknown>): CaseRecord {
  const { pk: _pk, sk: _sk, openUnit: _u, openDueAt: _d, reviewOpen: _r, reviewDueAt: _rd, ...c } = item;
  return c as unknown as CaseRecord;
}

/** A delivery run that claimed a notice and has not marked it within this time is taken to have died. */
const NOTICE_LEASE_MS = 5 * 60 * 1000;
const leaseExpiredBefore = () => new Date(Date.now() - NOTICE_LEASE_MS).toISOString();

/** A notice to send now: pending and past any retry time, or claimed by a run whose lease ran out. */
const DUE_NOTICE = '(#s = :pending AND (attribute_not_exists(retryAt) OR retryAt <= :now)) OR (#s = :sending AND claimedAt < :expired)';
const dueNoticeValues = () => ({ ':pending': 'pending', ':sending': 'sending', ':now': new Date().toISOString(), ':expired': leaseExpiredBefore() });

function cancelledBy(error: unknown, code: string): boolean {
  return error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === code);
}

/** Another transaction on the same items was under way (a concurrent retry with the same key). */
export function isTransactionConflict(error: unknown): boolean {
  return cancelledBy(error, 'TransactionConflict') || (error as Error)?.name === 'TransactionConflictException';
}

/** The CounterMoved to retry with when one of the counter items (from `first`, `count` of them) failed its condition or conflicted. */
function counterMoved(error: unknown, first: number, count: number): CounterMoved | undefined {
  if (!(error instanceof TransactionCanceledException) || count === 0) return undefined;
  const reasons = (error.CancellationReasons ?? []).slice(first, first + count);
  return reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict') ? new CounterMoved('A document-number counter moved') : undefined;
}

/**
 * Concurrent transactions on one item cancel each other; the version condition makes a retry
 * safe. A moved document-number counter is retried longer: every round one of the concurrent
 * commits wins, so a burst of N commits on one series settles within about N rounds.
 */
async function retryOnTransactionConflict<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const moved = error instanceof CounterMoved;
      const conflict = cancelledBy(error, 'TransactionConflict') || (error as Error).name === 'TransactionConflictException';
      if (!(moved || conflict) || attempt >= (moved ? 60 : 5)) throw error;
      // Losers of a burst on one counter spread out (exponential backoff, full jitter), so each
      // round wastes few transactions on a counter that has moved again.
      const wait = moved ? Math.random() * Math.min(1000, 20 * 2 ** Math.min(attempt, 6)) : 20 * attempt + Math.random() * 30;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
