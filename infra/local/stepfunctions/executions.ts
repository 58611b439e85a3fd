import { randomUUID } from 'node:crypto';
import type { StateMachine } from 'aws-local-stepfunctions';
import type { Clock } from '../clock.ts';
import type { Activity } from './activity.ts';
import { SfnApiError } from './api-errors.ts';
import type { LocalArns } from './arns.ts';
import { runLocal, type ScopedHandler } from './engine-patch.ts';
import { historyWeight } from './history.ts';
import type { Json } from './json.ts';
import type { TaskKind } from './rewrite.ts';
import { TOKEN_SENTINEL } from './tasks.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface LocalMachine {
  id: string;
  arn: string;
  engine: StateMachine;
  handlers: Record<string, ScopedHandler>;
  retryStates: string[];
  timeoutSeconds?: number;
  /** What each Task state of the engine's copy is, for counting history events. */
  taskKinds: ReadonlyMap<string, TaskKind>;
}

/** Step Functions' hard limits on one Standard execution, which the stand-in enforces too. */
export interface ExecutionLimits {
  /** History events per execution (AWS: 25,000); beyond it the execution fails. */
  historyEvents: number;
  /** Execution lifetime (AWS: one year), in virtual time; beyond it the execution times out. */
  lifetimeSeconds: number;
}

export const AWS_LIMITS: ExecutionLimits = { historyEvents: 25_000, lifetimeSeconds: 365 * 24 * 3600 };

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  label: string;
  /** History events so far, counted as AWS writes them (history.ts). */
  historyEvents: number;
  abort: () => void;
}

// AWS: 1-80 characters, none of whitespace, brackets, wildcards, these punctuation marks or controls.
const VALID_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;

/** Executions in memory, as the engine keeps them: a restart forgets them all. */
export class Executions {
  private readonly byArn = new Map<string, ExecutionRecord>();

  constructor(
    private readonly machines: Map<string, LocalMachine>,
    private readonly clock: Clock,
    private readonly activity: Activity,
    private readonly log: (line: string) => void,
    private readonly arns: LocalArns,
    private readonly limits: ExecutionLimits = AWS_LIMITS,
  ) {}

  start(machineArn: string, name: string | undefined, input: string | undefined): ExecutionRecord {
    const machine = this.machines.get(machineArn);
    if (!machine) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${machineArn}'`);
    const execName = name ?? randomUUID();
    if (!VALID_NAME.test(execName)) throw new SfnApiError('InvalidName', `Invalid Name: '${execName}'`);
    const inputText = input ?? '{}';
    let parsed: Json;
    try {
      parsed = JSON.parse(inputText) as Json;
    } catch {
      throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not JSON');
    }
    const arn = this.arns.execution(machine.id, execName);
    const existing = this.byArn.get(arn);
    if (existing) {
      // AWS treats a repeat of a running start (same name, same input) as idempotent.
      if (existing.status === 'RUNNING' && existing.input === inputText) return existing;
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    return this.run(machine, arn, execName, inputText, parsed);
  }

  describe(arn: string): ExecutionRecord {
    const record = this.byArn.get(arn);
    if (!record) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  }

  stop(arn: string, error: string | undefined, cause: string | undefined): ExecutionRecord {
    const record = this.describe(arn);
    if (record.status === 'RUNNING') this.end(record, 'ABORTED', { error, cause });
    return record;
  }

  list(machineArn: string, status?: ExecutionStatus): ExecutionRecord[] {
    if (!this.machines.has(machineArn)) {
      throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${machineArn}'`);
    }
    return [...this.byArn.values()]
      .filter((r) => r.stateMachineArn === machineArn && (!status || r.status === status))
      .sort((a, b) => b.startDate - a.startDate);
  }

  stopAll(): void {
    for (const record of this.byArn.values()) {
      if (record.status === 'RUNNING') this.end(record, 'ABORTED', { cause: 'local Step Functions stopped' });
    }
  }

  private run(machine: LocalMachine, arn: string, name: string, input: string, parsed: Json): ExecutionRecord {
    const startDate = this.clock.now();
    const record: ExecutionRecord = {
      executionArn: arn,
      stateMachineArn: machine.arn,
      name,
      input,
      status: 'RUNNING',
      startDate,
      label: `${machine.id}/${name}`,
      historyEvents: 0,
      abort: () => {},
    };
    this.byArn.set(arn, record);
    this.log(`${record.label}: started`);
    const retryIntervalOverrides = Object.fromEntries(machine.retryStates.map((s) => [s, 0]));
    const run = runLocal(
      machine.engine,
      parsed,
      {
        overrides: { retryIntervalOverrides },
        noThrowOnAbort: true,
        context: {
          Execution: { Id: arn, Name: name, StartTime: new Date(startDate).toISOString() },
          StateMachine: { Id: machine.arn, Name: machine.id },
          Task: { Token: TOKEN_SENTINEL },
        },
      },
      { activity: this.activity, execution: record, handlers: machine.handlers },
      (event) => {
        record.historyEvents += historyWeight(event, (state) => machine.taskKinds.get(state));
        if (record.historyEvents > this.limits.historyEvents) {
          // As on AWS: the execution fails, and no Catch in the definition can prevent it.
          this.end(record, 'FAILED', {
            error: 'States.Runtime',
            cause: `The execution reached the maximum number of history events (${this.limits.historyEvents}).`,
          });
        }
      },
    );
    record.abort = run.abort;
    run.result.then(
      (output) => this.end(record, 'SUCCEEDED', { output: JSON.stringify(output) }),
      (error: unknown) => this.end(record, 'FAILED', failure(error)),
    );
    // The engine would time the execution in real time; the virtual clock decides here. Without
    // TimeoutSeconds a Standard execution still ends after its maximum lifetime (one year).
    const timeoutSeconds = Math.min(machine.timeoutSeconds ?? Infinity, this.limits.lifetimeSeconds);
    const timeoutAt = startDate + timeoutSeconds * 1000;
    void this.clock.sleepUntil(timeoutAt).then(() => this.end(record, 'TIMED_OUT', { error: 'States.Timeout', stopDate: timeoutAt }));
    return record;
  }

  private end(record: ExecutionRecord, status: ExecutionStatus, details: Partial<ExecutionRecord>): void {
    if (record.status !== 'RUNNING') return;
    Object.assign(record, { stopDate: this.clock.now() }, details, { status });
    if (status !== 'SUCCEEDED') record.abort();
    this.log(`${record.label}: ${status}${record.error ? ` (${record.error})` : ''}`);
    this.log(`${record.label}: ${record.historyEvents} history events`);
  }
}

/** The engine wraps the failing state's error; AWS reports that error's name and cause. */
function failure(error: unknown): { error?: string; cause?: string } {
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(inner instanceof Error)) return { error: 'States.Runtime', cause: String(inner) };
  // A Fail state without Error/Cause: the engine fills in defaults that AWS leaves empty.
  if (inner.name === 'FailStateError') return {};
  return { error: inner.name, cause: inner.message === 'Execution failed because of a Fail state' ? undefined : inner.message };
}
