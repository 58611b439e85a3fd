/**
 * What a case kind is: data the core reads to decide what is legal, when things fall due and how
 * to say so. A kind is one definition (this shape) plus the transitions of its own actions; the
 * store, the deadlines, the workflow, tracking, views and the console serve every kind from it.
 */
export interface Label {
  zh: string;
  en: string;
}

export const staffGroups = ['handler', 'supervisor', 'admin', 'security-officer', 'disclosure-head', 'custodian'] as const;
export type StaffGroup = (typeof staffGroups)[number];

export interface DeadlineDef {
  label: Label;
  /** Default length; an action may open it with its own (a clarification's answer period). */
  workingDays: number;
  /**
   * When it passes: `escalate` to the supervisors (督办) and stay overdue until acted on; or
   * `expire`, the kind's own consequence (e.g. a request closed for want of clarification).
   */
  onPassed: 'escalate' | 'expire';
  /** A reminder to the unit one working day before (not for periods the citizen or a third party holds). */
  warn: boolean;
  /** What its start date is, for the citizen's explanation, when it does not count from receipt. */
  startsFrom?: Label;
}

/** Who may extend which deadline, and by how much; `null` is "no cap". */
export interface ExtensionRule {
  deadline: string;
  groups: readonly StaffGroup[];
  maxPerExtension: number | null;
  maxTotal: number | null;
  maxCount: number | null;
}

export interface StatusDef {
  label: Label;
  /** The actions this status allows; anything else is a 409. */
  allows: readonly string[];
}

export interface ActionDef {
  label: Label;
  /** Staff groups that may take it (a 403 for anyone else). */
  groups: readonly StaffGroup[];
}

export interface EventDef {
  label: Label;
  /** Shown to the citizen on the tracking page. */
  public: boolean;
}

/** Notices the core sends for every kind, each a template file in functions/notices/templates. */
export type CoreNotice =
  | 'receipt'
  | 'new-case'
  | 'assignment'
  | 'warning'
  | 'escalation'
  | 'escalation-unit'
  | 'urge'
  | 'extended'
  | 'extended-unit'
  | 'review-opened'
  | 'review-concluded';

export interface KindDefinition<Status extends string = string> {
  kind: string;
  label: Label;
  /** The short noun notices use: 投诉 / 政府信息公开申请. */
  noun: Label;
  /** Who filed it: 投诉人 / 申请人. */
  citizen: Label;
  statuses: Record<Status, StatusDef>;
  actions: Record<string, ActionDef>;
  deadlines: Record<string, DeadlineDef>;
  /** Deadlines that start running at receipt. */
  openAtReceipt: readonly string[];
  extension: ExtensionRule;
  /** Statuses in which the citizen may rate the result (a dissatisfied rating opens a review). */
  ratableIn: readonly Status[];
  /** Groups that serve the whole agency for this kind: they see its cases in every unit. */
  agencyWide: readonly StaffGroup[];
  events: Record<string, EventDef>;
  /** `new-case` may be '' for none (a comment is seen on its consultation, not announced one by one). */
  templates: Record<CoreNotice, string>;
  /** The status a case starts in (default `received`; a consultation starts as a `draft`). */
  initialStatus?: Status;
  /** Statuses in which the workflow waits for an action although no deadline is open (a draft awaiting approval). */
  waitsIn?: readonly Status[];
  /**
   * Whether its cases stand on their own in the staff queues and the per-unit performance
   * figures (default true). Comments do not: staff see them on their consultation.
   */
  queued?: boolean;
}

/** No deadline spans more working days than a year has: a bound against absurd input, not a legal cap. */
export const MAX_SPAN_WORKING_DAYS = 250;
