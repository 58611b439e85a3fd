import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { secrets } from '../support/identities.ts';
import type { LocalEmail } from '../../infra/local/ses.ts';

/**
 * The suite-wide identity guard: what a local runtime showed staff, mailed, printed and wrote to
 * disk, checked against every identity the tests registered (test/support/identities.ts). The
 * harness feeds it every staff-authenticated answer and every e-mail it sees, and runs `leaks()`
 * when the runtime stops; a leak fails the suite there.
 *
 * The one allowed exception is the contact reveal (issue 13): a custodian-approved reveal answers
 * one field to the one handler who asked, once, as exactly `{field, value}`. That answer may carry
 * that one value and nothing else.
 */
export const REVEAL_PATH = /^\/v1\/contact-requests\/[^/]+\/reveal$/;

export interface StaffAnswer {
  method: string;
  path: string;
  status: number;
  text: string;
}

export interface Leak {
  secret: string;
  where: string;
}

export class IdentityGuard {
  private readonly answers: StaffAnswer[] = [];
  private readonly mails = new Map<string, LocalEmail>();

  recordStaffAnswer(answer: StaffAnswer): void {
    this.answers.push(answer);
  }

  /** E-mails are kept by content: the same list is read many times, and a restart empties it. */
  recordEmails(mails: LocalEmail[]): void {
    for (const m of mails) this.mails.set(JSON.stringify(m), m);
  }

  get staffAnswers(): readonly StaffAnswer[] {
    return this.answers;
  }

  /** Every registered identity found where it must not be. */
  async leaks(logs: string, dataDir: string | undefined, registered = secrets()): Promise<Leak[]> {
    const found: Leak[] = [];
    const look = (text: string, where: string, allowed?: string) => {
      for (const s of registered) if (s !== allowed && text.includes(s)) found.push({ secret: s, where });
    };
    for (const a of this.answers) {
      look(a.text, `staff answer ${a.method} ${a.path} ${a.status}`, revealed(a));
    }
    const citizens = new Set(registered.filter((s) => s.includes('@')));
    for (const m of this.mails.values()) {
      const to = JSON.stringify(m.to);
      // A citizen's own mail goes to an address the citizen gave: not a staff e-mail.
      if ([...citizens].some((address) => to.includes(address))) continue;
      look(`${to}\n${m.subject}\n${m.text}`, `e-mail to ${to} «${m.subject}»`);
    }
    look(logs, 'runtime logs');
    if (dataDir) {
      for (const file of await filesUnder(dataDir)) {
        const bytes = await readFile(file);
        for (const s of registered) if (bytes.includes(Buffer.from(s, 'utf8'))) found.push({ secret: s, where: `raw file ${file}` });
      }
    }
    return found;
  }
}

/** The value an allowed reveal may carry: a 200 from the reveal route that is `{field, value}` and nothing more. */
function revealed(a: StaffAnswer): string | undefined {
  if (a.method !== 'GET' || a.status !== 200 || !REVEAL_PATH.test(a.path)) return undefined;
  try {
    const body = JSON.parse(a.text) as Record<string, unknown>;
    const keys = Object.keys(body).sort().join(',');
    return keys === 'field,value' && typeof body.value === 'string' ? body.value : undefined;
  } catch {
    return undefined;
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export const describeLeaks = (leaks: Leak[]) => leaks.map((l) => `  ${l.secret} in ${l.where}`).join('\n');
