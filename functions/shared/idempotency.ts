import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { ApiError } from './errors.ts';
import { config } from './config.ts';

/**
 * Idempotency-Key support (Powertools, DynamoDB persistence): a retried submission with the same
 * key and body returns the first answer instead of creating a second case. The stored answer
 * holds the access code, so it expires after an hour: long enough for any client retry.
 */
export function idempotentByKey<I, O>(fn: (input: I) => Promise<O>) {
  let wrapped: ((record: { key: string; input: I }) => Promise<O>) | undefined;
  let idempotency: IdempotencyConfig | undefined;
  return async (key: string | undefined, input: I, context: Context): Promise<O> => {
    if (!key) return fn(input);
    if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new ApiError('validation', 'Idempotency-Key 格式不正确（最多 200 个可见 ASCII 字符）', 'Idempotency-Key must be at most 200 visible ASCII characters');
    }
    idempotency ??= new IdempotencyConfig({ eventKeyJmesPath: 'key', payloadValidationJmesPath: 'input', expiresAfterSeconds: 3600 });
    wrapped ??= makeIdempotent(async (record: { key: string; input: I }) => fn(record.input), {
      persistenceStore: new DynamoDBPersistenceLayer({ tableName: config.idempotencyTable }),
      config: idempotency,
    });
    // An in-progress record then expires with this invocation, so a crashed attempt can be retried.
    idempotency.registerLambdaContext(context);
    try {
      return await wrapped({ key, input });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'IdempotencyAlreadyInProgressError') {
        throw new ApiError('conflict', '同一提交正在处理中，请稍候', 'The same submission is still being processed');
      }
      if (name === 'IdempotencyValidationError') {
        throw new ApiError('conflict', '该 Idempotency-Key 已用于内容不同的提交', 'This Idempotency-Key was used for a different submission');
      }
      throw error;
    }
  };
}
