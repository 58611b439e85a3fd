import type { Clock } from '../clock.ts';
import { cancelledError } from './task-errors.ts';

/**
 * Sleeps on the virtual clock until `at` (epoch ms), or rejects as cancelled when `signal` aborts.
 * The clock cannot forget a sleeper, so after a cancel its timer lingers, inert, until due.
 */
export function sleepUntil(clock: Clock, at: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelledError());
    const onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    void clock.sleepUntil(at).then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

export interface Deadlines {
  startedAt: number;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /** Virtual time of the last heartbeat (or the start). */
  lastBeat?: () => number;
}

/**
 * Races `work` against TimeoutSeconds and HeartbeatSeconds on the virtual clock. The engine's own
 * timer is real time and overflows Node's setTimeout past ~24.8 days, so it never sees them.
 */
export function withDeadlines<T>(
  work: Promise<T>,
  clock: Clock,
  deadlines: Deadlines,
  onTimeout: (heartbeat: boolean) => Error,
): Promise<T> {
  const { startedAt, timeoutSeconds, heartbeatSeconds } = deadlines;
  if (!timeoutSeconds && !heartbeatSeconds) return work;
  const timeoutAt = timeoutSeconds ? startedAt + timeoutSeconds * 1000 : Infinity;
  const beatDue = () =>
    heartbeatSeconds ? (deadlines.lastBeat?.() ?? startedAt) + heartbeatSeconds * 1000 : Infinity;

  return new Promise<T>((resolve, reject) => {
    let open = true;
    const settle = (fn: () => void) => {
      if (!open) return;
      open = false;
      fn();
    };
    work.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
    void (async () => {
      while (open) {
        await clock.sleepUntil(Math.min(timeoutAt, beatDue()));
        const now = clock.now();
        if (now >= timeoutAt) settle(() => reject(onTimeout(false)));
        else if (now >= beatDue()) settle(() => reject(onTimeout(true)));
      }
    })();
  });
}
