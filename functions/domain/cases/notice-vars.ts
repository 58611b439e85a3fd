import type { KindRules } from './kind-rules.ts';
import type { CaseRecord, Unit } from './model.ts';

/** `acceptance` → `acceptanceDue`, `third-party` → `thirdPartyDue`: the API's and templates' name for a due date. */
export const dueKey = (deadline: string) => `${deadline.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())}Due`;

/**
 * The variables every notice template may use. Deliberately no citizen identity or contact:
 * notices to staff are rendered from these alone, so they cannot carry it.
 */
export function noticeVars<C extends CaseRecord>(c: C, units: Unit[], rules: KindRules<C>): Record<string, string> {
  const next = Object.values(c.deadlines)
    .filter((d) => d?.state === 'open' && !d.suspended)
    .sort((a, b) => a!.dueAt.localeCompare(b!.dueAt))[0];
  const dues = Object.fromEntries(Object.keys(rules.definition.deadlines).map((name) => [dueKey(name), c.deadlines[name]?.dueDate ?? '']));
  return {
    trackingNo: c.trackingNo,
    caseId: c.caseId,
    subject: c.subject,
    caseNoun: rules.definition.noun.zh,
    kindLabel: rules.definition.label.zh,
    citizenNoun: rules.definition.citizen.zh,
    unitName: units.find((u) => u.code === c.unit)?.name ?? c.unit,
    receivedDate: c.legalReceiptDate,
    assigneeName: c.assigneeName ?? '',
    ...dues,
    nextDue: next ? `${rules.definition.deadlines[next.name]?.label.zh ?? next.name} ${next.dueDate}` : '',
    ...rules.noticeVars(c),
  };
}
