import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ContactRequest } from '../../domain/cases/contact.ts';
import type { HistoryEvent } from '../../domain/cases/model.ts';
import { config } from '../../shared/config.ts';
import { dynamo } from './client.ts';

type LedgerLine = Omit<HistoryEvent, 'caseId' | 'seq'>;
const pk = (requestId: string) => `CONTACT#${requestId}`;
const SK = 'CONTACT';

function toRequest(item: Record<string, unknown>): ContactRequest {
  const { pk: _pk, sk: _sk, contactStatus: _s, ...r } = item;
  return r as unknown as ContactRequest;
}

/**
 * Contact requests in the cases table, one item each; every write goes with its ledger line on
 * the case's partition in one transaction, conditional on the status it was decided from, so a
 * reveal can happen once only.
 */
export class DynamoContactRequests {
  constructor(private readonly table = config.casesTable) {}

  async get(requestId: string): Promise<ContactRequest | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: { pk: pk(requestId), sk: SK }, ConsistentRead: true }));
    if (!Item) return undefined;
    return toRequest(Item);
  }

  /** Every request in this status, oldest first (pending and approved ones are few at any time). */
  async withStatus(status: ContactRequest['status']): Promise<ContactRequest[]> {
    const out: ContactRequest[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'contactRequests',
          KeyConditionExpression: 'contactStatus = :s',
          ExpressionAttributeValues: { ':s': status },
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(page.Items ?? []).map(toRequest));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** Writes the request (new, or moved on from `from`) and its ledger line; false if it had moved on meanwhile. */
  async save(request: ContactRequest, event: LedgerLine, from?: ContactRequest['status']): Promise<boolean> {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                // contactStatus keys the contactRequests index (the custodian's queue).
                Item: { pk: pk(request.requestId), sk: SK, ...request, contactStatus: request.status },
                ConditionExpression: from ? '#s = :from' : 'attribute_not_exists(pk)',
                ...(from ? { ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':from': from } } : {}),
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: {
                  pk: `CASE#${request.caseId}`,
                  sk: `EVENT#${event.at}#CONTACT#${request.requestId}#${request.status}`,
                  caseId: request.caseId,
                  seq: Date.parse(event.at),
                  ...event,
                },
                ConditionExpression: 'attribute_not_exists(sk)',
              },
            },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof TransactionCanceledException) return false;
      throw err;
    }
  }
}
