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
  { method: 'GET', path: '/v1/health', handler: 'http/health.ts', auth: 'public' },
  { method: 'GET', path: '/v1/openapi.json', handler: 'http/openapi.ts', auth: 'public' },
  { method: 'GET', path: '/v1/admin/calendars/{year}', handler: 'http/admin-calendar-get.ts', auth: 'staff' },
  { method: 'PUT', path: '/v1/admin/calendars/{year}', handler: 'http/admin-calendar-put.ts', auth: 'staff' },
];
