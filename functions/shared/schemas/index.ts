/**
 * Every request and response schema, by its export name. The route registry names a route's
 * schemas (functions/http/routes.ts) and the OpenAPI document resolves the names here, so the
 * registry itself loads no schema: every staff function imports it for its groups.
 */
export * from './calendar.ts';
export * from './cases.ts';
export * from './complaints.ts';
export * from './consultations.ts';
export * from './contact.ts';
export * from './disclosure.ts';
export * from './staff.ts';
export * from './uploads.ts';
export * from './documents.ts';
