/**
 * A Standard execution may run for one year at most. The state machine hands a case over to a
 * fresh execution at this age, which leaves two months for whatever runs at that moment (task
 * retries, a pause after errors) to finish well inside the limit.
 */
export const HAND_OVER_AFTER_DAYS = 300;

const DAY_MS = 24 * 3600 * 1000;

/** When an execution started at `startedAt` hands over (RFC 3339, as a Wait's TimestampPath takes it). */
export function handOverAt(startedAt: string | undefined, now = new Date()): string {
  const started = startedAt === undefined ? NaN : Date.parse(startedAt);
  // Without a readable start time, count from now: the execution is at most that old.
  const from = Number.isNaN(started) ? now.getTime() : started;
  return new Date(from + HAND_OVER_AFTER_DAYS * DAY_MS).toISOString();
}
