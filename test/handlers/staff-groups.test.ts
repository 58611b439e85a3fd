import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/http/routes.ts';
import { staffGroupsOf } from '../../functions/shared/http.ts';
import { apiEvent, invoke, mockedAws } from './support.ts';

/**
 * Every staff route admits only the groups the route registry names, checked by the shared
 * staff wrapper before anything is read: a signed-in user in no staff group (or in a group the
 * route does not name) gets 403 from every one of them, and nothing is touched.
 */
const aws = mockedAws();
const { ddb, sfn } = aws;

const staffRoutes = routes.filter((r) => r.auth === 'staff');
const filled = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'year' ? '2027' : '00000000-0000-4000-8000-000000000001'));
const paramsOf = (path: string) =>
  Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, name === 'year' ? '2027' : '00000000-0000-4000-8000-000000000001']));

async function call(route: (typeof routes)[number], groups: string[]) {
  const { handler } = await import(`../../functions/${route.handler}`);
  const token = await aws.issuer.token({ sub: 'nobody-1', name: '无组用户', groups, unit: 'office' });
  return invoke(
    handler,
    apiEvent({
      method: route.method,
      path: filled(route.path),
      pathParameters: paramsOf(route.path),
      query: { queue: 'all', year: '2026' },
      body: route.method === 'GET' ? undefined : { type: 'accept', expectedVersion: 1 },
      headers: { authorization: `Bearer ${token}` },
    }),
  );
}

describe('staff routes admit only the groups the registry names', () => {
  it('every staff route declares its groups, and the wrapper knows them', () => {
    expect(staffRoutes.length).toBeGreaterThanOrEqual(9);
    for (const r of staffRoutes) {
      expect(r.groups?.length, `${r.method} ${r.path}`).toBeGreaterThan(0);
      expect(staffGroupsOf(`${r.method} ${r.path}`)).toEqual(r.groups);
    }
    expect(() => staffGroupsOf('GET /v1/health')).toThrow();
  });

  it.each(staffRoutes.map((r) => ({ name: `${r.method} ${r.path}`, route: r })))('$name: 403 to a signed-in user in no group, nothing read', async ({ route }) => {
    for (const groups of [[], ['custodian-of-nothing']]) {
      const res = await call(route, groups);
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', message: expect.any(String), messageEn: expect.any(String) });
    }
    expect(ddb.calls()).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });

  it('a group the route does not name is refused too (custodian on the case queues)', async () => {
    const list = staffRoutes.find((r) => r.method === 'GET' && r.path === '/v1/cases')!;
    expect(list.groups).not.toContain('custodian');
    expect((await call(list, ['custodian'])).status).toBe(403);
  });
});
