import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../shared/config.ts';
import { dynamo } from './client.ts';

/** Marks a scheduled job's run (e.g. one digest per day) in the cases table, so a retried or doubled invocation does nothing. */
export class DynamoJobLog {
  constructor(private readonly table = config.casesTable) {}

  /** True for the first claim of this job and key; false if it ran already. */
  async claim(job: string, key: string): Promise<boolean> {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: `JOB#${job}#${key}`, sk: 'JOB', at: new Date().toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
