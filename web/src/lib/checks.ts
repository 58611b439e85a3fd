import { EMAIL_PATTERN, ID_NUMBER_PATTERN, messages, PHONE_PATTERN, type Name, type Text } from '../../../functions/shared/field-messages.ts';
import { ApiFailure, type FieldError } from './api.ts';

/**
 * One field's rules, checked in the page before anything is sent, with the API's own sentences
 * (functions/shared/field-messages.ts), so a citizen sees the same message either way.
 */
export interface Rule {
  path: string;
  name: Name;
  value: string | string[];
  /** `enter` for text, `choose` for a radio or select, `one` for a list of boxes. */
  required?: 'enter' | 'choose' | 'one';
  max?: number;
  format?: 'email' | 'phone' | 'idNumber';
  /** Skip this rule (a field hidden in the current state of the form). */
  when?: boolean;
}

function firstProblem(r: Rule): Text | undefined {
  const value = Array.isArray(r.value) ? r.value : r.value.trim();
  if (value.length === 0) {
    if (r.required === 'enter') return messages.required(r.name);
    if (r.required === 'choose') return messages.choose(r.name);
    if (r.required === 'one') return messages.chooseOne(r.name);
    return undefined;
  }
  if (typeof r.value === 'string' && r.max !== undefined && r.value.length > r.max) return messages.tooLong(r.name, r.max, r.value.length);
  if (typeof value === 'string' && r.format === 'email' && !EMAIL_PATTERN.test(value)) return messages.email();
  if (typeof value === 'string' && r.format === 'phone' && !PHONE_PATTERN.test(value)) return messages.phone();
  if (typeof value === 'string' && r.format === 'idNumber' && !ID_NUMBER_PATTERN.test(value)) return messages.idNumber();
  return undefined;
}

/** The form's errors in page order (the order of `rules`), as the validation failure the error summary shows; undefined when all pass. */
export function check(rules: Rule[], extra: FieldError[] = []): ApiFailure | undefined {
  const fields: FieldError[] = [];
  for (const r of rules) {
    if (r.when === false) continue;
    const problem = firstProblem(r);
    if (problem) fields.push({ path: r.path, message: problem.zh, messageEn: problem.en });
  }
  fields.push(...extra);
  return fields.length ? new ApiFailure(400, 'validation', '提交的内容有误，请检查标出的字段', 'There is a problem: check the fields marked below', fields) : undefined;
}
