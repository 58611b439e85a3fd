import { z } from 'zod';
import type { RouteDef } from '../http/routes.ts';

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string(), messageEn: z.string().optional() })).optional(),
  }),
});

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** The OpenAPI 3.1 document, generated from the route registry's zod schemas. */
export function openApiDocument(routes: RouteDef[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const { body, query, params, response } = route.schemas ?? {};
    const parameters = [
      ...parametersOf(params, 'path'),
      ...parametersOf(query, 'query'),
      ...(route.auth === 'public' && route.path.startsWith('/v1/track') ? [{ name: 'X-Access-Code', in: 'header', required: true, schema: { type: 'string' } }] : []),
    ];
    const status = String(route.status ?? 200);
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      summary: route.summary,
      ...(route.auth === 'staff' ? { security: [{ staffJwt: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(body, 'input') } } } } : {}),
      responses: {
        [status]: { description: 'OK', ...(response ? { content: { 'application/json': { schema: schemaOf(response, 'output') } } } : {}) },
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Disclosure Intake API (政务公开投诉与意见受理)', version: '1' },
    paths,
    components: {
      securitySchemes: { staffJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: schemaOf(errorBody, 'output') },
    },
  };
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
