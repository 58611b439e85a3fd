import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { WorkflowTaskDef } from '../../../functions/workflow/tasks.ts';
import type { Clock } from '../clock.ts';
import { functionNameOf, type LocalArns } from './arns.ts';
import { roundTrip, type Json } from './json.ts';
import { TaskError } from './task-errors.ts';
import { faults } from '../faults.ts';

type Handler = (event: Json, context: Context) => unknown;
type LocalTaskDef = Pick<WorkflowTaskDef, 'name' | 'handler'>;

/** Runs workflow functions in process, as Lambda would run them: JSON in, JSON out, named errors. */
export class LocalLambdas {
  private readonly byName: Map<string, LocalTaskDef>;
  private readonly modules = new Map<string, Promise<Handler>>();

  constructor(
    tasks: LocalTaskDef[],
    private readonly functionsDir: string,
    private readonly clock: Clock,
    private readonly arns: LocalArns,
  ) {
    this.byName = new Map(tasks.map((task) => [task.name, task]));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Tracked on its own, beyond the scope that awaits it: after a task timeout the engine moves on
   * while the function keeps running, as on AWS, and settling must still wait for it.
   */
  invoke(functionName: string, payload: Json): Promise<Json> {
    return this.clock.track(this.run(functionNameOf(functionName), payload));
  }

  private async run(name: string, payload: Json): Promise<Json> {
    const task = this.byName.get(name);
    if (!task) throw new TaskError('Lambda.ResourceNotFoundException', `Function not found: ${this.arns.function(name)}`);
    // An injected fault (../faults.ts) fails the invocation as Lambda's own errors do: before the
    // function runs, or after it ran (the result is lost).
    const fault = faults.take(`lambda:${name}`);
    if (fault === 'fail') throw new TaskError('Lambda.ServiceException', `injected fault: lambda:${name}`);
    const result = await this.runHandler(task, name, payload);
    if (fault === 'lose-reply') throw new TaskError('Lambda.ServiceException', `injected fault after the run: lambda:${name}`);
    return result;
  }

  private async runHandler(task: LocalTaskDef, name: string, payload: Json): Promise<Json> {
    const handler = await this.load(task).catch((error: unknown) => {
      this.modules.delete(name);
      throw new TaskError('Runtime.ImportModuleError', error instanceof Error ? error.message : String(error));
    });
    try {
      return roundTrip(await handler(roundTrip(payload), lambdaContext(name, this.arns.function(name))));
    } catch (error) {
      // AWS reports a function error by the thrown error's name (errorType) and message.
      const thrown = error instanceof Error ? error : new Error(String(error));
      throw new TaskError(thrown.name || 'Error', thrown.message);
    }
  }

  private load(task: LocalTaskDef): Promise<Handler> {
    let loaded = this.modules.get(task.name);
    if (!loaded) {
      const url = pathToFileURL(resolve(this.functionsDir, task.handler)).href;
      loaded = import(url).then((mod: { handler?: unknown }) => {
        if (typeof mod.handler !== 'function') throw new Error(`${task.handler} exports no handler`);
        return mod.handler as Handler;
      });
      this.modules.set(task.name, loaded);
    }
    return loaded;
  }
}

function lambdaContext(name: string, arn: string): Context {
  const noop = () => {};
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: arn,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 900_000,
    done: noop,
    fail: noop,
    succeed: noop,
  };
}
