import type { Receipt } from '../lib/types.ts';

/**
 * The answer to a submission, for the confirmation page. Kept in sessionStorage (this tab only,
 * gone when it closes), never in the address: the access code must not reach history or logs.
 */
const KEY = 'di.receipt';
// Where sessionStorage is refused (some private modes), the page's memory has to do.
let memory: Receipt | undefined;

export function saveReceipt(receipt: Receipt): void {
  memory = receipt;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(receipt));
  } catch {
    // memory holds it.
  }
}

export function loadReceipt(): Receipt | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Receipt) : memory;
  } catch {
    return memory;
  }
}
