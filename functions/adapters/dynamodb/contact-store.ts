import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ContactRequest } from '../../domain/cases/contact.ts';
import type { HistoryEvent } from '../../domain/cases/model.ts';
import { config } from '../../shared/config.ts';
import { dynamo } from './client.ts';

type LedgerLine = Omit<HistoryEvent, 'caseId' | 'seq'>;
const pk = (requestId: string) => `CONTACT#${requestId}`;
const SK = 'CONTACT';

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
    const { pk: _pk, sk: _sk, ...r } = Item;
    return r as ContactRequest;
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
                Item: { pk: pk(request.requestId), sk: SK, ...request },
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
