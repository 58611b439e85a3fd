import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routes, type RouteDef } from '../../functions/http/routes.ts';
import { apiEvent, invoke, setTableEnv, startIssuer } from './support.ts';

/**
 * Fuzzing every route through its real handler (middy stack, zod, JWT verification; AWS mocked
 * with empty stores): arbitrary bodies, headers and path parameters never give a 5xx, and every
 * error is in the contract's shape with one of its codes.
 */
setTableEnv();
const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
let issuer: Awaited<ReturnType<typeof startIssuer>>;
let staffToken = '';
let noGroupToken = '';

const CODES = ['validation', 'unauthorized', 'forbidden', 'not-found', 'conflict', 'gone', 'payload-too-large', 'unsupported-media-type', 'rate-limited'];

beforeAll(async () => {
  issuer = await startIssuer();
  staffToken = await issuer.token({ sub: 'fuzz-admin', name: '模糊测试', groups: ['admin', 'supervisor', 'handler', 'security-officer', 'disclosure-head'], unit: 'office' });
  noGroupToken = await issuer.token({ sub: 'fuzz-nobody', name: '无组', groups: [], unit: 'office' });
});
afterAll(() => issuer.stop());
beforeEach(() => {
  ddb.reset();
  sfn.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(ScanCommand).resolves({ Items: [] });
  ddb.on(PutCommand).resolves({});
  ddb.on(UpdateCommand).resolves({});
  ddb.on(TransactWriteCommand).resolves({});
  sfn.onAnyCommand().resolves({});
});

/** Strings that tend to break parsers: unicode, control characters, numbers in odd notations, huge. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '\u0000', '0x7ED', '2.029e3', '-1', '1e309', 'NaN', '../../etc/passwd', '%00', '{}', '[]', 'null', '<script>', '查询码', 'Bearer x.y.z', 'TS20261102-ABC123'),
  fc.string({ minLength: 300, maxLength: 3000 }),
);
const json = fc.jsonValue({ maxDepth: 4 });
const body = fc.oneof(
  json.map((v) => JSON.stringify(v)),
  nasty,
  fc.record({ type: fc.constantFrom('assign', 'accept', 'reject', 'transfer', 'extend', 'dispose', 'note', 'urge', 'review', 'approve', 'draft-reply'), expectedVersion: fc.oneof(fc.integer(), nasty) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.record({ rating: fc.oneof(fc.constantFrom('satisfied', 'dissatisfied'), nasty), comment: nasty, text: nasty, holidays: fc.array(nasty), workdays: fc.array(nasty) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
);
const contentType = fc.option(fc.oneof(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml', 'application/json; charset=latin1'), nasty), { nil: undefined });
const authorization = fc.option(fc.oneof(fc.constant('staff'), fc.constant('nogroup'), nasty, nasty.map((s) => `Bearer ${s}`)), { nil: undefined });

function event(route: RouteDef, input: { params: string[]; query: Record<string, string>; body: string; contentType?: string; authorization?: string; accessCode: string; idempotencyKey?: string }): APIGatewayProxyEventV2 {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, n]) => n!);
  const pathParameters = Object.fromEntries(names.map((n, i) => [n, input.params[i] ?? '']));
  const e = apiEvent({ method: route.method, path: route.path, ...(names.length ? { pathParameters } : {}), query: input.query });
  const auth = input.authorization === 'staff' ? `Bearer ${staffToken}` : input.authorization === 'nogroup' ? `Bearer ${noGroupToken}` : input.authorization;
  e.headers = {
    ...(input.contentType !== undefined ? { 'content-type': input.contentType } : {}),
    ...(auth !== undefined ? { authorization: auth } : {}),
    'x-access-code': input.accessCode,
    ...(input.idempotencyKey !== undefined ? { 'idempotency-key': input.idempotencyKey } : {}),
  };
  if (route.method !== 'GET') e.body = input.body;
  return e;
}

describe('fuzzing every route: never a 5xx, always the contract error shape', () => {
  it.each(routes.map((r) => ({ name: `${r.method} ${r.path}`, route: r })))(
    '$name',
    async ({ route }) => {
      const { handler } = await import(`../../functions/${route.handler}`);
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            params: fc.array(nasty, { minLength: 2, maxLength: 2 }),
            query: fc.dictionary(fc.constantFrom('queue', 'status', 'kind', 'overdue', 'unit', 'year', 'format', 'from', 'to'), nasty),
            body,
            contentType,
            authorization,
            accessCode: nasty,
            idempotencyKey: fc.option(nasty, { nil: undefined }),
          }),
          async (input) => {
            const res = await invoke(handler, event(route, input));
            expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
            if ((res.status ?? 0) >= 400) {
              expect(res.body).toEqual({
                error: expect.objectContaining({ code: expect.any(String), message: expect.any(String), messageEn: expect.any(String) }),
              });
              expect(CODES).toContain(res.body.error.code);
              if (res.body.error.fields !== undefined) {
                expect(Array.isArray(res.body.error.fields)).toBe(true);
                for (const f of res.body.error.fields) expect(f).toMatchObject({ path: expect.any(String), message: expect.any(String) });
              }
            }
          },
        ),
        { numRuns: 150 },
      );
    },
    60_000,
  );
});
