import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { SfnApiError } from './api-errors.ts';
import { deferred, type Json } from './json.ts';
import type { Scope } from './scope.ts';
import { cancelledError, TaskError } from './task-errors.ts';

// Recognising our own tokens lets one from a finished task, or from before a restart, answer
// TaskTimedOut (as AWS answers for a closed task) without remembering every token ever issued.
const PREFIX = 'LOCAL-';

interface Pending {
  resolve: (output: Json) => void;
  reject: (error: unknown) => void;
  beat: () => void;
}

export interface IssuedToken {
  token: string;
  /** Settles with SendTaskSuccess/SendTaskFailure, or rejects as cancelled with its scope. */
  outcome: Promise<Json>;
  lastBeat: () => number;
  /** Ends the task for another reason (its function failed, it timed out): the token dies. */
  close: (error: unknown) => void;
}

/** Task tokens of `.waitForTaskToken` tasks, valid from issue until their task ends in any way. */
export class TaskTokens {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly clock: Clock) {}

  issue(scope: Scope): IssuedToken {
    const token = PREFIX + randomBytes(48).toString('base64url');
    const { promise, resolve, reject } = deferred<Json>();
    let lastBeat = this.clock.now();
    const onAbort = () => reject(cancelledError());
    scope.signal.addEventListener('abort', onAbort, { once: true });
    if (scope.signal.aborted) onAbort();
    this.pending.set(token, { resolve, reject, beat: () => (lastBeat = this.clock.now()) });
    const forget = () => {
      this.pending.delete(token);
      scope.signal.removeEventListener('abort', onAbort);
    };
    promise.then(forget, forget);
    return { token, outcome: promise, lastBeat: () => lastBeat, close: reject };
  }

  succeed(token: string, output: string | undefined): void {
    const task = this.find(token);
    let parsed: Json;
    try {
      parsed = JSON.parse(output ?? '') as Json;
    } catch {
      throw new SfnApiError('InvalidOutput', 'Invalid output: not JSON');
    }
    task.resolve(parsed);
  }

  fail(token: string, error: string | undefined, cause: string | undefined): void {
    this.find(token).reject(new TaskError(error ?? 'States.TaskFailed', cause ?? ''));
  }

  heartbeat(token: string): void {
    this.find(token).beat();
  }

  private find(token: unknown): Pending {
    if (typeof token !== 'string' || token.length === 0 || token.length > 2048) {
      throw new SfnApiError('InvalidToken', 'Invalid token');
    }
    const task = this.pending.get(token);
    if (task) return task;
    if (token.startsWith(PREFIX)) throw new SfnApiError('TaskTimedOut', 'Task Timed Out');
    throw new SfnApiError('InvalidToken', 'Invalid token');
  }
}
