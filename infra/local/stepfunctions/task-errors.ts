import { StateMachine } from 'aws-local-stepfunctions';

/**
 * Errors a local Task handler rejects with. The engine matches Retry/Catch on `name` and reads
 * `isRetryable`/`isCatchable` (defaulting to true), which is how States.Runtime and our own
 * cancellations stay out of reach of `States.ALL`.
 */
export class TaskError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

class UncatchableError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** States.Runtime: a bad path or value in the definition; AWS lets no Retry or Catch handle it. */
export const runtimeError = (message: string): Error => new UncatchableError('States.Runtime', message);

const ABORTED = 'Local.TaskCancelled';
/** The task's branch or execution was stopped: the engine must neither retry nor catch it. */
export const cancelledError = (): Error => new UncatchableError(ABORTED, 'task cancelled');
export const isCancelled = (error: unknown): boolean => error instanceof Error && error.name === ABORTED;

type TimeoutCtor = new () => Error;
let timeoutClass: Promise<TimeoutCtor> | undefined;

/**
 * The engine excludes timeouts from `States.TaskFailed` by `instanceof` its own, unexported
 * StatesTimeoutError. Our timeouts run on the virtual clock, so we need that class: a task with a
 * 1 ms engine timeout hands us an instance.
 */
export function loadTimeoutClass(): Promise<TimeoutCtor> {
  timeoutClass ??= (async () => {
    const probe = new StateMachine(
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'local:probe', TimeoutSeconds: 0.001, End: true } } },
      { validationOptions: { noValidate: true } },
    );
    const run = probe.run(null, { overrides: { taskResourceLocalHandlers: { T: () => new Promise(() => {}) } } });
    const failure = await run.result.then(
      () => undefined,
      (error: unknown) => (error as Error).cause,
    );
    if (!(failure instanceof Error) || failure.name !== 'States.Timeout') {
      throw new Error('aws-local-stepfunctions no longer times out tasks as expected');
    }
    return failure.constructor as TimeoutCtor;
  })();
  return timeoutClass;
}

export function timeoutError(ctor: TimeoutCtor, heartbeat: boolean): Error {
  const error = new ctor();
  if (heartbeat) {
    error.name = 'States.HeartbeatTimeout';
    error.message = 'no heartbeat within HeartbeatSeconds';
  }
  return error;
}
