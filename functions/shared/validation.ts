import * as z from 'zod';
import { ApiError, type FieldError } from './errors.ts';

type Issue = z.core.$ZodIssue;

const FORMAT_NAMES: Record<string, [string, string]> = {
  email: ['电子邮箱', 'e-mail address'],
  datetime: ['ISO 8601 时间', 'ISO 8601 time'],
  date: ['日期（YYYY-MM-DD）', 'date (YYYY-MM-DD)'],
  regex: ['规定格式', 'the required format'],
};

/** A message a person understands, in Chinese and English, for one zod issue. */
export function describeIssue(issue: Issue): { zh: string; en: string } {
  const custom = (issue as { params?: { zh?: string; en?: string } }).params;
  if (custom?.zh && custom.en) return { zh: custom.zh, en: custom.en };
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { zh: '此项必填', en: 'This field is required' }
        : { zh: `类型错误，应为 ${issue.expected}`, en: `Wrong type, expected ${issue.expected}` };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { zh: '此项必填', en: 'This field is required' };
      if (issue.origin === 'string') return { zh: `至少 ${issue.minimum} 个字符`, en: `At least ${issue.minimum} characters` };
      if (issue.origin === 'array') return { zh: `至少 ${issue.minimum} 项`, en: `At least ${issue.minimum} items` };
      return { zh: `不能小于 ${issue.minimum}`, en: `Must be at least ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { zh: `不能超过 ${issue.maximum} 个字符`, en: `At most ${issue.maximum} characters` };
      if (issue.origin === 'array') return { zh: `不能超过 ${issue.maximum} 项`, en: `At most ${issue.maximum} items` };
      return { zh: `不能大于 ${issue.maximum}`, en: `Must be at most ${issue.maximum}` };
    case 'invalid_format': {
      const [zh, en] = FORMAT_NAMES[issue.format] ?? [issue.format, issue.format];
      return { zh: `格式不正确，应为${zh}`, en: `Invalid format, expected ${en}` };
    }
    case 'invalid_value':
      return { zh: `取值无效，可选：${issue.values.map(String).join('、')}`, en: `Invalid value, one of: ${issue.values.map(String).join(', ')}` };
    case 'unrecognized_keys':
      return { zh: `不认识的字段：${issue.keys.join('、')}`, en: `Unknown fields: ${issue.keys.join(', ')}` };
    case 'invalid_union':
      return { zh: '内容不符合要求', en: 'Does not match any allowed form' };
    default:
      return { zh: issue.message, en: issue.message };
  }
}

/** Parses input with a zod schema or throws a 400 with one entry per field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => {
    const text = describeIssue(issue);
    const path = [where, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path, message: text.zh, messageEn: text.en };
  });
  throw new ApiError('validation', '提交的内容有误，请检查标出的字段', 'Some fields are invalid; please check them', fields);
}

/** A custom refinement message in both languages. */
export const bilingual = (zh: string, en: string) => ({ message: en, params: { zh, en } });
