import { call } from '../lib/api.ts';
import { session } from './session.ts';

/**
 * The server's "now". On AWS it is the browser's clock; the local runtime may run a virtual
 * clock days ahead, and "working days left" must be counted from the same day the API counts.
 */
let offsetMs = 0;

export async function syncClock(): Promise<void> {
  if (session()?.mode !== 'local') return;
  try {
    const { now } = await call<{ now: string }>('GET', '/__local/clock');
    offsetMs = Date.parse(now) - Date.now();
  } catch {
    offsetMs = 0;
  }
}

export const serverNow = (): Date => new Date(Date.now() + offsetMs);
