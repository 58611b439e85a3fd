/** The agency and document-number settings of the official notices reach the functions, and a bad one stops the synth. */
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './build-test-app.ts';

const env = (context: Record<string, unknown>) => {
  const t = buildTestApp(undefined, { context });
  const fn = Object.values(t.stateless.findResources('AWS::Lambda::Function'))[0] as { Properties: { Environment: { Variables: Record<string, unknown> } } };
  return fn.Properties.Environment.Variables;
};

describe('official notice settings', () => {
  it('pass the agency and the number formats to the functions as JSON', () => {
    const vars = env({ agency: { code: 'county', name: '某县人民政府办公室', shortName: '县府办' }, documentNumberFormats: '{"complaint": "{agency}投诉〔{year}〕{n:3}号"}' });
    expect(JSON.parse(vars.AGENCY_JSON as string)).toMatchObject({ code: 'county', shortName: '县府办' });
    expect(JSON.parse(vars.DOCUMENT_NUMBER_FORMATS_JSON as string)).toEqual({ complaint: '{agency}投诉〔{year}〕{n:3}号' });
  }, 60_000);

  it('refuse a number format without the sequence number or the year', () => {
    expect(() => buildTestApp(undefined, { context: { documentNumberFormats: { complaint: '{agency}投诉第 {n} 号' } } })).toThrow(/\{year\}/);
  }, 60_000);
});
