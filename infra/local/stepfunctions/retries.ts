import type { Scope } from './scope.ts';

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'NONE' | 'FULL';
}

interface Attempts {
  counts: number[];
  delayMs?: number;
}

/**
 * Retry intervals on the virtual clock. The engine would sleep them in real time, unseen by the
 * clock, so it is told to retry at once (retryIntervalOverrides = 0) and the handler sleeps the
 * interval before the next attempt instead. This repeats the engine's own decision (first
 * matching retrier, MaxAttempts, BackoffRate, MaxDelaySeconds, jitter) to know that interval.
 * A run executes one state at a time, so (scope, state) identifies the attempts in progress.
 */
export class RetryClock {
  private readonly byScope = new WeakMap<Scope, Map<string, Attempts>>();

  constructor(private readonly isTimeout: (error: unknown) => boolean) {}

  /** How long to wait before this attempt: zero unless the previous attempt failed and is retried. */
  delayBefore(scope: Scope, state: string): number {
    return this.byScope.get(scope)?.get(state)?.delayMs ?? 0;
  }

  succeeded(scope: Scope, state: string): void {
    this.byScope.get(scope)?.delete(state);
  }

  failed(scope: Scope, state: string, retriers: Retrier[], error: unknown): void {
    let states = this.byScope.get(scope);
    if (!states) this.byScope.set(scope, (states = new Map()));
    const attempts = states.get(state) ?? { counts: retriers.map(() => 0) };
    const delayMs = this.decide(retriers, attempts.counts, error);
    if (delayMs === undefined) states.delete(state);
    else states.set(state, { counts: attempts.counts, delayMs });
  }

  private decide(retriers: Retrier[], counts: number[], error: unknown): number | undefined {
    if (!(error instanceof Error) || (error as { isRetryable?: boolean }).isRetryable === false) return undefined;
    const name = error.name;
    for (const [i, retrier] of retriers.entries()) {
      const matches = retrier.ErrorEquals.some(
        (e) => e === name || e === 'States.ALL' || (e === 'States.TaskFailed' && !this.isTimeout(error)),
      );
      if (!matches) continue;
      const done = counts[i] ?? 0;
      if (done >= (retrier.MaxAttempts ?? 3)) return undefined;
      counts[i] = done + 1;
      const interval = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** done;
      const capped = retrier.MaxDelaySeconds ? Math.min(interval, retrier.MaxDelaySeconds) : interval;
      const ms = capped * 1000;
      return retrier.JitterStrategy === 'FULL' ? Math.floor(Math.random() * (ms + 1)) : ms;
    }
    return undefined;
  }
}
