import { useEffect, useState } from 'preact/hooks';
import type { StaffUser } from '../../../functions/shared/auth.ts';
import { setStaffAuth } from '../lib/api.ts';

export type { StaffUser };

export interface Session {
  token: string;
  user: StaffUser;
  /** How the token was obtained: the local runtime's dev sign-in, or Cognito. */
  mode: 'local' | 'cognito';
}

// sessionStorage: a staff token should not outlive the tab.
const KEY = 'di.staff';
const listeners = new Set<() => void>();
let current: Session | undefined = read();
// Set when the API refused the token, so the sign-in page can say why it is back.
let expiredNotice = false;

function read(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

/** The claims the console shows (name, groups, unit); the API verifies the token itself. */
export function userFromToken(token: string): StaffUser {
  const part = token.split('.')[1] ?? '';
  const json = new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
  const claims = JSON.parse(json) as Record<string, unknown>;
  const groups = claims['cognito:groups'];
  return {
    sub: String(claims.sub ?? ''),
    name: typeof claims.name === 'string' ? claims.name : '',
    groups: Array.isArray(groups) ? groups.map(String) : [],
    unit: typeof claims['custom:unit'] === 'string' ? (claims['custom:unit'] as string) : '',
  };
}

export function setSession(next: Session | undefined, reason?: 'expired'): void {
  current = next;
  expiredNotice = reason === 'expired';
  try {
    if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Memory only.
  }
  listeners.forEach((l) => l());
}

export const sessionExpired = () => expiredNotice;

export const session = () => current;

export function useSession(): Session | undefined {
  const [, tick] = useState(0);
  useEffect(() => {
    const l = () => tick((n) => n + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return current;
}

export const isSupervisor = (u: StaffUser) => u.groups.includes('supervisor') || u.groups.includes('admin');
/** The annual disclosure report: supervisors, admins and the head of the disclosure office. */
export const canSeeReports = (u: StaffUser) => isSupervisor(u) || u.groups.includes('disclosure-head');

setStaffAuth({
  token: () => current?.token,
  // No client-side expiry check: under the local virtual clock, tokens live in virtual time.
  rejected: () => setSession(undefined, 'expired'),
});
