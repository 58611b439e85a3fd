/**
 * Starts the real local runtime (`npm start`'s infra/local/main.ts) as a child process for an
 * integration test, on a free port with a fresh DATA_DIR, and drives it over HTTP.
 *
 * ```ts
 * let rt: LocalRuntime;
 * beforeAll(async () => { rt = await startLocalRuntime({ virtualClock: '2027-01-04T09:00:00+08:00' }); });
 * afterAll(() => rt?.stop());
 *
 * const token = await rt.login({ sub: 'h1', name: '张办', groups: ['handler'], unit: 'office' });
 * const res = await rt.fetchJson('GET', '/v1/cases?queue=mine', undefined, { authorization: `Bearer ${token}` });
 * await rt.clock('2027-01-20T09:00:00+08:00');   // fires every timer that fell due, then answers
 * expect((await rt.emails()).some((m) => m.subject.includes('逾期'))).toBe(true);
 * expect(rt.logs()).not.toContain('13800000000'); // personal data never reaches the logs
 * ```
 *
 * Tokens expire 8 hours after login in virtual time: after `clock()` jumps, log in again or use
 * `fetchAs(user, ...)`, which signs in afresh for every request.
 *
 * `login`, `fetchAs`, `clock` and `emails` need `virtualClock` (the /__local endpoints exist only then).
 * The runtime's own DynamoDB Local and SES endpoints are parsed from its start-up lines, so a
 * test can also inspect the tables with the AWS SDK (`rt.dynamoDbEndpoint`, tables `di-<id>`), and the workflows (`localStepFunctions(rt)`).
 * `restart()` stops and starts it again on the same port and DATA_DIR (data, signing key and
 * therefore tokens survive; in-memory mail does not), the virtual clock resuming where it was.
 * `crash()` is the same after a SIGKILL of the whole tree (a power cut). `stop()` kills the whole process tree.
 *
 * Two checks ride along on every suite:
 * - every answer `fetchJson` gets from /v1 is checked against the OpenAPI document
 *   (openapi-responses.ts): a status the document does not list for the operation, or a body
 *   that does not match its schema, throws;
 * - the identity guard (identity-guard.ts): every staff-authenticated answer and every e-mail is
 *   kept, and `stop()` throws if an identity registered in test/support/identities.ts is in one
 *   of them (but a citizen's own mail, or the one approved contact reveal), in the logs or in
 *   the raw files under DATA_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface StartOptions {
  /** ISO time: the runtime starts with a virtual clock there, and /__local/* exists. */
  virtualClock?: string;
  /** Extra environment for the runtime (e.g. UNITS_JSON); wins over the harness's. */
  env?: Record<string, string>;
  /** Reuse a data directory (kept on stop); default: a fresh temp dir, removed on stop. */
  dataDir?: string;
}

export interface StaffLogin {
  sub: string;
  name?: string;
  groups?: string[];
  unit?: string;
  email?: string;
}

import type { LocalEmail } from '../../infra/local/ses.ts';
import { describeLeaks, IdentityGuard } from './identity-guard.ts';
import { responseMismatch } from './openapi-responses.ts';

export type { LocalEmail };

// Tests read response bodies loosely; each narrows what it checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface JsonResponse<T = Json> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  body: T;
  text: string;
}

export interface LocalRuntime {
  readonly baseUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** The runtime's pid (the process-group leader). */
  readonly pid: number;
  /** From spawn to the Ready line, in ms, for the latest (re)start. */
  readonly startupMs: number;
  readonly dynamoDbEndpoint: string;
  readonly sesEndpoint: string;
  readonly stepFunctionsEndpoint: string;
  /** Every staff answer and e-mail seen, checked for registered identities on stop(). */
  readonly identityGuard: IdentityGuard;
  /** Everything the runtime printed (stdout and stderr, all restarts). */
  logs(): string;
  /** Resolves once the logs match (output arrives a little after the HTTP answer it belongs to). */
  waitForLog(pattern: string | RegExp, timeoutMs?: number): Promise<void>;
  fetchJson<T = Json>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse<T>>;
  /** A signed-in staff token; it expires 8 h later in (virtual) time, so log in again after jumps. */
  login(user: StaffLogin): Promise<string>;
  /** fetchJson as `user`, with a token issued just now (safe across clock jumps). */
  fetchAs<T = Json>(user: StaffLogin, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse<T>>;
  /** With `iso`, moves the virtual clock forward and waits for due timers; returns the clock's time. */
  clock(iso?: string): Promise<string>;
  emails(): Promise<LocalEmail[]>;
  restart(): Promise<void>;
  /**
   * A power cut: SIGKILL to the whole process tree at once (the runtime, DynamoDB Local's JVM,
   * everything in its group; no handler, no flush), then a start on the same port and DATA_DIR.
   * Requests in flight fail in the client as a dropped connection would.
   */
  crash(): Promise<void>;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

// Runtimes still running if the test process dies without stop(): take their trees down too.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killTree(child, 'SIGKILL');
});

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    // Negative pid: the whole process group (the runtime was spawned detached, as its leader).
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const nodeBinary = () => {
  const local = join(ROOT, 'node_modules/.bin/node');
  return existsSync(local) ? local : process.execPath;
};

const lineValue = (output: string, label: string) =>
  new RegExp(`^\\s*${label}:\\s+(\\S+)`, 'm').exec(output)?.[1] ?? '';

class Runtime implements LocalRuntime {
  baseUrl = '';
  port = 0;
  pid = 0;
  startupMs = 0;
  dynamoDbEndpoint = '';
  sesEndpoint = '';
  stepFunctionsEndpoint = '';
  private output = '';
  private child?: ChildProcess;
  private resumeAt?: string;
  readonly identityGuard = new IdentityGuard();
  private started = false;

  constructor(
    readonly dataDir: string,
    private readonly ownsDataDir: boolean,
    private readonly options: StartOptions,
  ) {}

  logs() {
    return this.output;
  }

  async waitForLog(pattern: string | RegExp, timeoutMs = 5_000) {
    const deadline = performance.now() + timeoutMs;
    const found = () => (typeof pattern === 'string' ? this.output.includes(pattern) : pattern.test(this.output));
    while (!found()) {
      if (performance.now() > deadline) throw new Error(`Logs never matched ${pattern}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async start(port: number): Promise<void> {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: this.dataDir };
    delete env.VIRTUAL_CLOCK;
    if (this.options.virtualClock) env.VIRTUAL_CLOCK = this.resumeAt ?? this.options.virtualClock;
    Object.assign(env, this.options.env);

    const started = performance.now();
    const child = spawn(nodeBinary(), ['--import', 'tsx', 'infra/local/main.ts'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    running.add(child);
    const sinceStart = this.output.length;
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No Ready line within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /^Ready on (http:\/\/\S+)\s*$/m.exec(this.output.slice(sinceStart));
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        running.delete(child);
        reject(new Error(`Local runtime exited (${code ?? signal}) before Ready:\n${this.output.slice(sinceStart)}`));
      });
    });
    try {
      this.baseUrl = await ready;
    } catch (err) {
      await this.kill();
      throw err;
    }
    this.started = true;
    this.startupMs = performance.now() - started;
    this.port = Number(new URL(this.baseUrl).port);
    this.pid = child.pid!;
    const startup = this.output.slice(sinceStart);
    this.dynamoDbEndpoint = lineValue(startup, 'DynamoDB Local');
    this.sesEndpoint = lineValue(startup, 'SES local');
    this.stepFunctionsEndpoint = lineValue(startup, 'Step Functions');
  }

  private async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      if (child) killTree(child, 'SIGKILL');
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killTree(child, 'SIGTERM');
    const timer = setTimeout(() => killTree(child, 'SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    // Anything in the group that outlived its leader (it should not) goes too.
    killTree(child, 'SIGKILL');
    running.delete(child);
  }

  async fetchJson<T = Json>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    if (Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
      this.identityGuard.recordStaffAnswer({ method, path: new URL(path, this.baseUrl).pathname, status: res.status, text });
    }
    const mismatch = responseMismatch(method, new URL(path, this.baseUrl), res.status, isJson && text ? JSON.parse(text) : text, isJson);
    if (mismatch) throw new Error(`The answer disagrees with the OpenAPI document: ${mismatch}\n${text.slice(0, 2000)}`);
    return { status: res.status, headers: res.headers, body: (isJson && text ? JSON.parse(text) : text) as T, text };
  }

  private async expectOk<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.fetchJson<T>(method, path, body);
    if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${res.text}`);
    return res.body;
  }

  async login(user: StaffLogin) {
    return (await this.expectOk<{ token: string }>('POST', '/__local/login', user)).token;
  }

  async fetchAs<T = Json>(user: StaffLogin, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const token = await this.login(user);
    return this.fetchJson<T>(method, path, body, { ...headers, authorization: `Bearer ${token}` });
  }

  async clock(iso?: string) {
    const answer = iso
      ? await this.expectOk<{ now: string }>('POST', '/__local/clock', { now: iso })
      : await this.expectOk<{ now: string }>('GET', '/__local/clock');
    return answer.now;
  }

  async emails() {
    const items = (await this.expectOk<{ items: LocalEmail[] }>('GET', '/__local/emails')).items;
    this.identityGuard.recordEmails(items);
    return items;
  }

  /** The mail so far, for the guard, before a stop or restart empties it. */
  private async keepEmails() {
    if (this.options.virtualClock && this.child?.exitCode === null) await this.emails().catch(() => undefined);
  }

  async restart() {
    // Time does not go back because a machine restarted: resume the virtual clock where it was.
    if (this.options.virtualClock) this.resumeAt = await this.clock().catch(() => this.resumeAt);
    await this.keepEmails();
    await this.kill();
    this.output += '\n--- restart ---\n';
    // Same port: the token issuer's URL (and so every issued token) includes it.
    await this.start(this.port);
  }

  async crash() {
    if (this.options.virtualClock) this.resumeAt = await this.clock().catch(() => this.resumeAt);
    await this.keepEmails();
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      killTree(child, 'SIGKILL');
      await exited;
      running.delete(child);
    }
    // The JVM is in the group too; wait until nothing of it is left before starting on its files.
    for (const until = performance.now() + STOP_TIMEOUT_MS; groupAlive(this.pid) && performance.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.output += '\n--- kill -9 ---\n';
    await this.start(this.port);
  }

  /**
   * Stops the runtime, then runs the identity guard over everything it showed staff, mailed,
   * printed and left under DATA_DIR; throws (failing the suite's afterAll) on any leak.
   */
  async stop(opts: { keepData?: boolean } = {}) {
    await this.keepEmails();
    await this.kill();
    const leaks = this.started ? await this.identityGuard.leaks(this.output, this.dataDir) : [];
    if (this.ownsDataDir && !opts.keepData) await rm(this.dataDir, { recursive: true, force: true });
    if (leaks.length) throw new Error(`Reporter identity leaked:\n${describeLeaks(leaks)}`);
  }
}

/** Starts a local runtime and resolves once it printed its Ready line. */
export async function startLocalRuntime(options: StartOptions = {}): Promise<LocalRuntime> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'di-runtime-')));
  const runtime = new Runtime(dataDir, !options.dataDir, options);
  try {
    await runtime.start(0);
  } catch (err) {
    await runtime.stop();
    throw err;
  }
  return runtime;
}

/** Stops the runtime, keeping what it printed in test-artifacts/<name>-runtime.log. */
export async function stopKeepingLogs(rt: LocalRuntime | undefined, name: string): Promise<void> {
  if (!rt) return;
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir('test-artifacts', { recursive: true });
  await writeFile(`test-artifacts/${name}-runtime.log`, rt.logs());
  await rt.stop();
}
