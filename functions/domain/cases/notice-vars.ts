import { categories } from './categories.ts';
import type { ComplaintCase, Unit } from './model.ts';

const DEADLINE_ZH = { acceptance: '受理', transfer: '转办', disposition: '办结', review: '督办复查' } as const;
export const deadlineZh = (name: keyof typeof DEADLINE_ZH) => DEADLINE_ZH[name];

/**
 * The variables every notice template may use. Deliberately no reporter identity or contact:
 * notices to staff are rendered from these alone, so they cannot carry it.
 */
export function noticeVars(c: ComplaintCase, ctx: { units: Unit[] }): Record<string, string> {
  return {
    trackingNo: c.trackingNo,
    caseId: c.caseId,
    subject: c.subject,
    category: categories.find((k) => k.code === c.category)?.zh ?? c.category,
    unitName: ctx.units.find((u) => u.code === c.unit)?.name ?? c.unit,
    receivedDate: c.legalReceiptDate,
    acceptanceDue: c.deadlines.acceptance?.dueDate ?? '',
    transferDue: c.deadlines.transfer?.dueDate ?? '',
    dispositionDue: c.deadlines.disposition?.dueDate ?? '',
    assigneeName: c.assigneeName ?? '',
  };
}
