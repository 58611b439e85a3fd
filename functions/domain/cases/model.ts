import type { Category } from './categories.ts';

export const channels = ['web', 'letter', 'phone', 'fax', 'email', 'visit'] as const;
export type Channel = (typeof channels)[number];
export const staffChannels = ['letter', 'phone', 'fax', 'email', 'visit'] as const;

export const complaintStatuses = ['received', 'accepted', 'not-accepted', 'transferred', 'disposed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** The deadlines a complaint runs against, and how many working days each allows. */
export const deadlineNames = ['acceptance', 'transfer', 'disposition', 'review'] as const;
export type DeadlineName = (typeof deadlineNames)[number];
export const DEADLINE_WORKING_DAYS: Record<DeadlineName, number> = { acceptance: 3, transfer: 5, disposition: 15, review: 5 };

export interface DeadlineState {
  name: DeadlineName;
  /** The instant counting starts from (receipt, or the rating for a review). */
  from: string;
  workingDays: number;
  dueAt: string;
  dueDate: string;
  provisional: boolean;
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

/** The case-side facts of a complaint; the reporter's identity goes to the vault, not here. */
export interface ComplaintFacts {
  category: Category;
  subject: string;
  description: string;
  respondentUnit: string;
  wantsReply: boolean;
  anonymous: boolean;
  publicityConsent: boolean;
}

export interface ComplaintCase extends ComplaintFacts {
  caseId: string;
  trackingNo: string;
  kind: 'complaint';
  channel: Channel;
  status: ComplaintStatus;
  unit: string;
  assignee?: string;
  assigneeName?: string;
  assigneeEmail?: string;
  /** Opaque key of the encrypted identity in the reporter vault; absent for anonymous reports. */
  reporterRef?: string;
  /** Whether the reporter can be reached by e-mail: a yes/no, never the address. */
  reporterReachable: boolean;
  receivedAt: string;
  legalReceiptDate: string;
  deadlines: Partial<Record<DeadlineName, DeadlineState>>;
  escalated: boolean;
  urged: boolean;
  notAcceptedReason?: string;
  transfer?: { toUnit?: string; toExternal?: string; reason: string; at: string };
  extensions: { reason: string; workingDays: number; at: string; dueAt: string }[];
  result?: { text: string; at: string };
  rating?: { rating: Rating; comment?: string; at: string };
  review?: { openedAt: string; concludedAt?: string; conclusion?: string };
  accessCodeHash: string;
  createdBy?: string;
  version: number;
}

export type EventType =
  | 'received'
  | 'accepted'
  | 'not-accepted'
  | 'transferred'
  | 'extended'
  | 'escalated'
  | 'urged'
  | 'disposed'
  | 'rated'
  | 'assigned'
  | 'noted'
  | 'warned'
  | 'review-opened'
  | 'review-concluded';

/** Events a citizen sees in the tracking view; the rest are internal to staff. */
export const PUBLIC_EVENTS: ReadonlySet<EventType> = new Set([
  'received', 'accepted', 'not-accepted', 'transferred', 'extended', 'escalated', 'urged', 'disposed', 'rated', 'review-opened', 'review-concluded',
]);

export interface Actor {
  type: 'citizen' | 'staff' | 'system';
  sub?: string;
  name?: string;
  unit?: string;
}

/** One line of the ledger (台账): who did what, when. Append-only. */
export interface HistoryEvent {
  caseId: string;
  seq: number;
  at: string;
  event: EventType;
  actor: Actor;
  /** Shown to the citizen (a reason, a new date, the result). */
  publicNote?: string;
  /** Staff only (a handler's note, the urging text). */
  internalNote?: string;
  deadline?: DeadlineName;
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
}

export interface Unit {
  code: string;
  name: string;
  email?: string;
}
