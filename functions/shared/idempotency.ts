import { createHash } from 'node:crypto';
import type { IntakeKey } from '../adapters/dynamodb/case-store.ts';
import { ApiError } from './errors.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Idempotency-Key support for submissions. The key does not guard a stored answer (that would
 * keep the access code, which the agency promises not to keep): it keys the case itself. The
 * case is created in one transaction with an item named by a hash of the key and its scope, so
 * a retry, however long after and whatever became of the first attempt, finds that case and
 * can never create a second. The body's hash is kept beside it: the same key with another body
 * is a 409. Nothing else of the request is stored.
 *
 * `scope` separates keys that must not meet: the kind of case, and for staff entry who enters it.
 */
export function intakeKeyOf(header: string | undefined, scope: string, input: unknown): IntakeKey | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new ApiError('validation', 'Idempotency-Key 格式不正确（最多 200 个可见 ASCII 字符）', 'Idempotency-Key must be at most 200 visible ASCII characters');
  }
  return { id: sha256(`${scope}\n${header}`), fingerprint: sha256(`${scope}\n${JSON.stringify(input)}`) };
}
