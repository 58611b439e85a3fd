import { newIdempotencyKey } from '../lib/ids.ts';
import { setSession, userFromToken } from './session.ts';

export type SignInMethod = { kind: 'local' } | { kind: 'cognito'; url: string } | { kind: 'none' };

interface CognitoConfig {
  domain: string;
  clientId: string;
}

const STATE_KEY = 'di.oauth-state';

/**
 * Where staff sign in. The local runtime has a dev sign-in (/__local/login) exactly when its
 * /__local endpoints exist (VIRTUAL_CLOCK), which GET /__local/clock shows without side effects;
 * elsewhere /config.json names the Cognito hosted UI.
 */
export async function detectSignIn(): Promise<SignInMethod> {
  try {
    const res = await fetch('/__local/clock', { cache: 'no-store' });
    if (res.ok && res.headers.get('content-type')?.includes('json')) return { kind: 'local' };
  } catch {
    // Not the local runtime.
  }
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    const config = res.ok ? ((await res.json()) as { cognito?: CognitoConfig }) : {};
    if (config.cognito?.domain && config.cognito.clientId) return { kind: 'cognito', url: hostedUiUrl(config.cognito) };
  } catch {
    // No config: nothing to offer.
  }
  return { kind: 'none' };
}

/**
 * The implicit flow (id_token in the fragment): the page's CSP allows fetches to its own origin
 * only, so exchanging a code at Cognito's token endpoint from the browser is not possible.
 */
function hostedUiUrl({ domain, clientId }: CognitoConfig): string {
  const state = newIdempotencyKey();
  sessionStorage.setItem(STATE_KEY, state);
  const params = new URLSearchParams({
    client_id: clientId,
    response_type: 'token',
    scope: 'openid profile',
    redirect_uri: `${location.origin}/console`,
    state,
  });
  return `${domain.replace(/\/+$/, '')}/oauth2/authorize?${params}`;
}

/** Takes the id_token Cognito put in the address on the way back, and removes it from there. */
export function consumeCognitoRedirect(): void {
  if (!location.hash.includes('id_token=')) return;
  const params = new URLSearchParams(location.hash.slice(1));
  history.replaceState(null, '', location.pathname + location.search);
  const token = params.get('id_token');
  const expected = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(STATE_KEY);
  if (!token || !expected || params.get('state') !== expected) return;
  setSession({ token, user: userFromToken(token), mode: 'cognito' });
}
