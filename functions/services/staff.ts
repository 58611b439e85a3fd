import { DynamoStaffDirectory } from '../adapters/dynamodb/staff-directory.ts';
import type { CaseAction, StaffActor } from '../domain/index.ts';
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

/** An assignment without an address goes to the assignee's e-mail as their sign-in last gave it. */
export async function withAssigneeContact(action: CaseAction): Promise<CaseAction> {
  if (action.type !== 'assign' || action.assigneeEmail) return action;
  const profile = await staffDirectory.find(String(action.assignee));
  if (!profile) return action;
  return {
    ...action,
    assigneeName: action.assigneeName ?? profile.name,
    ...(profile.email ? { assigneeEmail: profile.email } : {}),
  };
}
