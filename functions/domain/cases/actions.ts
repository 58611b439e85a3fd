import type { StaffGroup } from './kind.ts';

/** A staff action on a case (POST /v1/cases/{caseId}/actions): its type and the kind's fields. */
export interface CaseAction {
  type: string;
  [field: string]: unknown;
}

/** The core's own actions, the same for every kind. */
export type CoreAction =
  /**
   * `assigneeUnit` is the assignee's unit as the staff directory knows it (their last sign-in),
   * set by the service, never taken from the request: assignment is only within the case's unit.
   */
  | { type: 'assign'; assignee: string; assigneeName?: string; assigneeEmail?: string; assigneeUnit?: string }
  | { type: 'note'; text: string }
  | { type: 'urge'; text: string }
  | { type: 'extend'; reason: string; workingDays: number }
  | { type: 'conclude-review'; text: string };

export interface StaffActor {
  sub: string;
  name: string;
  groups: string[];
  unit: string;
}

export const isSupervisor = (user: Pick<StaffActor, 'groups'>) => user.groups.includes('supervisor') || user.groups.includes('admin');

export const inGroup = (user: Pick<StaffActor, 'groups'>, groups: readonly StaffGroup[]) => groups.some((g) => user.groups.includes(g));

/**
 * Staff see the cases of their own unit; supervisors and admins see every unit's; groups a kind
 * names agency-wide (the security officer and the disclosure head for requests) see all of that kind.
 */
export const canSeeCase = (user: StaffActor, c: { unit: string }, agencyWide: readonly StaffGroup[] = []) =>
  isSupervisor(user) || c.unit === user.unit || inGroup(user, agencyWide);
