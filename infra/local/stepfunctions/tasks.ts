import type { Clock } from '../clock.ts';
import { withDeadlines, sleepUntil } from './deadlines.ts';
import type { ScopedHandler } from './engine-patch.ts';
import { isObject, type Json } from './json.ts';
import type { LocalLambdas } from './lambdas.ts';
import type { RetryClock } from './retries.ts';
import { ENVELOPE, type LocalTask } from './rewrite.ts';
import type { Scope } from './scope.ts';
import { cancelledError, isCancelled, runtimeError } from './task-errors.ts';
import type { TaskTokens } from './tokens.ts';

/** What executions put at $$.Task.Token; replaced by a real token in each callback task's payload. */
export const TOKEN_SENTINEL = '__LOCAL_TASK_TOKEN__';

export interface TaskDeps {
  clock: Clock;
  lambdas: LocalLambdas;
  tokens: TaskTokens;
  retries: RetryClock;
  timeoutError: (heartbeat: boolean) => Error;
  log: (line: string) => void;
}

interface Envelope {
  payload: Json;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  waitSeconds?: Json;
  waitTimestamp?: Json;
}

export function localHandlers(tasks: Map<string, LocalTask>, deps: TaskDeps): Record<string, ScopedHandler> {
  const handlers: Record<string, ScopedHandler> = {};
  for (const [state, task] of tasks) {
    handlers[state] = (input, scope) => runTask(state, task, input, scope, deps);
  }
  return handlers;
}

async function runTask(state: string, task: LocalTask, input: Json, scope: Scope, deps: TaskDeps): Promise<Json> {
  // The engine retries even a cancelled branch's task until MaxAttempts: never run it again.
  if (scope.signal.aborted) throw cancelledError();
  const delay = deps.retries.delayBefore(scope, state);
  if (delay > 0) await scope.park(sleepUntil(deps.clock, deps.clock.now() + delay, scope.signal));
  try {
    const result = await attempt(task, unwrap(input), scope, deps);
    deps.retries.succeeded(scope, state);
    return result;
  } catch (error) {
    if (!isCancelled(error)) {
      deps.retries.failed(scope, state, task.retry, error);
      if (task.kind !== 'wait') {
        deps.log(`${scope.execution.label}: task ${state} failed: ${error instanceof Error ? error.name : 'Error'}`);
      }
    }
    throw error;
  }
}

function attempt(task: LocalTask, env: Envelope, scope: Scope, deps: TaskDeps): Promise<Json> {
  const deadlines = { startedAt: deps.clock.now(), timeoutSeconds: env.timeoutSeconds };
  switch (task.kind) {
    case 'wait':
      return scope.park(sleepUntil(deps.clock, waitTarget(env, deps.clock), scope.signal)).then(() => env.payload);
    case 'function':
      return withDeadlines(deps.lambdas.invoke(task.functionName ?? '', env.payload), deps.clock, deadlines, deps.timeoutError);
    case 'invoke': {
      const { functionName, payload } = invokeParameters(env.payload);
      const result = withDeadlines(deps.lambdas.invoke(functionName, payload), deps.clock, deadlines, deps.timeoutError);
      // The shape of AWS's lambda:invoke integration, so ResultSelector/OutputPath on $.Payload work.
      return result.then((Payload) => ({ ExecutedVersion: '$LATEST', Payload, StatusCode: 200 }));
    }
    case 'callback':
      return callback(env, scope, deps);
  }
}

async function callback(env: Envelope, scope: Scope, deps: TaskDeps): Promise<Json> {
  const startedAt = deps.clock.now();
  const issued = deps.tokens.issue(scope);
  const { functionName, payload } = invokeParameters(withToken(env.payload, issued.token));
  const outcome = withDeadlines(
    issued.outcome,
    deps.clock,
    { startedAt, timeoutSeconds: env.timeoutSeconds, heartbeatSeconds: env.heartbeatSeconds, lastBeat: issued.lastBeat },
    deps.timeoutError,
  );
  // However the task ends (timeout included), its token dies with it.
  outcome.catch(issued.close);
  try {
    await deps.lambdas.invoke(functionName, payload);
  } catch (error) {
    issued.close(error);
    throw error;
  }
  return scope.park(outcome);
}

function unwrap(input: Json): Envelope {
  if (!isObject(input)) throw runtimeError('local task envelope missing');
  const seconds = (key: string): number | undefined => {
    const value = input[key];
    if (value === undefined) return undefined;
    if (!Number.isInteger(value) || (value as number) < 1) throw runtimeError(`${key.replace('__local', '')} must be a positive integer`);
    return value as number;
  };
  return {
    payload: input[ENVELOPE.payload] as Json,
    timeoutSeconds: seconds(ENVELOPE.timeout),
    heartbeatSeconds: seconds(ENVELOPE.heartbeat),
    waitSeconds: input[ENVELOPE.seconds] as Json | undefined,
    waitTimestamp: input[ENVELOPE.timestamp] as Json | undefined,
  };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function waitTarget(env: Envelope, clock: Clock): number {
  if (env.waitTimestamp !== undefined) {
    const at = typeof env.waitTimestamp === 'string' && RFC3339.test(env.waitTimestamp) ? Date.parse(env.waitTimestamp) : NaN;
    if (Number.isNaN(at)) throw runtimeError('Wait timestamp is not an RFC 3339 timestamp');
    return at;
  }
  const seconds = env.waitSeconds;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
    throw runtimeError('Wait seconds must be a non-negative integer');
  }
  return clock.now() + seconds * 1000;
}

function invokeParameters(parameters: Json): { functionName: string; payload: Json } {
  if (!isObject(parameters) || typeof parameters.FunctionName !== 'string') {
    throw runtimeError('lambda:invoke needs Parameters.FunctionName');
  }
  // Without Payload, Lambda is invoked with no payload; handlers then see an empty event.
  return { functionName: parameters.FunctionName, payload: (parameters.Payload as Json | undefined) ?? {} };
}

function withToken(value: Json, token: string): Json {
  if (typeof value === 'string') return value.replaceAll(TOKEN_SENTINEL, token);
  if (Array.isArray(value)) return value.map((v) => withToken(v, token));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withToken(v as Json, token)]));
  return value;
}
