import type { CaseRecord, HistoryEvent, NoticeIntent } from './model.ts';

/** The reporter's identity and contact: encrypted at rest, seen only by the notification task. */
export interface ReporterIdentity {
  name?: string;
  workUnit?: string;
  address?: string;
  phone?: string;
  email?: string;
  idNumber?: string;
}

export interface ReporterVault {
  /** Stores the identity encrypted field by field; returns the opaque reference the case keeps. */
  put(identity: ReporterIdentity): Promise<string>;
  /** Decrypts only the fields asked for. */
  get<K extends keyof ReporterIdentity>(ref: string, fields: K[]): Promise<Pick<ReporterIdentity, K>>;
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** A short text message to a phone number (the citizen who left no e-mail). */
export interface TextMessage {
  to: string;
  text: string;
}

/** SMS: AWS End User Messaging (global), the agency's gateway (China) or off (functions/adapters/sms.ts). */
export interface Sms {
  /** False when this deployment sends no SMS: phone-only citizens then get no notices, and the form says so. */
  readonly enabled: boolean;
  send(message: TextMessage): Promise<void>;
}

export interface StoredNotice extends NoticeIntent {
  caseId: string;
  /**
   * `sending`: claimed by one delivery run; claimable again once its lease has run out.
   * `failed`: parked after too many failed sends (reported, never retried by itself).
   */
  status: 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';
  createdAt: string;
  /** Sends tried so far (each failed or finished send counts one). */
  attempts: number;
  /** After a failed send: not to be tried again before this time. */
  retryAt?: string;
  /** An official notice: the mail exactly as its document was issued (number, date, text), sent as it is. */
  mail?: { subject: string; text: string };
}

/**
 * One page of a staff queue, read from an index newest first: the store filters what it can
 * before the page is counted; the caller still applies the visibility rule to what comes back.
 */
export interface CasePageQuery {
  /** The queue: a unit's cases (newest first), only its open ones (nearest deadline first), or one person's. */
  by: { unit: string } | { openUnit: string } | { assignee: string };
  /** Only these kinds (the queued kinds unless one is asked for). */
  kinds: string[];
  status?: string;
  /** `open`: some deadline still open (running or paused) among `openDeadlines`; `closed`: none. */
  state?: 'open' | 'closed';
  /** The names a case's open deadlines may have (every kind's, but the supervision review). */
  openDeadlines: string[];
  /** `null`: nobody assigned. */
  assignee?: string | null;
  /** Words in the subject or description. */
  text?: string;
  /** The earliest running deadline falls due in [from, to). */
  due?: { from?: string; to?: string };
  limit: number;
  /** From the previous page's answer; opaque to the caller. */
  cursor?: string;
}

export interface CaseRepository {
  /** A page of a queue; `cursor` is there when more may follow. */
  page(q: CasePageQuery): Promise<{ items: CaseRecord[]; cursor?: string }>;
  create(change: { next: CaseRecord; events: Omit<HistoryEvent, 'caseId' | 'seq'>[]; notices: NoticeIntent[] }): Promise<void>;
  get(caseId: string): Promise<CaseRecord | undefined>;
  findByTrackingNo(trackingNo: string): Promise<CaseRecord | undefined>;
  history(caseId: string): Promise<HistoryEvent[]>;
  /** Writes the change only if the stored version is still `expectedVersion`; false otherwise. */
  commit(change: { next: CaseRecord; events: Omit<HistoryEvent, 'caseId' | 'seq'>[]; notices: NoticeIntent[] }, expectedVersion: number): Promise<boolean>;
  /** Notices to send now: pending (past any retry time), or claimed by a run whose lease ran out (it crashed). */
  pendingNotices(caseId: string): Promise<StoredNotice[]>;
  /**
   * When a notice not due now becomes due: the earliest retry time of a failed send, or the end
   * of the lease of a claimed one (its run may have died). Undefined when none waits.
   */
  noticesDueAgainAt(caseId: string): Promise<string | undefined>;
  /** Claims a notice for this run; false if another run has it (two executions of one case). */
  claimNotice(caseId: string, noticeId: string): Promise<boolean>;
  /** Records the outcome; `pending` hands a claimed notice back after a failed send, to be tried at `retryAt`; `failed` parks it. */
  markNotice(caseId: string, noticeId: string, status: 'sent' | 'skipped' | 'pending' | 'failed', retryAt?: string): Promise<void>;
  /** Remembers the workflow's callback token for the version it waits on; false if the case moved on. */
  setWaitToken(caseId: string, version: number, token: string): Promise<boolean>;
  waitToken(caseId: string): Promise<string | undefined>;
  /** The registered wait with the case version it waits on (the reconciler resumes one left behind). */
  registeredWait(caseId: string): Promise<{ token: string; version: number } | undefined>;
}

/** Tells the case's workflow what happened (Step Functions on AWS and locally). */
export interface CaseWorkflow {
  start(caseId: string, executionName?: string): Promise<void>;
  /** Completes the waiting callback; a stale or finished token is ignored. */
  resume(token: string): Promise<void>;
}
