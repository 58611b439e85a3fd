import type { Clock } from '../clock.ts';

/**
 * Counts the threads of execution (root runs, Parallel branches, Map iterations) that are
 * actually running, as opposed to parked on a timer or a task token or waiting for their
 * branches. While any runs, one promise is tracked by the clock, so `clock.advanceTo()` and
 * `clock.settled()` answer only once every execution has gone as far as it can.
 */
export class Activity {
  private running = 0;
  private idle?: () => void;

  constructor(private readonly clock: Clock) {}

  change(delta: number): void {
    const before = this.running;
    this.running += delta;
    if (before === 0 && this.running > 0) {
      this.clock.track(new Promise<void>((resolve) => (this.idle = resolve)));
    } else if (before > 0 && this.running === 0) {
      this.idle?.();
      this.idle = undefined;
    }
  }
}
