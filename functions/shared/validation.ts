import * as z from 'zod';
import { ApiError, type FieldError } from './errors.ts';
import { fieldName, messages, type Text } from './field-messages.ts';

type Issue = z.core.$ZodIssue;

/**
 * A message a person understands, in Chinese and English, for one zod issue: one sentence per
 * rule that names the field (field-messages.ts), never a generic "此项必填" or "格式不正确".
 */
export function describeIssue(issue: Issue, path = issue.path.map(String).join('.')): Text {
  const custom = (issue as { params?: { zh?: string; en?: string } }).params;
  if (custom?.zh && custom.en) return { zh: custom.zh, en: custom.en };
  // Only refinements carry params; other checks keep just the message, the English text.
  const zh = BILINGUAL.get(issue.message);
  if (zh) return { zh, en: issue.message };
  const name = fieldName(path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return issue.expected === 'string' ? messages.required(name) : messages.choose(name);
      if (issue.expected === 'int' || issue.expected === 'number') return messages.wholeNumber(name);
      return messages.format(name);
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? messages.required(name) : messages.tooShort(name, Number(issue.minimum));
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) <= 1 ? messages.chooseOne(name) : messages.tooFew(name, Number(issue.minimum));
      return messages.atLeast(name, issue.minimum as number);
    case 'too_big':
      if (issue.origin === 'string') return messages.tooLong(name, Number(issue.maximum));
      if (issue.origin === 'array' || issue.origin === 'set') return messages.tooMany(name, Number(issue.maximum));
      return messages.atMost(name, issue.maximum as number);
    case 'invalid_format':
      if (issue.format === 'email') return messages.email();
      if (issue.format === 'date' || issue.format === 'datetime') return messages.date(name);
      if (issue.format === 'regex' && /^\/?\\S\/?$/.test(String((issue as { pattern?: unknown }).pattern))) return messages.required(name);
      return messages.format(name);
    case 'invalid_value':
      // zod leaves the input out of this issue: a missing and a wrong choice read the same.
      return messages.choose(name);
    case 'unrecognized_keys':
      return messages.unknownFields(issue.keys);
    case 'invalid_union':
      return messages.choose(name);
    default:
      return messages.format(name);
  }
}

/** Parses input with a zod schema or throws a 400 with one entry per field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => {
    const path = [where, ...issue.path.map(String)].filter(Boolean).join('.');
    const text = describeIssue(issue, path);
    return { path, message: text.zh, messageEn: text.en };
  });
  throw new ApiError('validation', '提交的内容有误，请检查标出的字段', 'Some fields are invalid; please check them', fields);
}

/** The Chinese of every message given with bilingual(), by its English. */
const BILINGUAL = new Map<string, string>();

/** A custom check message in both languages. */
export const bilingual = (zh: string, en: string) => {
  BILINGUAL.set(en, zh);
  return { message: en, params: { zh, en } };
};
