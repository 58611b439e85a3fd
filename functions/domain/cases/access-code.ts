import { createHmac, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;

// Crockford's base32: no I, L, O, U, so a code read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 5;
const GROUP_LENGTH = 5;
const SCHEME = 'hmac-sha256';
const SALT_LENGTH = 16;
const MAC_LENGTH = 32;

/** 25 symbols of 5 bits: 125 bits of randomness, shown as XXXXX-XXXXX-XXXXX-XXXXX-XXXXX. */
export function newAccessCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Upper case, no separators or spaces, and the look-alikes Crockford maps (O→0, I/L→1). */
export function normaliseAccessCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * A salted hash for storage: "hmac-sha256$salt$mac", the mac being HMAC-SHA-256 keyed with a
 * random 16-byte salt of its own over the normalised code.
 *
 * Why not a slow password hash: the code is 125 random bits, not a password a person chose, so
 * an offline search of 2^125 candidates is out of reach however fast each hash is, and key
 * stretching only costs every submission and look-up (NIST SP 800-63B §5.1.2.2: look-up secrets
 * of at least 112 bits need only an approved one-way function, salted). The per-code salt means
 * equal codes never hash alike and nothing can be computed ahead for all stored hashes at once.
 */
export async function hashAccessCode(code: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  return [SCHEME, salt.toString('base64'), mac(salt, code).toString('base64')].join('$');
}

function mac(salt: Buffer, code: string): Buffer {
  return createHmac('sha256', salt).update(normaliseAccessCode(code)).digest();
}

// Verifying against this when the case does not exist does the same work as a wrong code.
const DUMMY_HASH = [SCHEME, Buffer.alloc(SALT_LENGTH).toString('base64'), Buffer.alloc(MAC_LENGTH).toString('base64')].join('$');

/**
 * True when the code matches the stored hash, compared in constant time. An unknown case
 * (`stored` undefined) goes through the same parse, HMAC and compare as a wrong code. Hashes
 * stored before (scrypt$N$r$p$salt$hash) still verify, at scrypt's cost.
 */
export async function verifyAccessCode(code: string, stored: string | undefined): Promise<boolean> {
  const parts = (stored ?? DUMMY_HASH).split('$');
  if (parts[0] === 'scrypt') return verifyLegacyScrypt(code, parts);
  const [scheme, salt, hash] = parts;
  if (scheme !== SCHEME || !salt || !hash || parts.length !== 3) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = mac(Buffer.from(salt, 'base64'), code);
  return expected.length === actual.length && timingSafeEqual(actual, expected) && stored !== undefined;
}

/** Hashes written before the HMAC scheme: "scrypt$N$r$p$salt$hash" (N = 2^14, r = 8, p = 1). */
async function verifyLegacyScrypt(code: string, [, n, r, p, salt, hash]: string[]): Promise<boolean> {
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length === 0) return false;
  try {
    const actual = await scryptAsync(normaliseAccessCode(code), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
    return timingSafeEqual(actual, expected);
  } catch {
    return false; // parameters scrypt refuses: not a hash this code wrote
  }
}
