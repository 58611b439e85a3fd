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

/** Clock skew allowed between the token's issuer and this function, for `iat`, `nbf` and `exp`. */
const CLOCK_SKEW_S = 60;
/**
 * The longest a staff token may be valid (`exp` − `iat`) and in use after its `iat`: a day, as
 * Cognito's ID tokens at most; JWT_MAX_LIFETIME_SECONDS sets another bound (the local issuer's
 * tokens last 60 virtual days so a demo can jump over deadlines). A token issued in the future,
 * or valid for longer, is refused.
 */
const maxLifetimeS = () => Number(process.env.JWT_MAX_LIFETIME_SECONDS) || 24 * 3600;

const invalid = () => new ApiError('unauthorized', '登录已失效或无效，请重新登录', 'Sign-in missing, invalid or expired');

const bearerToken = (headers: Record<string, string | undefined>): string | undefined => {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)\s*$/i.exec(entry?.[1] ?? '');
  return match?.[1];
};

/**
 * Where groups and unit sit in the token: Cognito's claims by default; in the China profile the
 * agency's OIDC provider names its own (JWT_GROUPS_CLAIM, JWT_UNIT_CLAIM, set by the stack).
 */
const claimNames = () => ({ groups: process.env.JWT_GROUPS_CLAIM || 'cognito:groups', unit: process.env.JWT_UNIT_CLAIM || 'custom:unit' });

/** An OIDC provider may send groups as one space- or comma-separated string. */
const groupList = (value: unknown): unknown => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : (value ?? []));

const toUser = (claims: JWTPayload): StaffUser => {
  const names = claimNames();
  const groups = groupList(claims[names.groups]);
  const { sub, name } = claims;
  const unit = claims[names.unit];
  if (typeof sub !== 'string' || !sub) throw invalid();
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) throw invalid();
  // Cognito ID tokens say so; an access token (or anything else) signed by the same pool is not a sign-in here.
  // Another provider's tokens are checked by issuer and audience alone.
  if (names.groups === 'cognito:groups' && claims.token_use !== 'id') throw invalid();
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
      clockTolerance: CLOCK_SKEW_S,
      maxTokenAge: maxLifetimeS(),
    }));
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.exp - claims.iat > maxLifetimeS()) throw invalid();
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
