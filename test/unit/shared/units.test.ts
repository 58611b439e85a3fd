import { afterEach, describe, expect, it } from 'vitest';
import { intakeUnit, unitName, units } from '../../../functions/shared/units.ts';

const saved = process.env.UNITS_JSON;
afterEach(() => {
  if (saved === undefined) delete process.env.UNITS_JSON;
  else process.env.UNITS_JSON = saved;
});

describe('units', () => {
  it('defaults to 办公室, 政策法规科 and 财务科, intake at the office', () => {
    delete process.env.UNITS_JSON;
    expect(units().map((u) => [u.code, u.name, u.email])).toEqual([
      ['office', '办公室', 'office@example.gov.cn'],
      ['policy', '政策法规科', 'policy@example.gov.cn'],
      ['finance', '财务科', 'finance@example.gov.cn'],
    ]);
    expect(intakeUnit()).toBe('office');
    expect(unitName('policy')).toBe('政策法规科');
    expect(unitName('unknown')).toBe('unknown');
  });

  it('reads UNITS_JSON, the first unit taking intake; e-mail is optional', () => {
    process.env.UNITS_JSON = JSON.stringify([{ code: 'xf', name: '信访科' }, { code: 'gk', name: '政务公开科', email: 'gk@example.gov.cn' }]);
    expect(units()).toEqual([{ code: 'xf', name: '信访科' }, { code: 'gk', name: '政务公开科', email: 'gk@example.gov.cn' }]);
    expect(intakeUnit()).toBe('xf');
  });

  it('fails loudly on a malformed UNITS_JSON', () => {
    process.env.UNITS_JSON = '[{"code":"x"}]';
    expect(() => units()).toThrow(/UNITS_JSON is invalid/);
    process.env.UNITS_JSON = '[{"code":"x","name":"X","email":"not an address"}]';
    expect(() => units()).toThrow(/\[0\]\.email/);
    process.env.UNITS_JSON = '[null]';
    expect(() => units()).toThrow(/UNITS_JSON is invalid/);
    process.env.UNITS_JSON = '[]';
    expect(() => units()).toThrow(/UNITS_JSON is invalid/);
    process.env.UNITS_JSON = 'not json';
    expect(() => units()).toThrow(/not valid JSON/);
  });
});
