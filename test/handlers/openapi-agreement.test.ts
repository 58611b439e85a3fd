import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/http/routes.ts';
import * as schemas from '../../functions/shared/schemas/index.ts';
import { openApiDocument } from '../../functions/shared/openapi.ts';

/**
 * The OpenAPI document and the server take exactly the same requests: for each body (and the
 * {year} path parameter) the document's JSON Schema accepts it if and only if the zod schema the
 * handler parses with does. The decisions (contract: a named reporter gives an e-mail or a phone):
 * - an empty `email`/`phone`/`idNumber` ("" as a form sends an empty field) is absent, accepted;
 *   a blank optional text (address, work unit, purpose) is absent too;
 * - a named reporter with neither e-mail nor phone: 400, and the document says so (anyOf);
 * - a required text of spaces only (subject, name, description): 400 (`pattern: \S`); lengths
 *   count the text as sent;
 * - `{year}`: four digits, 2000 to 2100; no 0x7ED, 2.029e3, +2029 or 02029.
 */
const doc = openApiDocument(routes);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(doc as object, 'openapi.json');
const pointer = (...s: string[]) => s.map((x) => encodeURIComponent(x.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

function both(method: string, path: string) {
  const route = routes.find((r) => r.method === method && r.path === path)!;
  const spec = ajv.compile({ $ref: `openapi.json#/${pointer('paths', path, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema')}` });
  return {
    server: (body: unknown) => schemas[route.schemas!.body!].safeParse(body).success,
    spec: (body: unknown) => spec(body) as boolean,
  };
}

const complaint = both('POST', '/v1/complaints');
const disclosure = both('POST', '/v1/disclosure-requests');
const comment = both('POST', '/v1/consultations/{id}/comments');

const aComplaint = (reporter: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  category: 'other',
  subject: '某局未公开预算',
  description: '至今未公开。',
  respondentUnit: '某局',
  reporter,
  ...over,
});
const named = (fields: Record<string, unknown>) => ({ anonymous: false, name: '欧阳测试人', ...fields });

describe('the OpenAPI document and the server agree', () => {
  const decided: [string, unknown, boolean][] = [
    ['empty e-mail beside a phone', aComplaint(named({ email: '', phone: '13912345678' })), true],
    ['empty phone beside an e-mail', aComplaint(named({ email: 'a@example.cn', phone: '' })), true],
    ['empty ID number', aComplaint(named({ email: 'a@example.cn', idNumber: '' })), true],
    ['blank address', aComplaint(named({ email: 'a@example.cn', address: '   ' })), true],
    ['a named reporter with no contact', aComplaint(named({})), false],
    ['a named reporter whose contact is all empty', aComplaint(named({ email: '', phone: '' })), false],
    ['an e-mail of spaces', aComplaint(named({ email: '  ' })), false],
    ['a phone with a leading space', aComplaint(named({ phone: ' 13912345678' })), false],
    ['a phone with a trailing space', aComplaint(named({ phone: '13912345678 ' })), true],
    ['a subject of spaces', aComplaint({ anonymous: true }, { subject: '   ' }), false],
    ['a subject of ideographic spaces', aComplaint({ anonymous: true }, { subject: '\u3000\u3000' }), false],
    ['a subject of 100 characters', aComplaint({ anonymous: true }, { subject: '字'.repeat(100) }), true],
    ['a subject of 100 characters and a space', aComplaint({ anonymous: true }, { subject: `${'字'.repeat(100)} ` }), false],
    ['a name of spaces', aComplaint(named({ name: ' ', email: 'a@example.cn' })), false],
    ['an anonymous reporter with a name', aComplaint({ anonymous: true, name: '不应保存' }), true],
  ];
  it.each(decided)('%s', (_name, body, accepted) => {
    expect(complaint.server(body)).toBe(accepted);
    expect(complaint.spec(body)).toBe(accepted);
  });

  it('a disclosure applicant needs an e-mail, a phone or an address, not blank', () => {
    const body = (applicant: Record<string, unknown>) => ({ applicant: { type: 'natural-person', name: '司马申请人', ...applicant }, description: '某路维修计划' });
    for (const [applicant, accepted] of [
      [{ address: '某市某路' }, true],
      [{ address: '   ' }, false],
      [{ email: '', phone: '', address: '' }, false],
      [{ phone: '13700001111', email: '' }, true],
    ] as const) {
      expect(disclosure.server(body(applicant)), JSON.stringify(applicant)).toBe(accepted);
      expect(disclosure.spec(body(applicant)), JSON.stringify(applicant)).toBe(accepted);
    }
  });

  it('{year}: four digits from 2000 to 2100, and nothing else', () => {
    const route = routes.find((r) => r.path === '/v1/admin/calendars/{year}' && r.method === 'GET')!;
    const param = (doc.paths['/v1/admin/calendars/{year}'] as { get: { parameters: { name: string; schema: object }[] } }).get.parameters.find((p) => p.name === 'year')!;
    const spec = ajv.compile(param.schema);
    for (const year of ['0x7ED', '2.029e3', ' 2029', '+2029', '2029.0', '02029', '1999', '2101', '2000', '2029', '2100', '2099']) {
      const server = schemas[route.schemas!.params!].safeParse({ year }).success;
      expect(spec(year), year).toBe(server);
      expect(server, year).toBe(/^(20\d\d|2100)$/.test(year));
    }
  });

  // Random bodies near the edges: every field either left out, empty, blank, padded, too long or fine.
  const edgy = (fine: string, max: number) =>
    fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('', ' ', '\u3000', '\t\n', fine, ` ${fine}`, `${fine} `, 'x'.repeat(max), `${'x'.repeat(max)} `, 'x'.repeat(max + 1)),
      fc.string({ maxLength: 8 }),
    );
  const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

  it('agree on random complaint bodies', () => {
    const reporter = fc.oneof(
      fc.record({ anonymous: fc.constant(true), name: edgy('某人', 50) }).map(compact),
      fc
        .record({
          anonymous: fc.constant(false),
          name: edgy('欧阳测试人', 50),
          email: edgy('a@example.cn', 254),
          phone: edgy('13912345678', 21),
          address: edgy('某市某路', 200),
          workUnit: edgy('某单位', 100),
          idNumber: edgy('110101199001011234', 18),
        })
        .map(compact),
    );
    const body = fc.record({ subject: edgy('预算未公开', 100), description: edgy('至今未公开。', 5000), respondentUnit: edgy('某局', 100), reporter }).map((b) => compact({ category: 'other', ...b }));
    fc.assert(fc.property(body, (b) => complaint.spec(b) === complaint.server(b)), { numRuns: 2000 });
  });

  it('agree on random disclosure requests and comments', () => {
    const applicant = fc
      .record({ type: fc.constant('natural-person'), name: edgy('司马申请人', 100), email: edgy('a@example.cn', 254), phone: edgy('13700001111', 21), address: edgy('某市某路', 200), idNumber: edgy('110101199001011234', 40) })
      .map(compact);
    const request = fc.record({ applicant, description: edgy('某路维修计划', 5000), purpose: edgy('了解', 1000) }).map(compact);
    fc.assert(fc.property(request, (b) => disclosure.spec(b) === disclosure.server(b)), { numRuns: 1000 });
    const body = fc.record({ text: edgy('建议', 5000), anonymous: fc.boolean(), name: edgy('欧阳', 50), email: edgy('a@example.cn', 254) }).map(compact);
    fc.assert(fc.property(body, (b) => comment.spec(b) === comment.server(b)), { numRuns: 1000 });
  });
});
