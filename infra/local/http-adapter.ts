/**
 * The local API Gateway: one node:http server that turns requests for functions/http/routes.ts
 * into HTTP API payload-format-2.0 events, invokes the handlers in-process, and answers with what
 * they return, as API Gateway would. Beside the API it serves the local issuer's JWKS, the
 * `/__local` controls (only under VIRTUAL_CLOCK) and the web pages.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { decodeJwt } from 'jose';
import { routes, type RouteDef } from '../../functions/http/routes.ts';
import { authenticate, type StaffUser } from '../../functions/shared/auth.ts';
import { ApiError, conflict, notFound } from '../../functions/shared/errors.ts';
import type { Clock } from './clock.ts';
import { serveIssuer, type LocalIssuer } from './local-auth.ts';
import type { LocalEmail } from './ses.ts';
import { serveStatic } from './static.ts';

const MAX_API_BODY = 1024 * 1024;
const MAX_LOCAL_BODY = 64 * 1024;
// API Gateway gives up on an integration after 30 s.
const LAMBDA_TIMEOUT_MS = 29_000;
const FUNCTIONS_DIR = fileURLToPath(new URL('../../functions/', import.meta.url));

export interface LocalServices {
  clock: Clock;
  issuer: LocalIssuer;
  listEmails(): Promise<LocalEmail[]>;
}

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

// ---- errors in the contract's shape -------------------------------------------------------

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const sendError = (res: ServerResponse, err: ApiError, headers?: Record<string, string>) =>
  sendJson(res, err.status, err.toBody(), headers);

function sendMethodNotAllowed(res: ServerResponse, allowed: string[]) {
  // Not one of the contract's codes (API Gateway itself answers 404 here); kept to this file.
  sendJson(
    res,
    405,
    { error: { code: 'method-not-allowed', message: '不支持该请求方法', messageEn: 'Method not allowed' } },
    { allow: allowed.join(', ') },
  );
}

const internal = () => new ApiError('internal', '服务器内部错误，请稍后再试', 'Internal server error');
const tooLarge = () => new ApiError('payload-too-large', '提交的内容过大', 'Request body too large');
const invalid = (path: string, message: string, messageEn: string) =>
  new ApiError('validation', '请求内容有误', 'Invalid request', [{ path, message, messageEn }]);

// ---- routing ------------------------------------------------------------------------------

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  names: string[];
  literals: number;
}

const compile = (route: RouteDef): CompiledRoute => {
  const names: string[] = [];
  const segments = route.path.split('/').map((segment) => {
    const param = /^\{([^}]+?)(\+)?\}$/.exec(segment);
    if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(param[1]!);
    return param[2] ? '(.+)' : '([^/]+)';
  });
  const literals = route.path.split('/').filter((s) => s && !s.startsWith('{')).length;
  return { route, pattern: new RegExp(`^${segments.join('/')}$`), names, literals };
};

// API Gateway prefers the most specific route: more literal segments first.
const compiled = routes.map(compile).sort((a, b) => b.literals - a.literals);

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

function matchRoute(method: string, rawPath: string) {
  const candidates = compiled
    .map((c) => ({ c, m: c.pattern.exec(rawPath) }))
    .filter((x): x is { c: CompiledRoute; m: RegExpExecArray } => x.m !== null);
  const hit = candidates.find(({ c }) => c.route.method === method);
  if (!hit) return { allowed: [...new Set(candidates.map(({ c }) => c.route.method))] };
  const params = Object.fromEntries(hit.c.names.map((name, i) => [name, decode(hit.m[i + 1]!)]));
  return { route: hit.c.route, params };
}

// ---- request body -------------------------------------------------------------------------

/** Reads at most `limit` bytes; `undefined` means the body was larger (and is being discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

const TEXT_TYPE = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

// API Gateway passes text bodies as they are and base64-encodes the rest.
function encodeBody(body: Buffer, contentType: string | undefined): { body?: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { isBase64Encoded: false };
  if (contentType ? TEXT_TYPE.test(contentType) : true) {
    try {
      return { body: utf8.decode(body), isBase64Encoded: false };
    } catch {
      // Not UTF-8 after all: fall through to base64.
    }
  }
  return { body: body.toString('base64'), isBase64Encoded: true };
}

// ---- the event, the context, the result ---------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
// API Gateway's CLF-style time, e.g. 12/Mar/2020:19:03:58 +0000.
const clfTime = (d: Date) =>
  `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
  `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;

function buildEvent(
  req: IncomingMessage,
  url: URL,
  rawPath: string,
  route: RouteDef,
  params: Record<string, string>,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (!values) continue;
    if (name === 'cookie') cookies = values.flatMap((v) => v.split(/;\s*/)).filter(Boolean);
    else headers[name] = values.join(',');
  }
  const sourceIp = req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
  // API Gateway adds these; rate limits and audit entries may read them.
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(req.socket.localPort ?? '');
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const routeKey = `${route.method} ${route.path}`;
  const now = new Date();
  const domainName = headers.host ?? 'localhost';
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: url.search.slice(1),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(params).length > 0 ? { pathParameters: params } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0]!,
      http: {
        method: route.method,
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: clfTime(now),
      timeEpoch: now.getTime(),
    },
    ...encodeBody(body, headers['content-type']),
  };
}

/** What the JWT authorizer adds on AWS: every claim, as a string. */
function authorizerContext(token: string) {
  const claims = Object.fromEntries(
    Object.entries(decodeJwt(token)).map(([k, v]) => [
      k,
      Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v),
    ]),
  );
  return { jwt: { claims, scopes: null } };
}

function lambdaContext(route: RouteDef, requestId: string): Context {
  const functionName = route.handler.replace(/\.ts$/, '').replace(/[^A-Za-z0-9]+/g, '-');
  // performance.now(), not Date: a virtual clock jump must not eat the function's time budget.
  const deadline = performance.now() + LAMBDA_TIMEOUT_MS;
  const unsupported = () => {
    throw new Error('Callback-style Lambda handlers are not supported; return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws-cn:lambda:${process.env.AWS_REGION ?? 'cn-north-1'}:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${functionName}`,
    getRemainingTimeInMillis: () => Math.max(0, Math.round(deadline - performance.now())),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

const handlerModules = new Map<string, Promise<{ handler?: LambdaHandler }>>();

async function loadHandler(route: RouteDef): Promise<LambdaHandler> {
  let loading = handlerModules.get(route.handler);
  if (!loading) {
    loading = import(pathToFileURL(FUNCTIONS_DIR + route.handler).href);
    // A failed import is not cached, so fixing the file and retrying works without a restart.
    loading.catch(() => handlerModules.delete(route.handler));
    handlerModules.set(route.handler, loading);
  }
  const { handler } = await loading;
  if (typeof handler !== 'function') throw new Error(`functions/${route.handler} exports no handler`);
  return handler;
}

function writeResult(res: ServerResponse, result: unknown, requestId: string) {
  const base = { 'apigw-requestid': requestId };
  // Payload 2.0: without a statusCode the whole return value is a 200 JSON body.
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    res.writeHead(200, { ...base, 'content-type': 'application/json' });
    return void res.end(typeof result === 'string' ? result : JSON.stringify(result ?? null));
  }
  const r = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = { ...base };
  for (const [name, value] of Object.entries(r.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (r.cookies?.length) headers['set-cookie'] = r.cookies;
  res.writeHead(r.statusCode ?? 200, headers);
  res.end(r.body === undefined ? undefined : Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8'));
}

// ---- /v1 ----------------------------------------------------------------------------------

async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, rawPath: string) {
  const started = performance.now();
  const match = matchRoute(req.method ?? 'GET', rawPath);
  // The route template, never the raw path or query: those can carry tracking numbers and codes.
  const label = match.route ? `${match.route.method} ${match.route.path}` : `${req.method} (no route)`;
  try {
    await invoke(req, res, url, rawPath, match);
  } finally {
    console.log(`[api] ${label} ${res.statusCode} ${Math.round(performance.now() - started)} ms`);
  }
}

async function invoke(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rawPath: string,
  match: ReturnType<typeof matchRoute>,
) {
  if (!match.route) {
    if (match.allowed.length > 0) return sendMethodNotAllowed(res, match.allowed);
    return sendError(res, notFound('接口', 'Endpoint'));
  }
  const { route, params } = match;
  const body = await readBody(req, MAX_API_BODY);
  if (!body) return sendError(res, tooLarge(), { connection: 'close' });

  const event = buildEvent(req, url, rawPath, route, params, body);
  try {
    if (route.auth === 'staff') {
      // On AWS the JWT authorizer turns these away before any function runs.
      await authenticate(event.headers);
      const token = /^Bearer\s+(\S+)/i.exec(event.headers.authorization ?? '')![1]!;
      Object.assign(event.requestContext, { authorizer: authorizerContext(token) });
    }
    const handler = await loadHandler(route);
    const result = await handler(event, lambdaContext(route, event.requestContext.requestId));
    writeResult(res, result, event.requestContext.requestId);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'unauthorized') return sendError(res, err);
    // Name and message only: a stack or the event could carry what citizens submitted.
    const e = err instanceof Error ? err : new Error(String(err));
    console.error(`[api] ${route.method} ${route.path} failed: ${e.name}: ${e.message}`);
    if (!res.headersSent) sendError(res, internal());
    else res.destroy();
  }
}

// ---- /__local -----------------------------------------------------------------------------

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req, MAX_LOCAL_BODY);
  if (!body) throw tooLarge();
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below as not an object.
  }
  throw invalid('', '请求内容须为 JSON 对象', 'Body must be a JSON object');
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

async function advanceClock(req: IncomingMessage, clock: Clock) {
  const { now } = await readJson(req);
  if (typeof now !== 'string' || !ISO_TIME.test(now) || Number.isNaN(Date.parse(now))) {
    throw invalid('now', '须为带时区的 ISO 8601 时间', 'Must be an ISO 8601 time with offset');
  }
  try {
    await clock.advanceTo(now);
  } catch (err) {
    if (err instanceof RangeError) throw conflict('虚拟时钟只能向前调整', 'The virtual clock only moves forward');
    throw err;
  }
  return { now: new Date().toISOString() };
}

async function login(req: IncomingMessage, issuer: LocalIssuer) {
  const body = await readJson(req);
  const { sub, name = '', groups = [], unit = '', email } = body;
  if (typeof sub !== 'string' || sub === '') throw invalid('sub', '必填', 'Required');
  if (typeof name !== 'string') throw invalid('name', '须为字符串', 'Must be a string');
  if (typeof unit !== 'string') throw invalid('unit', '须为字符串', 'Must be a string');
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) {
    throw invalid('groups', '须为字符串数组', 'Must be an array of strings');
  }
  if (email !== undefined && (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email))) {
    throw invalid('email', '电子邮箱格式不正确', 'Not a valid e-mail address');
  }
  const user: StaffUser = { sub, name, groups, unit, ...(email ? { email } : {}) };
  return { token: await issuer.issue(user) };
}

async function serveLocal(req: IncomingMessage, res: ServerResponse, path: string, services: LocalServices) {
  if (!services.clock.virtual) return sendError(res, notFound('接口', 'Endpoint'));
  const method = req.method ?? 'GET';
  const endpoints: Record<string, Record<string, () => Promise<unknown>>> = {
    '/__local/clock': {
      GET: async () => ({ now: new Date().toISOString() }),
      POST: () => advanceClock(req, services.clock),
    },
    '/__local/login': { POST: () => login(req, services.issuer) },
    '/__local/emails': { GET: async () => ({ items: await services.listEmails() }) },
  };
  const methods = endpoints[path];
  if (!methods) return sendError(res, notFound('接口', 'Endpoint'));
  const run = methods[method];
  if (!run) return sendMethodNotAllowed(res, Object.keys(methods));
  try {
    sendJson(res, 200, await run());
  } catch (err) {
    if (err instanceof ApiError) return sendError(res, err);
    console.error(`[local] ${method} ${path} failed: ${(err as Error).name}: ${(err as Error).message}`);
    sendError(res, internal());
  }
}

// ---- the server ---------------------------------------------------------------------------

/**
 * Requests wait for `ready`, so the server can listen (and learn its port, which the issuer URL
 * needs) before DynamoDB Local and the rest are up.
 */
export function createLocalServer(ready: Promise<LocalServices>): Server {
  return createServer(async (req, res) => {
    try {
      // Prefixing keeps a path like //host/x a path instead of a URL with another host.
      const target = req.url?.startsWith('/') ? req.url : '/';
      const url = new URL(`http://localhost${target}`);
      const rawPath = target.split('?')[0]!;
      const services = await ready;
      if (serveIssuer(req, res, services.issuer)) return;
      if (rawPath === '/__local' || rawPath.startsWith('/__local/')) return await serveLocal(req, res, url.pathname, services);
      if (rawPath === '/v1' || rawPath.startsWith('/v1/')) return await serveApi(req, res, url, rawPath);
      if (req.method === 'GET' || req.method === 'HEAD') return await serveStatic(req, res, url.pathname);
      sendError(res, notFound('接口', 'Endpoint'));
    } catch (err) {
      console.error(`[http] ${req.method} request failed: ${(err as Error).name}: ${(err as Error).message}`);
      if (!res.headersSent) sendError(res, internal());
      else res.destroy();
    }
  });
}
