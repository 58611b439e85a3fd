import type { Activity } from './activity.ts';

/** Who a scope works for, for log lines. */
export interface ExecutionLabel {
  label: string;
}

/**
 * One run of the engine: the execution itself, or one Parallel branch or Map iteration inside it.
 * It knows whether it is running (for settling) and carries the cancellation that the engine
 * never tells a Task handler about: when a Parallel branch fails, the engine aborts the sibling
 * branches, and their pending timers and task tokens must go with them.
 */
export class Scope {
  private readonly controller = new AbortController();
  private readonly liveChildren = new Set<Scope>();
  private parked = 0;
  private done = false;

  constructor(
    private readonly activity: Activity,
    readonly execution: ExecutionLabel,
    private readonly parent?: Scope,
  ) {
    activity.change(1);
    parent?.adopt(this);
    if (parent?.signal.aborted) this.abort();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The scope is blocked on `work` (a timer or a callback), not busy: settling may proceed. */
  park<T>(work: Promise<T>): Promise<T> {
    this.update(() => (this.parked += 1));
    const unpark = () => this.update(() => (this.parked -= 1));
    work.then(unpark, unpark);
    return work;
  }

  abort(): void {
    if (this.controller.signal.aborted) return;
    this.controller.abort();
    this.liveChildren.forEach((child) => child.abort());
  }

  /** The engine run settled: anything still pending under it is orphaned and cancelled. */
  finish(): void {
    if (this.done) return;
    this.update(() => (this.done = true));
    this.abort();
    this.parent?.release(this);
  }

  private get running(): boolean {
    return !this.done && this.liveChildren.size === 0 && this.parked === 0;
  }

  private adopt(child: Scope): void {
    this.update(() => this.liveChildren.add(child));
  }

  private release(child: Scope): void {
    this.update(() => this.liveChildren.delete(child));
  }

  private update(mutate: () => unknown): void {
    const before = this.running;
    mutate();
    const after = this.running;
    if (before !== after) this.activity.change(after ? 1 : -1);
  }
}
