import { functionNameOf } from './arns.ts';
import type { Retrier } from './retries.ts';

export type TaskKind = 'wait' | 'invoke' | 'callback' | 'function';

export interface LocalTask {
  kind: TaskKind;
  /** For a plain function-ARN resource. */
  functionName?: string;
  retry: Retrier[];
}

export interface EngineMachine {
  definition: Record<string, unknown>;
  /** Every state the engine must hand to a local handler, by (machine-wide unique) name. */
  tasks: Map<string, LocalTask>;
  /** States whose Retry interval the engine must skip: we sleep it on the virtual clock. */
  retryStates: string[];
  timeoutSeconds?: number;
}

/**
 * Envelope keys: the handler gets the state's Parameters (or input) plus the values the engine
 * no longer evaluates for us, each resolved by the engine against the same effective input.
 */
export const ENVELOPE = {
  payload: '__localPayload',
  timeout: '__localTimeoutSeconds',
  heartbeat: '__localHeartbeatSeconds',
  seconds: '__localWaitSeconds',
  timestamp: '__localWaitTimestamp',
} as const;

// The engine still races every task against a real-time setTimeout; keep it just below overflow.
const ENGINE_TIMEOUT_SECONDS = 2_147_483;
/** Service integrations as ASL names them, in any partition (aws, aws-cn, aws-us-gov, ...). */
const INTEGRATION = {
  invoke: /^arn:[\w-]+:states:::lambda:invoke$/,
  callback: /^arn:[\w-]+:states:::lambda:invoke\.waitForTaskToken$/,
};
const FUNCTION_ARN = /^arn:[\w-]+:lambda:[^:]*:[^:]*:function:/;
/** What a Wait becomes in the engine's copy: never called, the state is overridden by name. */
const LOCAL_WAIT_RESOURCE = 'local:wait';

type State = Record<string, unknown> & { Type: string };
type Machine = { States: Record<string, State> };

/**
 * The in-memory copy the engine runs (the file is never touched): Waits become Tasks that sleep
 * on the virtual clock, and every Task's timeouts move from the engine to our handlers.
 */
export function rewriteForEngine(original: Record<string, unknown>): EngineMachine {
  const definition = structuredClone(original);
  const timeoutSeconds = definition.TimeoutSeconds as number | undefined;
  delete definition.TimeoutSeconds;
  const result: EngineMachine = { definition, tasks: new Map(), retryStates: [], timeoutSeconds };
  visit(definition as unknown as Machine, result, new Set());
  return result;
}

function visit(machine: Machine, out: EngineMachine, seen: Set<string>): void {
  for (const [name, state] of Object.entries(machine.States)) {
    // AWS wants names unique machine-wide; the engine's task overrides rely on it.
    if (seen.has(name)) throw new Error(`state name "${name}" is used twice`);
    seen.add(name);
    if (state.Type === 'Wait') {
      machine.States[name] = waitAsTask(state);
      out.tasks.set(name, { kind: 'wait', retry: [] });
    } else if (state.Type === 'Task') {
      out.tasks.set(name, { ...classify(name, state.Resource), retry: (state.Retry as Retrier[]) ?? [] });
      wrapTask(state);
    } else if (state.Type === 'Parallel') {
      (state.Branches as Machine[]).forEach((branch) => visit(branch, out, seen));
    } else if (state.Type === 'Map') {
      visit((state.ItemProcessor ?? state.Iterator) as Machine, out, seen);
    }
    if (Array.isArray(state.Retry)) out.retryStates.push(name);
  }
}

function classify(name: string, resource: unknown): Omit<LocalTask, 'retry'> {
  if (typeof resource === 'string' && INTEGRATION.invoke.test(resource)) return { kind: 'invoke' };
  if (typeof resource === 'string' && INTEGRATION.callback.test(resource)) return { kind: 'callback' };
  if (typeof resource === 'string' && FUNCTION_ARN.test(resource)) {
    return { kind: 'function', functionName: functionNameOf(resource) };
  }
  throw new Error(`state "${name}": resource ${String(resource)} is not supported locally (Lambda only)`);
}

function waitAsTask(wait: State): State {
  const { Seconds, SecondsPath, Timestamp, TimestampPath, Type: _type, ...rest } = wait;
  const when =
    SecondsPath !== undefined ? { [`${ENVELOPE.seconds}.$`]: SecondsPath }
    : TimestampPath !== undefined ? { [`${ENVELOPE.timestamp}.$`]: TimestampPath }
    : Timestamp !== undefined ? { [ENVELOPE.timestamp]: Timestamp }
    : { [ENVELOPE.seconds]: Seconds ?? 0 };
  // A Wait passes its (InputPath-filtered) input on; the task returns it and ResultPath "$" keeps it.
  return {
    ...rest,
    Type: 'Task',
    Resource: LOCAL_WAIT_RESOURCE,
    Parameters: { [`${ENVELOPE.payload}.$`]: '$', ...when },
    TimeoutSeconds: ENGINE_TIMEOUT_SECONDS,
  };
}

function wrapTask(task: State): void {
  const envelope: Record<string, unknown> =
    task.Parameters === undefined ? { [`${ENVELOPE.payload}.$`]: '$' } : { [ENVELOPE.payload]: task.Parameters };
  const move = (field: string, key: string) => {
    if (task[field] !== undefined) envelope[key] = task[field];
    if (task[`${field}Path`] !== undefined) envelope[`${key}.$`] = task[`${field}Path`];
    delete task[field];
    delete task[`${field}Path`];
  };
  move('TimeoutSeconds', ENVELOPE.timeout);
  move('HeartbeatSeconds', ENVELOPE.heartbeat);
  task.Parameters = envelope;
  task.TimeoutSeconds = ENGINE_TIMEOUT_SECONDS;
  // On AWS a heartbeat timeout is States.HeartbeatTimeout and also matches States.Timeout.
  for (const handler of [...((task.Retry as Retrier[]) ?? []), ...((task.Catch as Retrier[]) ?? [])]) {
    if (handler.ErrorEquals.includes('States.Timeout') && !handler.ErrorEquals.includes('States.HeartbeatTimeout')) {
      handler.ErrorEquals.push('States.HeartbeatTimeout');
    }
  }
}
