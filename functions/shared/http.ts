import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { authenticate, requireGroup, type StaffUser } from './auth.ts';
import { routes } from '../http/routes.ts';
import { DomainError } from '../domain/errors.ts';
import { ApiError } from './errors.ts';
import { logger } from './logger.ts';
import { parseOrThrow } from './validation.ts';

export interface Reply {
  status?: number;
  body?: unknown;
  /** The body is text already (a CSV download), with its own content-type in `headers`. */
  raw?: boolean;
  headers?: Record<string, string>;
}

interface Request<B, Q, P> {
  event: APIGatewayProxyEventV2;
  context: Context;
  body: B;
  query: Q;
  params: P;
  headers: Record<string, string | undefined>;
  now: Date;
}

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

interface RouteSpec<B extends Schema, Q extends Schema, P extends Schema> {
  body?: B;
  query?: Q;
  params?: P;
}

const MAX_BODY_BYTES = 256 * 1024;

/**
 * The handler stack every HTTP route shares: parse and validate (zod, bilingual field errors),
 * optionally authenticate staff, call the domain, and answer in the contract's JSON and error
 * shape. Handlers stay a few lines: parse, authorise, call the domain.
 */
export function publicRoute<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  spec: RouteSpec<B, Q, P>,
  handle: (req: Request<Out<B>, Out<Q>, Out<P>>) => Promise<Reply>,
) {
  return wrap(async (event, context) => handle(await parseRequest(spec, event, context)));
}

/**
 * A staff route: `route` names its entry in functions/http/routes.ts ("METHOD /path"), whose
 * `groups` are checked here for every request, after sign-in and before anything is read or
 * validated: someone in none of them gets 403 whatever they ask. A route missing from the
 * registry, or without groups, fails at load (no handler can forget it).
 */
export function staffRoute<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  spec: RouteSpec<B, Q, P> & { route: string },
  handle: (req: Request<Out<B>, Out<Q>, Out<P>> & { user: StaffUser }) => Promise<Reply>,
) {
  const groups = staffGroupsOf(spec.route);
  return wrap(async (event, context) => {
    const user = await authenticate(event.headers ?? {});
    requireGroup(user, ...groups);
    const req = await parseRequest(spec, event, context);
    logger.appendKeys({ staff: user.sub });
    return handle({ ...req, user });
  });
}

/** The groups the registry admits to a staff route; throws for a route it does not list as staff with groups. */
export function staffGroupsOf(route: string): readonly string[] {
  const def = routes.find((r) => `${r.method} ${r.path}` === route);
  if (!def || def.auth !== 'staff' || !def.groups?.length) {
    throw new Error(`${route}: no staff route with groups in functions/http/routes.ts`);
  }
  return def.groups;
}

async function parseRequest<B extends Schema, Q extends Schema, P extends Schema>(
  spec: RouteSpec<B, Q, P>,
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<Request<Out<B>, Out<Q>, Out<P>>> {
  const params = spec.params ? parseOrThrow(spec.params, event.pathParameters ?? {}) : undefined;
  const query = spec.query ? parseOrThrow(spec.query, event.queryStringParameters ?? {}) : undefined;
  if (WRITE_METHODS.has(event.requestContext?.http?.method ?? '')) requireJson(event.headers ?? {});
  const body = spec.body ? parseOrThrow(spec.body, readJson(event)) : undefined;
  return { event, context, body, query, params, headers: event.headers ?? {}, now: new Date() } as Request<Out<B>, Out<Q>, Out<P>>;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A write takes JSON only: `application/json`, with no parameter but an optional UTF-8 charset.
 * Anything else (a form, text, XML, no header at all) is 415 before the body is read.
 */
function requireJson(headers: Record<string, string | undefined>): void {
  const value = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase()).filter((part, i) => i === 0 || part);
  const utf8 = params.every((p) => /^charset\s*=\s*"?utf-8"?$/.test(p));
  if (type !== 'application/json' || !utf8) {
    throw new ApiError('unsupported-media-type', '请求体须为 JSON（Content-Type: application/json; charset=utf-8）', 'The request body must be JSON (Content-Type: application/json; charset=utf-8)');
  }
}

function readJson(event: APIGatewayProxyEventV2): unknown {
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) {
    throw new ApiError('payload-too-large', '提交的内容过大', 'The request body is too large');
  }
  if (!raw.trim()) throw new ApiError('validation', '请求体不能为空', 'The request body is empty');
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError('validation', '请求体不是有效的 JSON', 'The request body is not valid JSON');
  }
}

function wrap(run: (event: APIGatewayProxyEventV2, context: Context) => Promise<Reply>) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .before(({ context }) => {
      logger.addContext(context);
    })
    .handler(async (event, context) => {
      try {
        return json(await run(event, context));
      } catch (error) {
        return errorReply(error);
      } finally {
        logger.resetKeys();
      }
    });
}

export function json(reply: Reply): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: reply.status ?? 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...reply.headers,
    },
    body: reply.body === undefined ? '' : reply.raw ? String(reply.body) : JSON.stringify(reply.body),
  };
}

export function errorReply(error: unknown): APIGatewayProxyStructuredResultV2 {
  // The domain's refusals carry the API's code for them: 403, 409, 400, 404.
  if (error instanceof DomainError) return errorReply(new ApiError(error.code, error.message, error.messageEn, error.fields));
  if (error instanceof ApiError) {
    if (error.status >= 500) logger.error('request failed', { code: error.code });
    return json({ status: error.status, body: error.toBody(), ...(error.headers ? { headers: error.headers } : {}) });
  }
  // Only the error's name and message: never the request, which may carry personal data.
  const e = error as Error;
  logger.error('unhandled error', { errorName: e?.name, errorMessage: e?.message, stack: e?.stack });
  return json({
    status: 500,
    body: new ApiError('internal', '系统内部错误，请稍后再试', 'Internal error, please try again later').toBody(),
  });
}
