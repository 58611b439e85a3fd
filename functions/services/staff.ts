import { DynamoStaffDirectory } from '../adapters/dynamodb/staff-directory.ts';
import type { CaseAction, CoreAction, StaffActor } from '../domain/index.ts';
import { logger } from '../shared/logger.ts';

/** Who staff are, as their sign-in said: used to reach an assigned handler by e-mail. */
export const staffDirectory = new DynamoStaffDirectory();

/** Best effort: a directory write must never fail the staff member's request. */
export async function rememberStaff(user: StaffActor & { email?: string }): Promise<void> {
  try {
    await staffDirectory.remember(user);
  } catch (error) {
    logger.warn('staff directory not updated', { errorName: (error as Error).name });
  }
}

/**
 * An assignment as the staff directory knows the assignee: their unit (which the domain checks
 * against the case's; never the request's word for it) and, without an address given, their
 * e-mail as their sign-in last gave it. Someone who never signed in has no known unit.
 */
export async function withAssigneeContact(action: CaseAction): Promise<CaseAction> {
  if (action.type !== 'assign') return action;
  const requested = { ...(action as Extract<CoreAction, { type: 'assign' }>) };
  delete requested.assigneeUnit;
  const profile = await staffDirectory.find(String(requested.assignee));
  if (!profile) return requested;
  return {
    ...requested,
    assigneeUnit: profile.unit,
    assigneeName: requested.assigneeName ?? profile.name,
    ...(!requested.assigneeEmail && profile.email ? { assigneeEmail: profile.email } : {}),
  };
}
