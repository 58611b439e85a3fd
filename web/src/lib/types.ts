/**
 * The API's JSON shapes, taken from the functions that build them (type-only imports: nothing
 * of the server ends up in the bundle), so a changed view breaks the web build, not the page.
 */
import type { caseSummary, citizenView, staffView } from '../../../functions/domain/cases/views.ts';
import type { overdueView, unitStats } from '../../../functions/services/queries.ts';
import type { complaintReceipt } from '../../../functions/shared/schemas/complaints.ts';
import type { z } from 'zod';

export type Receipt = z.infer<typeof complaintReceipt>;
export type CitizenCase = ReturnType<typeof citizenView>;
export type StaffCase = ReturnType<typeof staffView>;
export type CaseRow = ReturnType<typeof caseSummary>;
export type DeadlineDetail = CitizenCase['deadlineDetails'][number];
export type OverdueView = Awaited<ReturnType<typeof overdueView>>;
export type OverdueItem = OverdueView['overdue'][number];
export type UnitStats = Awaited<ReturnType<typeof unitStats>>;
export type UnitFigures = UnitStats['items'][number];
export interface Unit {
  code: string;
  name: string;
}
