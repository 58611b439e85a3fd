/**
 * Fault injection for the local runtime, at the stand-ins (never in handlers, domain or adapters):
 * the local Step Functions API and Lambda runner ask `faults.take()` before each call, and HTTP
 * proxies in front of DynamoDB Local and the SES and KMS stand-ins do the same. Armed through
 * /__local/faults, which exists only under VIRTUAL_CLOCK.
 *
 * A target names one kind of call as `<service>:<operation>`: `dynamodb:TransactWriteItems`,
 * `states:StartExecution`, `states:SendTaskSuccess`, `lambda:RegisterWait`, `ses:SendEmail`,
 * `kms:GenerateDataKey`, `kms:Decrypt`.
 * Modes: `fail` rejects the call before the service sees it; `lose-reply` lets the service do
 * the work and then cuts the connection, as a crash or a network fault after the commit would.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode = 'fail' | 'lose-reply';

export interface FaultRule {
  target: string;
  mode: FaultMode;
  /** Matching calls let through before the first failure (0: the next one fails). */
  skip?: number;
  /** How many matching calls fail after that; default 1. */
  times?: number;
}

interface Armed extends Required<FaultRule> {
  seen: number;
  failed: number;
}

export class Faults {
  private armed: Armed[] = [];
  /** Calls seen per target since the last reset: tells a test how many steps a request has. */
  readonly calls = new Map<string, number>();
  /** Faults injected per target since the last reset. */
  readonly injected = new Map<string, number>();
  /** Targets whose current SDK call got a `fail`: its automatic retries fail too. */
  private readonly failingCall = new Set<string>();

  arm(rules: FaultRule[]): void {
    for (const r of rules) this.armed.push({ skip: 0, times: 1, ...r, seen: 0, failed: 0 });
  }

  reset(): void {
    this.armed = [];
    this.failingCall.clear();
    this.calls.clear();
    this.injected.clear();
  }

  /**
   * Called once per request for `target`: the fault to inject now, if any. `attempt` is the SDK's
   * attempt number (header amz-sdk-request): a call that failed fails in all its automatic
   * retries, so the code above the SDK sees it fail once, as after a real outage.
   */
  take(target: string, attempt = 1): FaultMode | undefined {
    if (attempt > 1 && this.failingCall.has(target)) return 'fail';
    this.failingCall.delete(target);
    this.calls.set(target, (this.calls.get(target) ?? 0) + 1);
    for (const rule of this.armed) {
      if (rule.target !== target || rule.failed >= rule.times) continue;
      rule.seen += 1;
      if (rule.seen <= rule.skip) continue;
      rule.failed += 1;
      this.injected.set(target, (this.injected.get(target) ?? 0) + 1);
      if (rule.mode === 'fail') this.failingCall.add(target);
      console.log(`[faults] ${rule.mode} injected into ${target} (call ${this.calls.get(target)})`);
      return rule.mode;
    }
    return undefined;
  }

  report() {
    return {
      calls: Object.fromEntries(this.calls),
      injected: Object.fromEntries(this.injected),
      armed: this.armed.filter((r) => r.failed < r.times).map(({ target, mode, skip, times, seen, failed }) => ({ target, mode, skip, times, seen, failed })),
    };
  }
}

/** One registry per runtime process. */
export const faults = new Faults();

/** The error a `fail` fault answers with: a name no code expects, as an unforeseen outage gives. */
export const INJECTED_FAULT = 'LocalInjectedFault';

/**
 * An HTTP proxy in front of a local stand-in that asks `faults` before forwarding each request.
 * `targetOf` names the request's call from its headers and body.
 */
export async function startFaultProxy(
  upstream: string,
  targetOf: (req: IncomingMessage, body: Buffer) => string | undefined,
  registry: Faults = faults,
): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const up = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = targetOf(req, body);
      const mode = target ? registry.take(target, sdkAttempt(req)) : undefined;
      if (mode === 'fail') {
        const text = JSON.stringify({ __type: INJECTED_FAULT, message: `injected fault: ${target}` });
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': INJECTED_FAULT, 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      const forward = request(
        { host: up.hostname, port: up.port, method: req.method, path: req.url, headers: { ...req.headers, host: up.host } },
        (upRes) => {
          if (mode === 'lose-reply') {
            // The service has done the work; its answer never arrives.
            upRes.resume();
            upRes.on('end', () => res.destroy());
            return;
          }
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The SDK's attempt number of a request (1 for the first try of a call). */
export const sdkAttempt = (req: IncomingMessage): number => Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 1);

/** An AWS JSON protocol call (X-Amz-Target `<Service>.<Operation>`): `<prefix>:<Operation>`. */
const jsonTarget =
  (prefix: string) =>
  (req: IncomingMessage): string | undefined => {
    const op = String(req.headers['x-amz-target'] ?? '').split('.')[1];
    return op ? `${prefix}:${op}` : undefined;
  };

/** DynamoDB (awsJson1_0): `dynamodb:<Operation>` from X-Amz-Target. */
export const dynamoTarget = jsonTarget('dynamodb');

/** KMS (awsJson1_1, `TrentService.<Operation>`): `kms:<Operation>`. */
export const kmsTarget = jsonTarget('kms');

/** SES v1 (form Action=SendEmail/SendRawEmail) and v2 (POST /v2/email/outbound-emails): `ses:SendEmail`. */
export const sesTarget = (req: IncomingMessage, body: Buffer): string | undefined => {
  if (req.method !== 'POST') return undefined;
  if (req.url?.startsWith('/v2/email/outbound-emails')) return 'ses:SendEmail';
  const action = new URLSearchParams(body.toString('utf8')).get('Action');
  return action === 'SendEmail' || action === 'SendRawEmail' ? 'ses:SendEmail' : undefined;
};
