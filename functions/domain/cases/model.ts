import type { AttachmentRef } from './attachments.ts';
export const channels = ['web', 'letter', 'phone', 'fax', 'email', 'visit'] as const;
export type Channel = (typeof channels)[number];
export const staffChannels = ['letter', 'phone', 'fax', 'email', 'visit'] as const;

/** A span in which a deadline's clock stands still; open (no `to`) while it still does. */
export interface PauseSpan {
  from: string;
  to?: string;
  reason: string;
}

export interface Extension {
  reason: string;
  workingDays: number;
  at: string;
  /** The due time it moved the deadline to. */
  dueAt: string;
}

/**
 * One deadline: what it is computed from (start, working days, extensions, pauses) and, written
 * only by `timed()` in deadlines.ts, the due time computed from that (kept for the due-time index).
 */
export interface DeadlineState {
  name: string;
  /** The instant counting starts from (receipt, a clarification's arrival, the rating for a review). */
  from: string;
  /**
   * A fixed instant instead of a count of working days (a consultation's opening and closing
   * times): `timed()` takes it as the due time as it is; `workingDays` is then 0.
   */
  at?: string;
  /** Working days in force: as first set plus every extension (each listed in `extensions`). */
  workingDays: number;
  extensions?: Extension[];
  pauses?: PauseSpan[];
  dueAt: string;
  dueDate: string;
  provisional: boolean;
  /** The clock is stopped (an open pause): no warning, no escalation until it runs again. */
  suspended?: boolean;
  state: 'open' | 'met' | 'void';
  closedAt?: string;
  /** Met after its due time: counts against the on-time rate. */
  late?: boolean;
  /** The dueAt a warning / an escalation was raised for: once per deadline, never twice. */
  warnedFor?: string;
  escalatedFor?: string;
}

export const ratings = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type Rating = (typeof ratings)[number];

/** What every case has, whatever its kind; a kind adds its own facts beside these. */
export interface CaseRecord {
  caseId: string;
  trackingNo: string;
  kind: string;
  channel: Channel;
  status: string;
  unit: string;
  /** A line staff and the citizen recognise the case by. */
  subject: string;
  assignee?: string;
  assigneeName?: string;
  assigneeEmail?: string;
  /** Opaque key of the encrypted identity in the reporter vault; absent for anonymous reports. */
  reporterRef?: string;
  /** Whether the citizen can be reached (by e-mail, or by SMS when only a phone was left and SMS is on): a yes/no, never the address. */
  reporterReachable: boolean;
  /** How notices reach the citizen, when they can: the channel, never the address. */
  reporterChannel?: 'email' | 'sms';
  /** The language the citizen used when submitting (the page's language): their notices are written in it. Absent: Chinese. */
  language?: 'zh' | 'en';
  receivedAt: string;
  legalReceiptDate: string;
  deadlines: Record<string, DeadlineState | undefined>;
  escalated: boolean;
  urged: boolean;
  rating?: { rating: Rating; comment?: string; at: string };
  review?: { openedAt: string; concludedAt?: string; conclusion?: string };
  accessCodeHash: string;
  /** Evidence files (S3 upload ids, checked type and size; who added them with what); never file names. */
  attachments?: AttachmentRef[];
  createdBy?: string;
  version: number;
}

export interface Actor {
  type: 'citizen' | 'staff' | 'system';
  sub?: string;
  name?: string;
  unit?: string;
}

/** One line of the ledger (台账): who did what, when. Append-only. `event` is a kind's event code. */
export interface HistoryEvent {
  caseId: string;
  seq: number;
  at: string;
  event: string;
  actor: Actor;
  /** Shown to the citizen (a reason, a new date, the result). */
  publicNote?: string;
  /** The same in English where the system wrote it; a person's own words stay as they wrote them. */
  publicNoteEn?: string;
  /** Staff only (a handler's note, the urging text). */
  internalNote?: string;
  deadline?: string;
}

export type Recipient =
  | { kind: 'reporter' }
  | { kind: 'unit'; unit: string }
  | { kind: 'supervisors' }
  | { kind: 'email'; email: string };

/** A notice to send: rendered from a template file and sent by the notification task. */
export interface NoticeIntent {
  noticeId: string;
  template: string;
  to: Recipient;
  vars: Record<string, string>;
  /**
   * False for a citizen who cannot be reached: nothing is sent, but the notice is still issued
   * (an official document is numbered and kept with the case for the tracking page).
   */
  deliver?: false;
}

export interface Unit {
  code: string;
  name: string;
  /** The unit's name on the English pages (the Chinese name where none is configured). */
  nameEn?: string;
  email?: string;
}

/** What a decision returns: the new case, the ledger lines and the notices, committed together. */
export interface Change<C extends CaseRecord = CaseRecord> {
  next: C;
  events: Omit<HistoryEvent, 'caseId' | 'seq'>[];
  notices: NoticeIntent[];
}

export interface DomainContext {
  now: Date;
  calendar: import('../calendar/index.ts').WorkingCalendar;
  units: Unit[];
}
