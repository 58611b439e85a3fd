/**
 * The local runtime's clock. With VIRTUAL_CLOCK set it replaces the process's Date so that
 * handlers, the Step Functions engine and the JWT issuer all see virtual time, which runs on in
 * real time from where it was last set and can jump forward (never back). Handlers and domain
 * code know nothing of it: they call `new Date()` as they would on AWS.
 *
 * Timers (`sleepUntil`) fire when virtual time reaches them, whether by a jump or by waiting.
 * `track` counts work in flight so that `advanceTo` can answer only once everything that fell
 * due has run to its next wait.
 */
const RealDate = globalThis.Date;
const MAX_REAL_TIMEOUT = 60 * 60 * 1000;

interface Sleeper {
  at: number;
  resolve: () => void;
  timer?: NodeJS.Timeout;
}

export class Clock {
  private offset = 0;
  private sleepers = new Set<Sleeper>();
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(readonly virtual: boolean) {}

  now(): number {
    return RealDate.now() + this.offset;
  }

  /** Installs virtual time process-wide, starting at `startIso` (`now`: the real time). */
  install(startIso: string): void {
    const start = startIso === 'now' ? RealDate.now() : RealDate.parse(startIso);
    if (Number.isNaN(start)) throw new Error(`VIRTUAL_CLOCK is not an ISO time: ${startIso}`);
    this.offset = start - RealDate.now();
    const clock = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the Date subclass must reach this clock
    class VirtualDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(clock.now());
        else super(...(args as [string]));
      }
      static override now(): number {
        return clock.now();
      }
    }
    globalThis.Date = VirtualDate as DateConstructor;
  }

  /** Moves virtual time forward, then waits until every timer that fell due has run. */
  async advanceTo(targetIso: string): Promise<void> {
    const target = RealDate.parse(targetIso);
    if (Number.isNaN(target)) throw new RangeError('not an ISO time');
    if (target < this.now()) throw new RangeError('the clock only moves forward');
    this.offset += target - this.now();
    await this.fireDue();
  }

  /** Resolves when (virtual) time reaches `at` (epoch ms). */
  sleepUntil(at: number): Promise<void> {
    if (at <= this.now()) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper: Sleeper = { at, resolve };
      this.sleepers.add(sleeper);
      this.arm(sleeper);
    });
  }

  /** Counts `work` as in flight until it settles (see `settled`). */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight += 1;
    const done = () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((w) => w());
    };
    work.then(done, done);
    return work;
  }

  /** Waits until no tracked work is in flight and nothing new starts for a few turns. */
  async settled(): Promise<void> {
    for (let quiet = 0; quiet < 3; ) {
      if (this.inFlight > 0) {
        await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
        quiet = 0;
      } else {
        await new Promise((resolve) => setTimeout(resolve, 5));
        quiet += 1;
      }
    }
  }

  private arm(sleeper: Sleeper): void {
    const delay = Math.min(Math.max(sleeper.at - this.now(), 0), MAX_REAL_TIMEOUT);
    sleeper.timer = setTimeout(() => {
      if (sleeper.at <= this.now()) this.wake(sleeper);
      else this.arm(sleeper);
    }, delay);
    sleeper.timer.unref();
  }

  private wake(sleeper: Sleeper): void {
    clearTimeout(sleeper.timer);
    this.sleepers.delete(sleeper);
    sleeper.resolve();
  }

  private async fireDue(): Promise<void> {
    // Firing one timer may start work that sets and immediately passes another: loop until none.
    for (;;) {
      await this.settled();
      const due = [...this.sleepers].filter((s) => s.at <= this.now()).sort((a, b) => a.at - b.at);
      if (due.length === 0) return;
      due.forEach((s) => this.wake(s));
    }
  }
}

export const clock = new Clock(Boolean(process.env.VIRTUAL_CLOCK));
if (process.env.VIRTUAL_CLOCK) clock.install(process.env.VIRTUAL_CLOCK);
