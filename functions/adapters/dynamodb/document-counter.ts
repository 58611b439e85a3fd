import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord, NoticeIntent } from '../../domain/cases/model.ts';
import { nextNumbers, seriesKey, type DocumentSeries } from '../../domain/notices/document-number.ts';
import type { DocumentIssuer, OfficialDocument } from '../../domain/notices/official-document.ts';
import { dynamo } from './client.ts';

/** One counter item per document series (agency, year, kind), beside the cases: `n` is the last number issued. */
export const counterKey = (s: DocumentSeries) => ({ pk: `DOCNO#${seriesKey(s)}`, sk: 'DOCNO' });

/** The counter moved between reading it and committing (another commit issued a number): read again and retry. */
export class CounterMoved extends Error {
  override readonly name = 'CounterMoved';
}

export interface IssuedDocuments {
  documents: OfficialDocument[];
  /** The conditional counter updates, to go into the commit's transaction. */
  counterItems: Record<string, unknown>[];
}

/**
 * Numbers the change's official notices. The counters are read here (consistently) and the
 * transaction that commits the change moves each one on only if it still reads what it read
 * here: so a commit that fails or is retried takes no number, and two concurrent commits can
 * never take the same one (the loser's transaction is cancelled and it numbers again).
 */
export async function issueDocuments(table: string, issuer: DocumentIssuer, c: CaseRecord, notices: NoticeIntent[], issuedAt: string): Promise<IssuedDocuments> {
  const bySeries = new Map<string, { series: DocumentSeries; notices: NoticeIntent[] }>();
  for (const notice of notices) {
    const series = issuer.series(notice, c, issuedAt);
    if (!series) continue;
    const key = seriesKey(series);
    const entry = bySeries.get(key) ?? { series, notices: [] };
    entry.notices.push(notice);
    bySeries.set(key, entry);
  }
  const documents: OfficialDocument[] = [];
  const counterItems: Record<string, unknown>[] = [];
  for (const { series, notices: numbered } of bySeries.values()) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: table, Key: counterKey(series), ConsistentRead: true }));
    const current = typeof Item?.n === 'number' ? Item.n : 0;
    const numbers = nextNumbers(current, numbered.length);
    numbered.forEach((notice, i) => documents.push(issuer.issue(notice, c, numbers[i]!, issuedAt)));
    counterItems.push({
      Update: {
        TableName: table,
        Key: counterKey(series),
        UpdateExpression: 'SET n = :next, updatedAt = :at',
        ConditionExpression: current === 0 ? 'attribute_not_exists(n)' : 'n = :current',
        ExpressionAttributeValues: { ':next': current + numbered.length, ':at': issuedAt, ...(current === 0 ? {} : { ':current': current }) },
      },
    });
  }
  return { documents, counterItems };
}
