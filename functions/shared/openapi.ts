import * as z from 'zod';
import type { RouteDef } from '../http/routes.ts';
import { emptyMeansAbsent } from './schemas/cases.ts';
import * as named from './schemas/index.ts';

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string(), messageEn: z.string().optional() })).optional(),
  }),
});

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', override: io === 'input' ? emptyAsAbsent : undefined }) as Record<string, unknown>;
  return rest;
};

/** A field a form may send empty ("" is absent, see `optionalInput`): "" or the field's own schema. */
function emptyAsAbsent(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) {
  if (!emptyMeansAbsent.has(ctx.zodSchema as z.ZodType)) return;
  const own = { ...ctx.jsonSchema };
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  ctx.jsonSchema.anyOf = [{ const: '' }, own];
}

/** `POST /v1/cases/{caseId}/actions` → `postV1CasesCaseIdActions`. */
const operationId = (route: RouteDef) =>
  [route.method.toLowerCase(), ...route.path.split(/[/{}-]/).filter(Boolean)].map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join('');

/** A route's schemas, resolved from the names the registry gives them. */
function schemasOf(route: RouteDef): { body?: z.ZodType; query?: z.ZodType; params?: z.ZodType; response?: z.ZodType } {
  return Object.fromEntries(Object.entries(route.schemas ?? {}).map(([part, name]) => [part, named[name]]));
}

/** The OpenAPI 3.1 document, generated from the route registry's zod schemas. */
export function openApiDocument(routes: RouteDef[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const { body, query, params, response } = schemasOf(route);
    const tracking = route.auth === 'public' && route.path.startsWith('/v1/track');
    const idempotent = route.method === 'POST' && ['/v1/complaints', '/v1/disclosure-requests', '/v1/cases'].includes(route.path);
    const parameters = [
      ...parametersOf(params, 'path'),
      ...parametersOf(query, 'query'),
      ...(tracking ? [{ name: 'X-Access-Code', in: 'header', required: true, schema: { type: 'string' } }] : []),
      ...(idempotent
        ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'A retry with the same key and body answers with the first case (without the access code, `accessCodeShownOnce: true`); with another body 409.', schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' } }]
        : []),
    ];
    const errors = errorStatuses(route, { tracking, idempotent });
    const status = String(route.status ?? 200);
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: operationId(route),
      summary: route.summary,
      // Public operations say so: no sign-in, and any API key or token is ignored.
      security: route.auth === 'staff' ? [{ staffJwt: [] }] : [],
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(body, 'input') } } } } : {}),
      responses: {
        [status]: { description: 'OK', ...(response ? { content: { 'application/json': { schema: schemaOf(response, 'output') } } } : {}) },
        ...Object.fromEntries(errors.map(([code, description]) => [code, errorResponse(description, code === '429')])),
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Disclosure Intake API (政务公开投诉与意见受理)', version: '1' },
    // The deployment that serves this document (API Gateway on AWS, `npm start` locally).
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { staffJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: schemaOf(errorBody, 'output') },
    },
  };
}

const errorResponse = (description: string, retryAfter: boolean) => ({
  description,
  ...(retryAfter ? { headers: { 'Retry-After': { description: 'Seconds until the limit resets', schema: { type: 'integer' } } } } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The 4xx answers a route can give, from what its wrapper and handler check. */
function errorStatuses(route: RouteDef, is: { tracking: boolean; idempotent: boolean }): [string, string][] {
  const out: [string, string][] = [];
  const { body, query, params } = schemasOf(route);
  if (body || query || params || is.idempotent) out.push(['400', 'validation']);
  if (route.auth === 'staff') out.push(['401', 'unauthorized'], ['403', 'forbidden']);
  if (params || is.tracking) out.push(['404', 'not-found']);
  if (route.method !== 'GET' || route.errors?.includes(409)) out.push(['409', 'conflict']);
  if (body) out.push(['413', 'payload-too-large'], ['415', 'unsupported-media-type']);
  if (route.errors?.includes(410)) out.push(['410', 'gone']);
  if (is.tracking) out.push(['429', 'rate-limited']);
  return out.sort(([a], [b]) => a.localeCompare(b));
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}
