import type { CaseAction, StaffActor } from './actions.ts';
import type { ChangeBuilder } from './change.ts';
import type { KindDefinition } from './kind.ts';
import type { CaseRecord, DeadlineState, DomainContext } from './model.ts';

/**
 * A kind's behaviour beside its definition: the transitions of its own actions and what its
 * views and notices add. The core does everything every kind shares (checks, assign, note, urge,
 * extend, rating and review, warnings and escalations) and hands the rest to these.
 */
export interface KindRules<C extends CaseRecord = CaseRecord> {
  definition: KindDefinition;
  /** Applies one of the kind's own actions (already checked against status and group). */
  decide(b: ChangeBuilder<C>, action: CaseAction, user: StaffActor): void;
  /** A deadline whose definition says `expire` has passed. */
  expire?(b: ChangeBuilder<C>, deadline: DeadlineState): void;
  /** Whether an action the status allows makes sense now (for the console's buttons). */
  available?(c: C, type: string, ctx: Pick<DomainContext, 'calendar' | 'now'>): boolean;
  /** Template variables beyond the core's. Never the citizen's identity. */
  noticeVars(c: C): Record<string, string>;
  /** What the citizen sees of the kind's own facts (tracking page). */
  citizenFields(c: C): Record<string, unknown>;
  /** What staff see of them (case page; never the citizen's identity). */
  staffFields(c: C): Record<string, unknown>;
  /** What the queues show of them. */
  summaryFields(c: C): Record<string, unknown>;
}
