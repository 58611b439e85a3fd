import { z } from 'zod';
import type { Unit } from '../domain/cases/model.ts';
import { config } from './config.ts';

const unitsSchema = z
  .array(z.object({ code: z.string().min(1), name: z.string().min(1), nameEn: z.string().min(1).optional(), email: z.email().optional() }))
  .min(1);

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
  const parsed = json ? unitsSchema.safeParse(parseJson(json)) : { success: true as const, data: DEFAULT_UNITS };
  if (!parsed.success) throw new Error(`UNITS_JSON is invalid: ${z.prettifyError(parsed.error)}`);
  const list = parsed.data.map((u) => ({ code: u.code, name: u.name, ...(u.nameEn ? { nameEn: u.nameEn } : {}), ...(u.email ? { email: u.email } : {}) }));
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
