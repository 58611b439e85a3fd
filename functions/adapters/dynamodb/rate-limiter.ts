import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../shared/config.ts';
import { dynamo } from './client.ts';

/** A unit of budget taken (or refused) in one window: `retryAfter` seconds until the window ends. */
export interface Taken {
  ok: boolean;
  retryAfter: number;
  /** The window's counter, to give the unit back to the same window. */
  id: string;
}

/**
 * Fixed-window budgets in DynamoDB, beside the idempotency records (same table, own key prefix,
 * same TTL attribute so old windows disappear by themselves). Shared by every function instance,
 * which an in-memory counter in one Lambda would not be.
 *
 * A unit is taken before the guarded work, by one conditional UpdateItem (ADD, only while the
 * count is under the limit): no read-then-write gap, so no number of parallel requests gets
 * more than `limit` units of one window.
 */
export class DynamoRateLimiter {
  constructor(
    private readonly windowSeconds: number,
    private readonly table = config.idempotencyTable,
  ) {}

  async take(scope: string, key: string, limit: number): Promise<Taken> {
    const start = this.windowStart();
    const id = `rate#${scope}#${key}#${start}`;
    const retryAfter = Math.max(1, start + this.windowSeconds - Math.floor(Date.now() / 1000));
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: this.table,
          Key: { id },
          UpdateExpression: 'ADD hits :one SET expiration = if_not_exists(expiration, :exp)',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':exp': start + 2 * this.windowSeconds },
        }),
      );
      return { ok: true, retryAfter, id };
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return { ok: false, retryAfter, id };
      throw error;
    }
  }

  /** Gives a taken unit back (the guarded work turned out not to count), to the window it came from. */
  async giveBack(taken: Taken): Promise<void> {
    if (!taken.ok) return;
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: this.table,
          Key: { id: taken.id },
          UpdateExpression: 'ADD hits :minus',
          ConditionExpression: 'hits > :zero',
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        }),
      );
    } catch {
      // The window expired meanwhile, or the counter is gone: nothing to give back.
    }
  }

  private windowStart(): number {
    const now = Math.floor(Date.now() / 1000);
    return now - (now % this.windowSeconds);
  }
}
