import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { faults, INJECTED_FAULT, sdkAttempt } from '../faults.ts';
import { SfnApiError } from './api-errors.ts';
import type { ExecutionRecord, Executions, ExecutionStatus } from './executions.ts';
import { isObject } from './json.ts';
import type { TaskTokens } from './tokens.ts';

type Body = Record<string, unknown>;
type Operation = (body: Body) => unknown;

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
const str = (body: Body, key: string): string | undefined => {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SfnApiError('ValidationException', `${key} must be a string`);
  return value;
};
const required = (body: Body, key: string): string => {
  const value = str(body, key);
  if (value === undefined) throw new SfnApiError('ValidationException', `${key} is required`);
  return value;
};

function summary(r: ExecutionRecord) {
  return {
    executionArn: r.executionArn,
    stateMachineArn: r.stateMachineArn,
    name: r.name,
    status: r.status,
    startDate: seconds(r.startDate),
    stopDate: seconds(r.stopDate),
  };
}

/** The operations the project's functions and tests use, with AWS's request and response shapes. */
export function operations(executions: Executions, tokens: TaskTokens): Record<string, Operation> {
  return {
    StartExecution: (b) => {
      const r = executions.start(required(b, 'stateMachineArn'), str(b, 'name'), str(b, 'input'));
      return { executionArn: r.executionArn, startDate: seconds(r.startDate) };
    },
    DescribeExecution: (b) => {
      const r = executions.describe(required(b, 'executionArn'));
      return {
        ...summary(r),
        input: r.input,
        inputDetails: { included: true },
        output: r.output,
        outputDetails: r.output === undefined ? undefined : { included: true },
        error: r.error,
        cause: r.cause,
      };
    },
    StopExecution: (b) => {
      const r = executions.stop(required(b, 'executionArn'), str(b, 'error'), str(b, 'cause'));
      return { stopDate: seconds(r.stopDate) };
    },
    ListExecutions: (b) => {
      const all = executions.list(required(b, 'stateMachineArn'), str(b, 'statusFilter') as ExecutionStatus | undefined);
      const max = typeof b.maxResults === 'number' && b.maxResults > 0 ? Math.min(b.maxResults, 1000) : 100;
      const from = Number(Buffer.from(str(b, 'nextToken') ?? 'MA', 'base64url').toString()) || 0;
      const page = all.slice(from, from + max);
      const next = from + max < all.length ? Buffer.from(String(from + max)).toString('base64url') : undefined;
      return { executions: page.map(summary), nextToken: next };
    },
    SendTaskSuccess: (b) => tokens.succeed(required(b, 'taskToken'), required(b, 'output')),
    SendTaskFailure: (b) => tokens.fail(required(b, 'taskToken'), str(b, 'error'), str(b, 'cause')),
    SendTaskHeartbeat: (b) => tokens.heartbeat(required(b, 'taskToken')),
  };
}

/**
 * awsJson1_0 as the SDK speaks it: POST / with `X-Amz-Target: AWSStepFunctions.<Operation>`.
 * Errors carry `__type` and `x-amzn-errortype`, from which the SDK builds its named exceptions.
 */
export function createApiServer(ops: Record<string, Operation>, log: (line: string) => void): Server {
  return createServer((req, res) => {
    void handle(req, res, ops).catch((error: unknown) => {
      log(`api: internal error ${error instanceof Error ? error.name : 'Error'}`);
      send(res, 500, { __type: 'com.amazonaws.sfn#InternalFailure', message: 'internal error' }, 'InternalFailure');
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, ops: Record<string, Operation>): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const target = String(req.headers['x-amz-target'] ?? '');
  const name = target.startsWith('AWSStepFunctions.') ? target.slice('AWSStepFunctions.'.length) : '';
  const op = Object.hasOwn(ops, name) ? ops[name] : undefined;
  try {
    if (req.method !== 'POST' || !op) {
      throw new SfnApiError('UnknownOperationException', `Unknown operation ${target || '(none)'}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      throw new SfnApiError('SerializationException', 'body is not JSON');
    }
    if (!isObject(body)) throw new SfnApiError('SerializationException', 'body is not a JSON object');
    const fault = faults.take(`states:${name}`, sdkAttempt(req));
    if (fault === 'fail') throw new SfnApiError(INJECTED_FAULT, `injected fault: states:${name}`);
    const result = op(body) ?? {};
    // The call took effect; its answer is lost.
    if (fault === 'lose-reply') return void res.destroy();
    send(res, 200, result);
  } catch (error) {
    if (!(error instanceof SfnApiError)) throw error;
    send(res, error.status, { __type: `com.amazonaws.sfn#${error.type}`, message: error.message }, error.type);
  }
}

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
}
