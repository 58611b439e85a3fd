import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StateMachine } from 'aws-local-stepfunctions';
import { workflowTasks, type WorkflowTaskDef } from '../../../functions/workflow/tasks.ts';
import { stateMachines, type StateMachineDef } from '../../state-machines.ts';
import type { Clock } from '../clock.ts';
import { Activity } from './activity.ts';
import { createApiServer, operations } from './api.ts';
import { arnScope, LocalArns } from './arns.ts';
import { AWS_LIMITS, Executions, type ExecutionLimits, type LocalMachine } from './executions.ts';
import { LocalLambdas } from './lambdas.ts';
import { loadDefinition } from './load.ts';
import { RetryClock } from './retries.ts';
import { rewriteForEngine } from './rewrite.ts';
import { loadTimeoutClass, timeoutError } from './task-errors.ts';
import { localHandlers } from './tasks.ts';
import { TaskTokens } from './tokens.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface LocalStepFunctionsOptions {
  clock: Clock;
  stateMachines?: StateMachineDef[];
  /** Only name and handler matter locally: access is what CDK grants on AWS. */
  tasks?: Pick<WorkflowTaskDef, 'name' | 'handler'>[];
  /** Where WorkflowTaskDef.handler paths start; default <repo>/functions. */
  functionsDir?: string;
  /**
   * Region and account of the local ARNs; the partition follows the region (cn-* is aws-cn).
   * Default region: AWS_REGION, as the SDK clients calling the stand-in use.
   */
  region?: string;
  account?: string;
  /** Definition substitutions other than `${<Name>FunctionArn}` and `${Partition}`. */
  substitutions?: Record<string, string>;
  /**
   * Step Functions' limits on one execution. Default: AWS's, except that the environment variable
   * LOCAL_SFN_MAX_HISTORY_EVENTS may lower the history limit (for tests that want to reach it).
   */
  limits?: Partial<ExecutionLimits>;
  /** One line per execution start/end and per task failure; default console.log. */
  log?: (line: string) => void;
}

/**
 * The same ASL files CDK deploys, run by aws-local-stepfunctions behind the Step Functions API,
 * so functions use the real SFN client (via AWS_ENDPOINT_URL_SFN) unchanged.
 */
export async function startLocalStepFunctions(
  opts: LocalStepFunctionsOptions,
): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const { clock } = opts;
  const log = opts.log ?? ((line: string) => console.log(`[stepfunctions] ${line}`));
  const defs = opts.stateMachines ?? stateMachines;
  const arns = new LocalArns(arnScope({ region: opts.region, account: opts.account }));
  const lambdas = new LocalLambdas(opts.tasks ?? workflowTasks, opts.functionsDir ?? join(repoRoot, 'functions'), clock, arns);
  const TimeoutError = await loadTimeoutClass();
  const tokens = new TaskTokens(clock);
  const deps = {
    clock,
    lambdas,
    tokens,
    retries: new RetryClock((error) => error instanceof TimeoutError),
    timeoutError: (heartbeat: boolean) => timeoutError(TimeoutError, heartbeat),
    log,
  };

  const machines = new Map<string, LocalMachine>();
  for (const def of defs) {
    const original = loadDefinition(def, repoRoot, (name) => lambdas.has(name), arns, opts.substitutions);
    const rewritten = rewriteForEngine(original);
    const machine: LocalMachine = {
      id: def.id,
      arn: arns.stateMachine(def.id),
      engine: new StateMachine(rewritten.definition as unknown as ConstructorParameters<typeof StateMachine>[0], {
        validationOptions: { noValidate: true },
      }),
      handlers: localHandlers(rewritten.tasks, deps),
      retryStates: rewritten.retryStates,
      timeoutSeconds: rewritten.timeoutSeconds,
      taskKinds: new Map([...rewritten.tasks].map(([state, task]) => [state, task.kind])),
    };
    machines.set(machine.arn, machine);
  }

  const executions = new Executions(machines, clock, new Activity(clock), log, arns, limitsOf(opts.limits));
  const server = createApiServer(operations(executions, tokens), log);
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const envVars = ['AWS_ENDPOINT_URL_SFN', ...defs.map((def) => def.envVar)];
  const previous = new Map(envVars.map((name) => [name, process.env[name]]));
  process.env.AWS_ENDPOINT_URL_SFN = endpoint;
  for (const def of defs) process.env[def.envVar] = arns.stateMachine(def.id);

  return {
    endpoint,
    async stop() {
      executions.stopAll();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      for (const [name, value] of previous) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}

function limitsOf(given: Partial<ExecutionLimits> = {}): ExecutionLimits {
  const fromEnv = Number(process.env.LOCAL_SFN_MAX_HISTORY_EVENTS);
  // Lower only: a limit above AWS's would let tests pass that fail on AWS.
  const historyEvents = Number.isInteger(fromEnv) && fromEnv > 0 ? Math.min(fromEnv, AWS_LIMITS.historyEvents) : AWS_LIMITS.historyEvents;
  return { historyEvents, lifetimeSeconds: AWS_LIMITS.lifetimeSeconds, ...given };
}
