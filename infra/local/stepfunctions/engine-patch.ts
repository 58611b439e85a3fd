import { StateMachine, type RunOptions } from 'aws-local-stepfunctions';
import type { Activity } from './activity.ts';
import type { HistoryEvent } from './history.ts';
import type { Json } from './json.ts';
import { Scope, type ExecutionLabel } from './scope.ts';

/** A Task override that also learns which run (branch, iteration) it serves. */
export type ScopedHandler = (input: Json, scope: Scope) => Promise<Json>;

interface LocalRun {
  activity: Activity;
  execution: ExecutionLabel;
  handlers: Record<string, ScopedHandler>;
  parent?: Scope;
}

type EngineRun = ReturnType<StateMachine['run']>;
type EngineHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;

const LOCAL = Symbol('localRun');
const PATCHED = Symbol.for('disclosure-intake.localStepFunctions.patched');
type Options = RunOptions & { [LOCAL]?: LocalRun };

/**
 * The engine runs Parallel branches and Map iterations as nested `StateMachine.run` calls on the
 * same (exported) class and aborts them without telling their Task handlers. Wrapping `run` on
 * the prototype is the one place where every nested run can be seen: each gets a Scope, and its
 * handlers are bound to it. The engine copies run options (symbol keys included) into nested
 * runs, which is how a nested run finds its parent scope. Runs without our marker pass through.
 */
function install(): void {
  const proto = StateMachine.prototype as StateMachine & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const original = proto.run;
  proto[PATCHED] = true;
  proto.run = function run(this: StateMachine, input, options?: Options): EngineRun {
    const local = options?.[LOCAL];
    if (!local) return original.call(this, input, options);
    const scope = new Scope(local.activity, local.execution, local.parent);
    const bound: EngineHandlers = {};
    for (const [state, handler] of Object.entries(local.handlers)) {
      bound[state] = (payload) => handler(payload as Json, scope) as ReturnType<EngineHandlers[string]>;
    }
    const execution = original.call(this, input, {
      ...options,
      overrides: { ...options.overrides, taskResourceLocalHandlers: bound },
      [LOCAL]: { ...local, parent: scope },
    } as Options);
    const finish = () => scope.finish();
    execution.result.then(finish, finish);
    return {
      ...execution,
      abort: () => {
        scope.abort();
        execution.abort();
      },
    };
  };
}

install();

/** Starts a root run whose handlers, branches and iterations all report to `activity`. */
export function runLocal(
  machine: StateMachine,
  input: Json,
  options: RunOptions,
  local: Omit<LocalRun, 'parent'>,
  onEvent: (event: HistoryEvent) => void = () => {},
): { result: Promise<Json>; abort: () => void } {
  const run = machine.run(input as Parameters<StateMachine['run']>[0], { ...options, [LOCAL]: local } as Options);
  // The engine queues every event (nested runs' included) until it is read: read and count them.
  void (async () => {
    for await (const event of run.eventLogs) onEvent(event);
  })();
  return { result: run.result as Promise<Json>, abort: run.abort };
}
