import * as z from 'zod';
import { ratings } from '../../domain/cases/model.ts';
import { MAX_SPAN_WORKING_DAYS } from '../../domain/cases/kind.ts';
import { caseKinds } from '../../domain/kinds.ts';
import { normaliseTrackingNo } from '../../domain/cases/tracking-number.ts';

/** What every kind's schemas share: text fields, ids, the core's actions, queues and queries. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());
export const optionalInput = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

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

export const caseListQuery = z.object({
  queue: z.enum(['mine', 'unit', 'all']).default('unit'),
  kind: z.enum(caseKinds as [string, ...string[]]).optional(),
  status: z.string().max(40).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  unit: z.string().max(50).optional(),
});

// A date (Shanghai) or an instant: `from=2026-01-01` means from that day's start, `to` to its end.
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const statsQuery = z.object({
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
});
