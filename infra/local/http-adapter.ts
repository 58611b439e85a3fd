/**
 * The local API Gateway: one node:http server that turns requests for functions/http/routes.ts
 * into HTTP API payload-format-2.0 events, invokes the handlers in-process, and answers with what
 * they return, as API Gateway would. Beside the API it serves the local issuer's JWKS, the
 * `/__local` controls (local-controls.ts) and the web pages.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { routes, type RouteDef } from '../../functions/http/routes.ts';
import { notFound } from '../../functions/shared/errors.ts';
import { serveIssuer } from './local-auth.ts';
import { serveLocal, type LocalServices } from './local-controls.ts';
import { internal, readBody, sendError, sendMethodNotAllowed, tooLarge } from './replies.ts';
import { serveStatic } from './static.ts';


const MAX_API_BODY = 1024 * 1024;
// API Gateway gives up on an integration after 30 s.
const LAMBDA_TIMEOUT_MS = 29_000;
const FUNCTIONS_DIR = fileURLToPath(new URL('../../functions/', import.meta.url));


type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

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
    const handler = await loadHandler(route);
    const result = await handler(event, lambdaContext(route, event.requestContext.requestId));
    writeResult(res, result, event.requestContext.requestId);
  } catch (err) {
    // Name and message only: a stack or the event could carry what citizens submitted.
    const e = err instanceof Error ? err : new Error(String(err));
    console.error(`[api] ${route.method} ${route.path} failed: ${e.name}: ${e.message}`);
    if (!res.headersSent) sendError(res, internal());
    else res.destroy();
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
