/**
 * The API's JSON shapes. What every kind shares is taken from the functions that build the
 * views (type-only imports: nothing of the server ends up in the bundle), so a changed view
 * breaks the web build, not the page. The fields a kind adds reach the views as
 * `Record<string, unknown>` (functions/domain/<kind>/rules.ts), so they are spelled out here,
 * optional, from functions/domain/complaints/model.ts and functions/domain/disclosure/model.ts;
 * the pages show them by `kind`.
 */
import type { caseSummary, citizenView, staffView } from '../../../functions/domain/cases/views.ts';
import type { ComplaintCase } from '../../../functions/domain/complaints/model.ts';
import type { DisclosureRequestCase } from '../../../functions/domain/disclosure/model.ts';
import type { overdueView, unitStats } from '../../../functions/services/queries.ts';

type Pair = { zh: string; en: string };

type CoreCitizen = ReturnType<typeof citizenView>;
type CoreRow = ReturnType<typeof caseSummary>;
type CoreStaff = ReturnType<typeof staffView>;

export type DeadlineDetail = CoreCitizen['deadlineDetails'][number];

/** What a submission answers: tracking number, access code (shown once), due dates. */
export interface Receipt {
  trackingNo: string;
  /** Absent when the submission was a retry: the code was shown the first time and is not kept. */
  accessCode?: string;
  accessCodeShownOnce?: boolean;
  kind: string;
  status: string;
  receivedAt: string;
  deadlines: Record<string, string | undefined>;
  provisional?: boolean;
  /** Set by the form, never by the API: an e-mail address was given (the code is still not mailed). */
  emailGiven?: boolean;
}

export type Reply = NonNullable<DisclosureRequestCase['reply']>;

/** The tracking page's view of either kind. */
export type CitizenCase = Pick<
  CoreCitizen,
  'trackingNo' | 'kind' | 'status' | 'subject' | 'receivedAt' | 'deadlines' | 'deadlineDetails' | 'provisional' | 'overdue' | 'escalated' | 'history' | 'rating' | 'ratedAt' | 'ratingComment' | 'review' | 'canRate'
> & {
  // A complaint's
  category?: string;
  notAcceptedReason?: string;
  result?: string;
  disposedAt?: string;
  // A disclosure request's
  description?: string;
  clarification?: { text: string; answerDue: string; answeredAt?: string };
  canAnswerClarification?: boolean;
  reply?: Reply;
  // A comment's
  consultationId?: string;
  consultationTitle?: string;
  text?: string;
  hidden?: { reason: string };
  conclusion?: { outcome?: string; reason?: string };
  /** The citizen's own files and the documents of decisions they are told of (GET /v1/track/{no}). */
  attachments?: AttachmentLink[];
};

export type CaseRow = Pick<
  CoreRow,
  'caseId' | 'trackingNo' | 'kind' | 'status' | 'unit' | 'assignee' | 'assigneeName' | 'subject' | 'channel' | 'receivedAt' | 'deadlines' | 'nextDueAt' | 'overdue' | 'escalated' | 'urged'
> & { category?: string; applicantType?: string; description?: string };

/** How far the case's deadline may still be extended: the kind's rule, applied by the server. */
export type ExtensionInfo = CoreStaff['extension'];

/** The case page's view of either kind; never the citizen's identity. */
export type StaffCase = Pick<
  CoreStaff,
  | 'caseId'
  | 'trackingNo'
  | 'kind'
  | 'status'
  | 'unit'
  | 'assignee'
  | 'assigneeName'
  | 'subject'
  | 'channel'
  | 'receivedAt'
  | 'deadlines'
  | 'nextDueAt'
  | 'overdue'
  | 'escalated'
  | 'urged'
  | 'reporterReachable'
  | 'reporterChannel'
  | 'legalReceiptDate'
  | 'deadlineDetails'
  | 'provisional'
  | 'extensions'
  | 'extension'
  | 'rating'
  | 'review'
  | 'history'
  | 'allowedActions'
  | 'version'
> &
  Partial<Pick<ComplaintCase, 'category' | 'description' | 'respondentUnit' | 'wantsReply' | 'anonymous' | 'publicityConsent' | 'notAcceptedReason' | 'transfer' | 'result'>> &
  Partial<Pick<DisclosureRequestCase, 'applicantType' | 'purpose' | 'formats' | 'delivery' | 'clarification' | 'thirdParty' | 'returned' | 'reply'>> & {
    draft?: Omit<NonNullable<DisclosureRequestCase['draft']>, 'bySub' | 'review'> & { review?: { decision: string; comment?: string; by: string; at: string } };
    /** Evidence files with 5-minute download links (GET /v1/cases/{caseId}). */
    attachments?: AttachmentLink[];
  };

/** An evidence file as a case view lists it: never the file name. */
export interface AttachmentLink {
  id: string;
  contentType: string;
  size: number;
  /** Only when the malware scan passed. */
  url?: string;
  scan?: 'clean' | 'pending' | 'threat' | 'failed';
  addedBy?: 'citizen' | 'staff';
  action?: string;
}

export type OverdueView = Awaited<ReturnType<typeof overdueView>>;
export type OverdueItem = OverdueView['overdue'][number];
export type ReviewItem = OverdueView['reviews'][number];
export type UnitStats = Awaited<ReturnType<typeof unitStats>>;
export type UnitFigures = UnitStats['items'][number];
export interface Unit {
  code: string;
  name: string;
  nameEn?: string;
}

/** GET /v1/reports/disclosure-annual: the annual report's 依申请公开 table. */
export interface AnnualReport {
  year: number;
  columns: string[];
  columnLabels?: Record<string, Pair>;
  rows: { key: string; label: string; labelEn: string; level?: number; values: Record<string, number> }[];
}
