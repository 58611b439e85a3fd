import type { CaseRepository, Mailer, ReporterVault, Sms, StoredNotice } from '../domain/cases/ports.ts';
import type { Recipient, Unit } from '../domain/cases/model.ts';
import { logger } from '../shared/logger.ts';
import { renderNotice, smsText } from './render.ts';

export interface DeliveryDeps {
  repo: Pick<CaseRepository, 'get' | 'pendingNotices' | 'claimNotice' | 'markNotice'>;
  vault: ReporterVault;
  mailer: Mailer;
  /** For citizens who left a phone and no e-mail; absent or disabled: those notices are skipped. */
  sms?: Sms;
  units: Unit[];
  supervisorEmails: string[];
  /** Defaults to PUBLIC_BASE_URL. */
  publicBaseUrl?: string;
}

/** Sends tried per notice before it is parked as `failed` and reported. */
export const MAX_NOTICE_ATTEMPTS = 6;

/** Wait before the next try after `attempts` failed sends: 1 min, 4 min, 16 min, ~1 h, ~4 h (at most 6 h). */
export function noticeBackoffMs(attempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/**
 * Sends a case's notices that are due, each on its own: a failed send marks only that notice
 * for a later try (backoff) and the run goes on with the rest, so one bad address never holds
 * back a later notice, escalations included. After MAX_NOTICE_ATTEMPTS failed sends a notice is
 * parked (`failed`) and reported with an error log line (`notice parked`), not retried forever.
 * The workflow comes back for a notice at its retry time (NextDeadline's `noticesRetryAt`). What
 * was marked sent is never sent again. Logs carry notice ids, templates and the recipient's kind only.
 */
export async function deliverPendingNotices(
  caseId: string,
  deps: DeliveryDeps,
): Promise<{ sent: number; skipped: number; failed: number; parked: number }> {
  const pending = await deps.repo.pendingNotices(caseId);
  const addresses = recipientResolver(caseId, deps);
  const counts = { sent: 0, skipped: 0, failed: 0, parked: 0 };
  for (const notice of pending) {
    const meta = { caseId, noticeId: notice.noticeId, template: notice.template, recipient: notice.to.kind };
    // An official notice goes out as issued; any other is rendered before any decryption (a
    // broken template should not cost a reporter lookup).
    const { subject, text } = notice.mail ?? renderNotice(notice.template, notice.vars, deps.publicBaseUrl);
    // Two executions of one case (a review opened while the first was closing) may deliver at
    // once: the claim lets exactly one of them send each notice.
    if (!(await deps.repo.claimNotice(caseId, notice.noticeId))) continue;
    const to = await addresses(notice);
    if (to.mail.length === 0 && !to.sms) {
      await deps.repo.markNotice(caseId, notice.noticeId, 'skipped');
      logger.info('notice skipped: no address', meta);
      counts.skipped++;
      continue;
    }
    try {
      if (to.mail.length > 0) await deps.mailer.send({ to: to.mail, subject, text });
      // Short, with the tracking number and where to look; never the access code or the body.
      else await deps.sms!.send({ to: to.sms!, text: smsText(subject, deps.publicBaseUrl) });
    } catch (err) {
      const reason = err instanceof Error ? err.name : 'unknown';
      const attempts = (notice.attempts ?? 0) + 1;
      if (attempts >= MAX_NOTICE_ATTEMPTS) {
        await deps.repo.markNotice(caseId, notice.noticeId, 'failed');
        logger.error('notice parked', { ...meta, reason, attempts });
        counts.parked++;
      } else {
        const retryAt = new Date(Date.now() + noticeBackoffMs(attempts)).toISOString();
        await deps.repo.markNotice(caseId, notice.noticeId, 'pending', retryAt);
        logger.error('notice send failed', { ...meta, reason, attempts, retryAt });
        counts.failed++;
      }
      continue;
    }
    await markSent(deps, caseId, notice.noticeId);
    logger.info('notice sent', { ...meta, by: to.mail.length > 0 ? 'mail' : 'sms' });
    counts.sent++;
  }
  return counts;
}

interface Addresses {
  mail: string[];
  /** The reporter's phone, only when they left no e-mail and SMS is on. */
  sms?: string;
}

/** Addresses per recipient; the reporter's contact is decrypted at most once per run, and only if needed. */
function recipientResolver(caseId: string, deps: DeliveryDeps) {
  const smsOn = deps.sms?.enabled === true;
  let reporter: Promise<Addresses> | undefined;
  const loadReporter = async (): Promise<Addresses> => {
    const c = await deps.repo.get(caseId);
    if (!c?.reporterRef) return { mail: [] };
    // Only the contact fields (the phone only where SMS can use it): the rest of the identity
    // stays encrypted even in this task.
    const { email, phone } = await deps.vault.get(c.reporterRef, smsOn ? ['email', 'phone'] : ['email']);
    if (email?.trim()) return { mail: [email.trim()] };
    return phone?.trim() ? { mail: [], sms: phone.trim() } : { mail: [] };
  };
  const mail = (addresses: string[]): Addresses => ({ mail: addresses });

  return async (notice: StoredNotice): Promise<Addresses> => {
    const to: Recipient = notice.to;
    switch (to.kind) {
      case 'reporter':
        reporter ??= loadReporter();
        return reporter;
      case 'unit': {
        const email = deps.units.find((u) => u.code === to.unit)?.email;
        if (!email) logger.warn('unit has no e-mail address', { unit: to.unit, noticeId: notice.noticeId });
        return mail(email ? [email] : []);
      }
      case 'supervisors':
        return mail(deps.supervisorEmails.filter(Boolean));
      case 'email':
        return mail(to.email.trim() ? [to.email.trim()] : []);
    }
  };
}

/**
 * The notice went out: recording that must survive one failed write, or the claim would expire
 * and the notice go out a second time. (A longer outage right here still means a duplicate: mail
 * takes no idempotency key, so at-least-once is the most a sender can promise.)
 */
async function markSent(deps: DeliveryDeps, caseId: string, noticeId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.repo.markNotice(caseId, noticeId, 'sent');
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
