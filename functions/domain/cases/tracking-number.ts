import { randomInt } from 'node:crypto';
import { shanghaiDate } from '../calendar/index.ts';

const DIGITS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const PREFIX = { complaint: 'TS', 'disclosure-request': 'YS', comment: 'YJ', consultation: 'ZQ' } as const;

/**
 * TS20261123-7K4M9Q: kind, Shanghai date of receipt, six random symbols. Public and easy to read
 * over the phone; never enough on its own (the access code is the key).
 */
export function newTrackingNo(kind: keyof typeof PREFIX, at: Date): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += DIGITS[randomInt(DIGITS.length)];
  return `${PREFIX[kind]}${shanghaiDate(at).replaceAll('-', '')}-${suffix}`;
}

/** A tracking number in its written form (what newTrackingNo makes and normaliseTrackingNo returns). */
export const isTrackingNo = (value: string): boolean => /^[A-Z]{2}\d{8}-[0-9A-Z]{6}$/.test(value);

/**
 * A tracking number as people type it: any case, with or without the dash, spaces, full-width
 * characters, a dash of another kind (－, —, _). Read back to the one written form
 * (TS20261123-7K4M9Q); anything else is returned compacted and upper-cased (and found nowhere).
 */
export function normaliseTrackingNo(input: string): string {
  const compact = input.normalize('NFKC').toUpperCase().replace(/[\s\-_.\u2010-\u2015\u2212\uFF0D]/g, '');
  const match = /^([A-Z]{2})(\d{8})([0-9A-Z]{6})$/.exec(compact);
  return match ? `${match[1]}${match[2]}-${match[3]}` : compact;
}
