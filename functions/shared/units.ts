import type { Unit } from '../domain/cases/model.ts';
import { config } from './config.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A few lines instead of zod: every function reads the units, and the workflow tasks validate
 * nothing else, so zod would be in their bundles (and cold starts) for this alone.
 */
function problemsOf(list: unknown): string[] {
  if (!Array.isArray(list) || list.length === 0) return ['expected a non-empty array of units'];
  return list.flatMap((u: Record<string, unknown> | null, i) => {
    if (typeof u !== 'object' || u === null) return [`[${i}]: expected an object`];
    const missing = (['code', 'name'] as const).filter((k) => typeof u[k] !== 'string' || u[k] === '').map((k) => `[${i}].${k}: expected a non-empty string`);
    const badNameEn = u.nameEn !== undefined && (typeof u.nameEn !== 'string' || u.nameEn === '') ? [`[${i}].nameEn: expected a non-empty string`] : [];
    const badEmail = u.email !== undefined && (typeof u.email !== 'string' || !EMAIL.test(u.email)) ? [`[${i}].email: expected an e-mail address`] : [];
    return [...missing, ...badNameEn, ...badEmail];
  });
}

/** Used when UNITS_JSON is not set, so a fresh checkout and the tests have units to route to. */
const DEFAULT_UNITS: Unit[] = [
  { code: 'office', name: '办公室', nameEn: 'General Office', email: 'office@example.gov.cn' },
  { code: 'policy', name: '政策法规科', nameEn: 'Policy and Regulations Section', email: 'policy@example.gov.cn' },
  { code: 'finance', name: '财务科', nameEn: 'Finance Section', email: 'finance@example.gov.cn' },
];

let cached: { json: string; units: Unit[] } | undefined;

/** The organisation's units (科室). A malformed UNITS_JSON fails loudly rather than misrouting cases. */
export function units(): Unit[] {
  const json = config.unitsJson.trim();
  if (cached?.json === json) return cached.units;
  const parsed = json ? (parseJson(json) as Unit[]) : DEFAULT_UNITS;
  const problems = problemsOf(parsed);
  if (problems.length) throw new Error(`UNITS_JSON is invalid: ${problems.join('; ')}`);
  const list = parsed.map((u) => ({ code: u.code, name: u.name, ...(u.nameEn ? { nameEn: u.nameEn } : {}), ...(u.email ? { email: u.email } : {}) }));
  cached = { json, units: list };
  return list;
}

/** New complaints land with the first unit (办公室 by default), which accepts or transfers them. */
export function intakeUnit(): string {
  return units()[0]!.code;
}

export function unitName(code: string): string {
  return units().find((u) => u.code === code)?.name ?? code;
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new Error('UNITS_JSON is not valid JSON');
  }
}
