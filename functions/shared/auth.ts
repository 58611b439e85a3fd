/**
 * Staff sign-in for Lambda handlers. The same code runs on AWS (Cognito's JWKS) and locally (the
 * local issuer's JWKS): only JWT_JWKS_URL, JWT_ISSUER and JWT_AUDIENCE differ.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { ApiError, forbidden } from './errors.ts';

export interface StaffUser {
  sub: string;
  name: string;
  groups: string[];
  unit: string;
  /** From the ID token's `email` claim, where the pool has one for this user. */
  email?: string;
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

// Keyed by URL, not a single slot, so one process (a test run) can talk to several issuers.
const keySets = new Map<string, KeySet>();

const keySet = (url: string): KeySet => {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url));
    keySets.set(url, set);
  }
  return set;
};

const invalid = () => new ApiError('unauthorized', '登录已失效或无效，请重新登录', 'Sign-in missing, invalid or expired');

const bearerToken = (headers: Record<string, string | undefined>): string | undefined => {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)\s*$/i.exec(entry?.[1] ?? '');
  return match?.[1];
};

const toUser = (claims: JWTPayload): StaffUser => {
  const groups = claims['cognito:groups'] ?? [];
  const { sub, name } = claims;
  const unit = claims['custom:unit'];
  if (typeof sub !== 'string' || !sub) throw invalid();
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) throw invalid();
  // Cognito ID tokens say so; an access token (or anything else) signed by the same pool is not a sign-in here.
  if (claims.token_use !== 'id') throw invalid();
  const email = claims.email;
  return {
    sub,
    name: typeof name === 'string' ? name : '',
    groups,
    unit: typeof unit === 'string' ? unit : '',
    ...(typeof email === 'string' && email ? { email } : {}),
  };
};

/** Verifies `Authorization: Bearer <ID token>`; throws ApiError `unauthorized` on any failure. */
export async function authenticate(headers: Record<string, string | undefined>): Promise<StaffUser> {
  const token = bearerToken(headers);
  const { JWT_JWKS_URL: jwksUrl, JWT_ISSUER: issuer, JWT_AUDIENCE: audience } = process.env;
  // A deployment without these is broken, not the caller: fail loudly (500), not as a 401.
  if (!jwksUrl || !issuer || !audience) throw new Error('JWT_JWKS_URL, JWT_ISSUER and JWT_AUDIENCE must be set');
  if (!token) throw invalid();
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, keySet(jwksUrl), {
      issuer,
      audience,
      algorithms: ['RS256'],
      requiredClaims: ['sub', 'exp', 'iat'],
    }));
  } catch {
    // The reason (expired, bad signature, JWKS unreachable) is deliberately not echoed: it helps forgers only.
    throw invalid();
  }
  return toUser(claims);
}

/** Throws `forbidden` unless the user is in at least one of `groups`. */
export function requireGroup(user: StaffUser, ...groups: string[]): void {
  if (!groups.some((g) => user.groups.includes(g))) throw forbidden();
}
