/** What staff can do to a complaint (POST /v1/cases/{caseId}/actions). */
export type CaseAction =
  | { type: 'assign'; assignee: string; assigneeName?: string; assigneeEmail?: string }
  | { type: 'accept'; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'transfer'; reason: string; toUnit?: string; toExternal?: string }
  | { type: 'extend'; reason: string; workingDays: number }
  | { type: 'dispose'; result: string }
  | { type: 'note'; text: string }
  | { type: 'urge'; text: string }
  | { type: 'conclude-review'; text: string };

export type CaseActionType = CaseAction['type'];

export interface StaffActor {
  sub: string;
  name: string;
  groups: string[];
  unit: string;
}

export const isSupervisor = (user: Pick<StaffActor, 'groups'>) => user.groups.includes('supervisor') || user.groups.includes('admin');

/** Staff see the cases of their own unit; supervisors and admins see every unit's. */
export const canSeeCase = (user: StaffActor, c: { unit: string }) => isSupervisor(user) || c.unit === user.unit;
