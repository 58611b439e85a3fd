import type { CaseRecord } from '../cases/model.ts';
import type { CommentOutcome, CommentStatus, ConsultationStatus } from './definition.ts';

/** What staff write when drafting a consultation. */
export interface ConsultationDraft {
  title: string;
  background: string;
  basis: string;
  /** Markdown; rendered with every HTML character escaped (markdown.ts). */
  content: string;
  unit: string;
  opensAt: string;
  closesAt?: string;
}

/** The agency's policy (configured): the longest comment period and the adoption report's period, in working days. */
export interface ConsultationPolicy {
  maxOpenWorkingDays: number;
  reportWorkingDays: number;
}

/** Seed 000 第五条: no longer than 7 working days from publication; the report 7 working days after closing. */
export const DEFAULT_CONSULTATION_POLICY: ConsultationPolicy = { maxOpenWorkingDays: 7, reportWorkingDays: 7 };

export interface ReportItem {
  commentIds: string[];
  outcome: CommentOutcome;
  reason?: string;
}

export interface ReportCounts {
  received: number;
  hidden: number;
  published: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  /** Published comments no group answered. */
  unanswered: number;
}

export interface ConsultationCase extends CaseRecord {
  kind: 'consultation';
  status: ConsultationStatus;
  title: string;
  background: string;
  basis: string;
  content: string;
  opensAt: string;
  closesAt: string;
  /** The report's period as the policy said when it was drafted. */
  reportWorkingDays: number;
  approval?: { by: string; at: string };
  report?: { publishedAt: string; items: ReportItem[]; counts: ReportCounts; onTime: boolean };
}

/** The case-side facts of a comment; the commenter's name and e-mail go to the vault. */
export interface CommentFacts {
  consultationId: string;
  consultationTitle: string;
  text: string;
  anonymous: boolean;
  publicityConsent: boolean;
  /** Kept on the case only when the commenter consented to its publication. */
  publicName?: string;
}

export interface CommentCase extends CaseRecord, CommentFacts {
  kind: 'comment';
  status: CommentStatus;
  hidden?: { reason: string; at: string; by: string };
  conclusion?: { outcome?: CommentOutcome; reason?: string; group?: number; at: string };
}
