/**
 * Access-code hashing: the scrypt scheme used before (N=2^14, r=8, p=1, as stored in old
 * `scrypt$…` hashes) against today's salted HMAC-SHA-256, each as one hash plus one verify (what
 * a submission and a later look-up cost together).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { hashAccessCode, newAccessCode, normaliseAccessCode, verifyAccessCode } from '../../functions/domain/cases/access-code.ts';
import type { Figure } from './calendar.ts';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;
const OLD = { N: 2 ** 14, r: 8, p: 1 };

async function oldHash(code: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(normaliseAccessCode(code), salt, 32, OLD);
  return ['scrypt', OLD.N, OLD.r, OLD.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

async function oldVerify(code: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash!, 'base64');
  const actual = await scryptAsync(normaliseAccessCode(code), Buffer.from(salt!, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

/** Operations per second, one at a time (as one request does it), for about `ms`. */
async function rate(op: () => Promise<unknown>, ms: number): Promise<{ perSecond: number; p50Ms: number }> {
  const times: number[] = [];
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    const t = performance.now();
    await op();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { perSecond: times.length / ((performance.now() - t0) / 1000), p50Ms: times[Math.floor(times.length / 2)]! };
}

export async function accessCodeFigures(): Promise<Figure[]> {
  const code = newAccessCode();
  const legacy = await oldHash(code);
  if (!(await verifyAccessCode(code, legacy)) || !(await oldVerify(code, legacy))) throw new Error('legacy hash does not verify');
  const fresh = await hashAccessCode(code);
  const stored = await hashAccessCode(newAccessCode());
  const old = await rate(async () => oldVerify(code, await oldHash(code)), 2000);
  const now = await rate(async () => verifyAccessCode(code, await hashAccessCode(code)), 1000);
  const legacyVerify = await rate(() => verifyAccessCode(code, legacy), 1000);
  const wrong = await rate(() => verifyAccessCode(code, stored), 500);
  const unknown = await rate(() => verifyAccessCode(code, undefined), 500);
  const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
  if (!(await verifyAccessCode(code, fresh))) throw new Error('new hash does not verify');
  return [
    { name: 'access code: hash + verify per second, old scrypt N=2^14', value: round(old.perSecond, 1), unit: 'ops/s' },
    { name: 'access code: hash + verify per second, new HMAC-SHA-256 + salt', value: round(now.perSecond), unit: 'ops/s' },
    { name: 'access code: new / old', value: round(now.perSecond / old.perSecond), unit: 'x' },
    { name: 'access code: hash + verify p50, old scrypt', value: round(old.p50Ms, 2), unit: 'ms' },
    { name: 'access code: hash + verify p50, new', value: round(now.p50Ms, 4), unit: 'ms' },
    { name: 'access code: verify of a legacy scrypt$ hash, p50 (still accepted)', value: round(legacyVerify.p50Ms, 2), unit: 'ms' },
    { name: 'access code: verify p50, wrong code / unknown case (same work)', value: round(wrong.p50Ms, 4), unit: 'ms' },
    { name: 'access code: unknown case / wrong code time', value: round(unknown.p50Ms / wrong.p50Ms, 2), unit: 'x' },
  ];
}
