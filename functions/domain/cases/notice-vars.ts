import { zhDate } from '../calendar/index.ts';
import type { KindRules } from './kind-rules.ts';
import type { CaseRecord, Unit } from './model.ts';

/** `acceptance` → `acceptanceDue`, `third-party` → `thirdPartyDue`: the API's and templates' name for a due date. */
export const dueKey = (deadline: string) => `${deadline.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())}Due`;

/**
 * A phrase someone typed, made to fit inside a sentence: trailing full stops, commas and the like
 * removed ("情况复杂。" in "因情况复杂。，" would read wrong).
 */
export function clause(text: string): string {
  return text.trim().replace(/[\s。．.，,；;：:！!？?、]+$/u, '');
}

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
    subject: clause(c.subject),
    caseNoun: rules.definition.noun.zh,
    kindLabel: rules.definition.label.zh,
    citizenNoun: rules.definition.citizen.zh,
    // A value with an English form carries it as `<name>En`: the English notices use it (functions/notices/render.ts).
    caseNounEn: rules.definition.noun.en,
    kindLabelEn: rules.definition.label.en,
    citizenNounEn: rules.definition.citizen.en,
    unitName: unitName(c, units),
    receivedDate: c.legalReceiptDate,
    assigneeName: c.assigneeName ?? '',
    // The salutation of a notice to staff: the unit, and the handler where there is one.
    addressee: c.assigneeName ? `${unitName(c, units)} ${c.assigneeName}` : unitName(c, units),
    ...dues,
    nextDue: next ? `${rules.definition.deadlines[next.name]?.label.zh ?? next.name}：${zhDate(next.dueDate)}` : '',
    ...rules.noticeVars(c),
  };
}

const unitName = (c: CaseRecord, units: Unit[]) => units.find((u) => u.code === c.unit)?.name ?? c.unit;
