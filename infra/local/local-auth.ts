/**
 * The local stand-in for Cognito: signs ID tokens shaped like Cognito's and publishes the public
 * key as a JWKS, so functions/shared/auth.ts verifies them exactly as it verifies Cognito's.
 * The key pair lives in DATA_DIR so tokens stay valid across restarts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { StaffUser } from '../../functions/shared/auth.ts';

export const LOCAL_AUDIENCE = 'disclosure-intake-local';
// Long for a development issuer on purpose: demos and tests jump the virtual clock across whole
// deadlines (weeks) and should not have to sign in again after every jump.
export const TOKEN_LIFETIME_S = 60 * 24 * 60 * 60;
const PRIVATE_PARTS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

export interface LocalIssuer {
  issuer: string;
  audience: string;
  jwksUrl: string;
  jwks: { keys: JWK[] };
  issue(user: StaffUser): Promise<string>;
}

async function loadOrCreateKey(file: string): Promise<JWK> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const key: JWK = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
  await writeFile(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

/** `baseUrl` is where this process's HTTP server answers, e.g. http://127.0.0.1:3000. */
export async function createLocalIssuer(dataDir: string, baseUrl: string): Promise<LocalIssuer> {
  const privateJwk = await loadOrCreateKey(join(dataDir, 'jwt-key.json'));
  const publicJwk: JWK = Object.fromEntries(
    Object.entries(privateJwk).filter(([k]) => !(PRIVATE_PARTS as readonly string[]).includes(k)),
  );
  const signingKey = await importJWK(privateJwk, 'RS256');
  const issuer = `${baseUrl}/local-issuer`;
  return {
    issuer,
    audience: LOCAL_AUDIENCE,
    jwksUrl: `${baseUrl}/.well-known/jwks.json`,
    jwks: { keys: [publicJwk] },
    issue(user) {
      // Date.now(), not a real clock: under VIRTUAL_CLOCK tokens must expire in virtual time.
      const iat = Math.floor(Date.now() / 1000);
      return new SignJWT({
        name: user.name,
        'cognito:groups': user.groups,
        'custom:unit': user.unit,
        ...(user.email ? { email: user.email, email_verified: true } : {}),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid, typ: 'JWT' })
        .setSubject(user.sub)
        .setIssuer(issuer)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + TOKEN_LIFETIME_S)
        .sign(signingKey);
    },
  };
}

/** Serves the JWKS (and OIDC discovery, as Cognito does). Returns false if the path is not the issuer's. */
export function serveIssuer(req: IncomingMessage, res: ServerResponse, issuer: LocalIssuer): boolean {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  let body: unknown;
  if (path === '/.well-known/jwks.json' || path === '/local-issuer/.well-known/jwks.json') body = issuer.jwks;
  else if (path === '/local-issuer/.well-known/openid-configuration') {
    body = {
      issuer: issuer.issuer,
      jwks_uri: issuer.jwksUrl,
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
    };
  } else return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return true;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300' });
  res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
  return true;
}
