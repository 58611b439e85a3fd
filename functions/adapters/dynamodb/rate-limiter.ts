import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../shared/config.ts';
import { dynamo } from './client.ts';

/**
 * Fixed-window counters in DynamoDB, beside the idempotency records (same table, own key prefix,
 * same TTL attribute so old windows disappear by themselves). Shared by every function instance,
 * which an in-memory counter in one Lambda would not be.
 */
export class DynamoRateLimiter {
  constructor(
    private readonly windowSeconds: number,
    private readonly table = config.idempotencyTable,
  ) {}

  async count(scope: string, key: string): Promise<number> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: { id: this.id(scope, key) } }));
    return Number(Item?.hits ?? 0);
  }

  async hit(scope: string, key: string): Promise<number> {
    const { Attributes } = await dynamo().send(
      new UpdateCommand({
        TableName: this.table,
        Key: { id: this.id(scope, key) },
        UpdateExpression: 'ADD hits :one SET expiration = if_not_exists(expiration, :exp)',
        ExpressionAttributeValues: { ':one': 1, ':exp': this.windowStart() + 2 * this.windowSeconds },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.hits ?? 1);
  }

  private windowStart(): number {
    const now = Math.floor(Date.now() / 1000);
    return now - (now % this.windowSeconds);
  }

  private id(scope: string, key: string): string {
    return `rate#${scope}#${key}#${this.windowStart()}`;
  }
}
