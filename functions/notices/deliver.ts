import type { CaseRepository, Mailer, ReporterVault, StoredNotice } from '../domain/cases/ports.ts';
import type { Recipient, Unit } from '../domain/cases/model.ts';
import { logger } from '../shared/logger.ts';
import { renderNotice } from './render.ts';

export interface DeliveryDeps {
  repo: Pick<CaseRepository, 'get' | 'pendingNotices' | 'claimNotice' | 'markNotice'>;
  vault: ReporterVault;
  mailer: Mailer;
  units: Unit[];
  supervisorEmails: string[];
  /** Defaults to PUBLIC_BASE_URL. */
  publicBaseUrl?: string;
}

/** A send failed. Carries ids only: the provider's message may quote the address. */
export class NoticeSendError extends Error {
  override readonly name = 'NoticeSendError';
}

/**
 * Sends a case's pending notices in order, marking each sent or skipped as it goes. On a failed
 * send it stops and throws: the state machine retries the task, and what was already marked
 * sent is not sent again. Logs carry notice ids, templates and the recipient's kind only.
 */
export async function deliverPendingNotices(caseId: string, deps: DeliveryDeps): Promise<{ sent: number; skipped: number }> {
  const pending = await deps.repo.pendingNotices(caseId);
  const addresses = recipientResolver(caseId, deps);
  let sent = 0;
  let skipped = 0;
  for (const notice of pending) {
    const meta = { caseId, noticeId: notice.noticeId, template: notice.template, recipient: notice.to.kind };
    // Rendered before any decryption: a broken template should not cost a reporter lookup.
    const { subject, text } = renderNotice(notice.template, notice.vars, deps.publicBaseUrl);
    // Two executions of one case (a review opened while the first was closing) may deliver at
    // once: the claim lets exactly one of them send each notice.
    if (!(await deps.repo.claimNotice(caseId, notice.noticeId))) continue;
    const to = await addresses(notice);
    if (to.length === 0) {
      await deps.repo.markNotice(caseId, notice.noticeId, 'skipped');
      logger.info('notice skipped: no address', meta);
      skipped++;
      continue;
    }
    try {
      await deps.mailer.send({ to, subject, text });
    } catch (err) {
      const reason = err instanceof Error ? err.name : 'unknown';
      logger.error('notice send failed', { ...meta, reason });
      await deps.repo.markNotice(caseId, notice.noticeId, 'pending');
      throw new NoticeSendError(`Notice ${notice.noticeId} (${notice.template}, to ${notice.to.kind}) was not sent: ${reason}`);
    }
    await deps.repo.markNotice(caseId, notice.noticeId, 'sent');
    logger.info('notice sent', meta);
    sent++;
  }
  return { sent, skipped };
}

/** Addresses per recipient; the reporter's is decrypted at most once per run, and only if needed. */
function recipientResolver(caseId: string, deps: DeliveryDeps) {
  let reporterEmail: Promise<string | undefined> | undefined;
  const loadReporterEmail = async (): Promise<string | undefined> => {
    const c = await deps.repo.get(caseId);
    if (!c?.reporterRef) return undefined;
    // Only the e-mail field: the rest of the identity stays encrypted even in this task.
    const { email } = await deps.vault.get(c.reporterRef, ['email']);
    return email?.trim() || undefined;
  };

  return async (notice: StoredNotice): Promise<string[]> => {
    const to: Recipient = notice.to;
    switch (to.kind) {
      case 'reporter': {
        reporterEmail ??= loadReporterEmail();
        const email = await reporterEmail;
        return email ? [email] : [];
      }
      case 'unit': {
        const email = deps.units.find((u) => u.code === to.unit)?.email;
        if (!email) logger.warn('unit has no e-mail address', { unit: to.unit, noticeId: notice.noticeId });
        return email ? [email] : [];
      }
      case 'supervisors':
        return deps.supervisorEmails.filter(Boolean);
      case 'email':
        return to.email.trim() ? [to.email.trim()] : [];
    }
  };
}
