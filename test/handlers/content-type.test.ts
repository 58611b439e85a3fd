import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/http/routes.ts';
import { apiEvent, invoke, mockedAws } from './support.ts';

/** Every write route takes JSON only: anything else is 415 `unsupported-media-type`, and nothing is touched. */
const aws = mockedAws();
const { ddb, sfn } = aws;

const writes = routes.filter((r) => r.method !== 'GET');
const param = (name: string) => (name === 'year' ? '2027' : name === 'trackingNo' ? 'TS20261102-ABC123' : '00000000-0000-4000-8000-000000000001');

async function send(route: (typeof routes)[number], contentType: string | undefined, body: string) {
  const { handler } = await import(`../../functions/${route.handler}`);
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, n]) => n!);
  const event = apiEvent({
    method: route.method,
    path: route.path.replace(/\{(\w+)\}/g, (_, n: string) => param(n)),
    ...(names.length ? { pathParameters: Object.fromEntries(names.map((n) => [n, param(n)])) } : {}),
    headers: {
      'x-access-code': 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA',
      ...(route.auth === 'staff' ? { authorization: `Bearer ${await aws.issuer.token({ sub: 'a1', name: '管理员', groups: ['admin', 'handler', 'supervisor', 'custodian', 'security-officer', 'disclosure-head'], unit: 'office' })}` } : {}),
    },
  });
  if (contentType === undefined) delete event.headers['content-type'];
  else event.headers['content-type'] = contentType;
  event.body = body;
  return invoke(handler, event);
}

describe('write routes answer 415 unless the body is application/json', () => {
  it('there are write routes to check', () => {
    expect(writes.length).toBeGreaterThanOrEqual(6);
  });

  it.each(writes.map((r) => ({ name: `${r.method} ${r.path}`, route: r })))('$name', async ({ route }) => {
    const refused: [string | undefined, string][] = [
      ['text/plain', '{"a":1}'],
      ['application/x-www-form-urlencoded', 'a=1&b=2'],
      ['multipart/form-data; boundary=x', '--x--'],
      ['application/xml', '<a/>'],
      ['application/json; charset=iso-8859-1', '{}'],
      ['application/json-patch+json', '[]'],
      ['', '{}'],
      [undefined, '{}'],
    ];
    for (const [type, body] of refused) {
      const res = await send(route, type, body);
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(415);
      expect(res.body.error).toMatchObject({ code: 'unsupported-media-type', message: expect.any(String), messageEn: expect.any(String) });
    }
    expect(ddb.calls()).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });

  it('accepts application/json with or without a UTF-8 charset (then validates the body: 400, not 415)', async () => {
    const complaint = routes.find((r) => r.path === '/v1/complaints')!;
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;Charset="UTF-8"', 'application/json;']) {
      const res = await send(complaint, type, '{}');
      expect(res.status, type).toBe(400);
      expect(res.body.error.code).toBe('validation');
    }
  });
});
