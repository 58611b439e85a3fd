import * as z from 'zod';
import { bilingual } from '../validation.ts';

/** Four decimal digits, nothing else (no `0x7ED`, `2.029e3`, ` 2029`), then 2000–2100. */
export const yearParams = z.object({
  year: z.string().regex(/^(20\d\d|2100)$/, bilingual('年份应为 2000 至 2100 之间的四位数字', 'A year is four digits, 2000 to 2100')).transform(Number),
});

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const yearScheduleBody = z
  .object({
    holidays: z.array(civilDate).max(60),
    workdays: z.array(civilDate).max(20),
    names: z.record(civilDate, z.string().max(20)).optional(),
  })
  .strict();

export const yearScheduleResponse = z.object({
  year: z.number().int(),
  source: z.enum(['override', 'package', 'weekends-only']),
  provisional: z.boolean(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  loadedAt: z.string().optional(),
});
