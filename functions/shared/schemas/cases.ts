import * as z from 'zod';
import { ratings } from '../../domain/cases/model.ts';
import { MAX_SPAN_WORKING_DAYS } from '../../domain/cases/kind.ts';
import { caseKinds } from '../../domain/kinds.ts';
import { normaliseTrackingNo } from '../../domain/cases/tracking-number.ts';
import { bilingual } from '../validation.ts';
import { messages, PHONE_PATTERN } from '../field-messages.ts';

/*
 * What every kind's schemas share: text fields, ids, the core's actions, queues and queries.
 *
 * Each rule is checked on the text as sent, so that JSON Schema (the OpenAPI document) can say
 * exactly the same: a length is the length sent, "required" means at least one non-space
 * character; the value kept is then trimmed.
 */
export const text = (max: number) =>
  // Blank text is missing text: validation.ts answers "请输入…" for this pattern.
  z.string().max(max).regex(/\S/).trim();
/** Optional text: left out, or blank (as a form sends an empty field), is absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => v.trim() || undefined)
    .optional();
/** The fields `optionalInput` made: openapi.ts writes each as `anyOf: [{const: ""}, …]`. */
export const emptyMeansAbsent = z.registry<Record<string, never>>();
/** An optional field that a form may send empty: "" is absent; anything else must be valid. The OpenAPI document says so. */
export const optionalInput = <T extends z.ZodType>(schema: T) => {
  const field = z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
  emptyMeansAbsent.add(field, {});
  return field;
};
/** A phone number as sent: digits, spaces and dashes, an optional leading "+"; kept trimmed. */
export const phoneNumber = z.string().regex(PHONE_PATTERN, bilingual(messages.phone().zh, messages.phone().en)).trim();
/** JSON Schema for a refinement zod cannot describe: at least one of `fields` given, non-blank. */
export const atLeastOneOf = (fields: string[]) => ({ anyOf: fields.map((f) => ({ required: [f], properties: { [f]: { pattern: '\\S' } } })) });

export const expectedVersion = z.int().min(1);
export const reason = text(1000);

/** Due times by the API's name for each deadline (`acceptanceDue`, `replyDue`, …): which ones depends on the kind. */
export const deadlinesSchema = z.record(z.string(), z.string().optional());

// Any string: an id that does not exist is a 404, whatever its shape.
export const caseIdParams = z.object({ caseId: z.string().trim().min(1).max(64) });
/** Tracking numbers are read as people type them (case, dash, spaces, full-width): normalised like access codes are. */
export const trackingParams = z.object({ trackingNo: z.string().trim().min(1).max(40).transform(normaliseTrackingNo) });

/** The core's actions, the same for every kind. The extension's caps are the kind's rule, checked by the domain. */
export const coreActions = [
  z.object({ type: z.literal('assign'), expectedVersion, assignee: text(100), assigneeName: optionalText(50), assigneeEmail: z.email().optional() }),
  z.object({ type: z.literal('extend'), expectedVersion, reason, workingDays: z.int().min(1).max(MAX_SPAN_WORKING_DAYS) }),
  z.object({ type: z.literal('note'), expectedVersion, text: text(2000) }),
  z.object({ type: z.literal('urge'), expectedVersion, text: optionalText(1000).default('请抓紧办理并按期答复') }),
  z.object({ type: z.literal('conclude-review'), expectedVersion, text: text(2000) }),
] as const;

export const ratingBody = z.object({ rating: z.enum(ratings), comment: optionalText(1000) });

const emptyIsMissing = (v: unknown) => (v === '' ? undefined : v);

/** GET /v1/cases: a queue, its filters and a page of it (the cursor from the previous answer). */
export const caseListQuery = z.object({
  queue: z.enum(['mine', 'unit', 'all']).default('unit'),
  kind: z.preprocess(emptyIsMissing, z.enum(caseKinds as [string, ...string[]]).optional()),
  status: z.preprocess(emptyIsMissing, z.string().max(40).optional()),
  overdue: z.enum(['true', 'false']).optional(),
  unit: z.preprocess(emptyIsMissing, z.string().max(50).optional()),
  /** `all` unless asked: the console's inbox asks for `open`. */
  state: z.enum(['open', 'closed', 'all']).default('all'),
  due: z.preprocess(emptyIsMissing, z.enum(['overdue', 'soon']).optional()),
  assignee: z.preprocess(emptyIsMissing, z.string().max(100).optional()),
  q: z.preprocess(emptyIsMissing, z.string().trim().max(100).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.preprocess(emptyIsMissing, z.string().max(2000).optional()),
});

// A date (Shanghai) or an instant: `from=2026-01-01` means from that day's start, `to` to its end.
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const statsQuery = z.object({
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
});
