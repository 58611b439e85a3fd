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
