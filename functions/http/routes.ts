import type { z } from 'zod';
import { yearParams, yearScheduleBody, yearScheduleResponse } from '../shared/schemas/calendar.ts';

/**
 * The one list of HTTP routes. The CDK stack builds API Gateway routes from it and the local
 * runtime dispatches with it, so both serve exactly the same API.
 *
 * `handler` is the module path under functions/ whose `handler` export serves the route.
 * `auth: 'staff'` routes sit behind the JWT authorizer (Cognito on AWS, the local issuer
 * locally); the handler still checks groups and unit itself.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  auth: 'public' | 'staff';
  summary: string;
  /** The same zod schemas the handler validates with: the OpenAPI document is generated from them. */
  schemas?: { body?: z.ZodType; query?: z.ZodType; params?: z.ZodType; response?: z.ZodType };
  /** Success status when not 200. */
  status?: number;
  /** Extra rights beyond the shared tables and state machines (least privilege, see Permission). */
  permissions?: Permission[];
}

/**
 * Rights a function needs beyond read/write on the cases, calendar and idempotency tables and
 * starting/signalling state machines. Reporter identity: only intake may encrypt into the vault,
 * only the notification task may decrypt it.
 */
export type Permission = 'vault:encrypt' | 'vault:decrypt' | 'mail:send';

export const routes: RouteDef[] = [
  { method: 'GET', path: '/v1/health', handler: 'http/health.ts', auth: 'public', summary: 'Liveness check' },
  { method: 'GET', path: '/v1/openapi.json', handler: 'http/openapi.ts', auth: 'public', summary: 'This API as OpenAPI 3.1' },
  {
    method: 'GET',
    path: '/v1/admin/calendars/{year}',
    handler: 'http/admin-calendar-get.ts',
    auth: 'staff',
    summary: "A year's working-day schedule in force (admin, supervisor)",
    schemas: { params: yearParams, response: yearScheduleResponse },
  },
  {
    method: 'PUT',
    path: '/v1/admin/calendars/{year}',
    handler: 'http/admin-calendar-put.ts',
    auth: 'staff',
    summary: "Load a year's official schedule: public holidays and make-up working days (admin)",
    schemas: { params: yearParams, body: yearScheduleBody, response: yearScheduleResponse },
  },
];
