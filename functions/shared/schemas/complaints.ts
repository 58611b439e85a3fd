import { z } from 'zod';
import { categoryCodes } from '../../domain/cases/categories.ts';
import { complaintStatuses, ratings, staffChannels } from '../../domain/cases/model.ts';
import { bilingual } from '../validation.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

const anonymousReporter = z.object({
  anonymous: z.literal(true),
  // Anything else an anonymous reporter sends (a name typed before ticking "anonymous") is dropped.
});

const namedReporter = z
  .object({
    anonymous: z.literal(false),
    name: text(50),
    email: z.preprocess((v) => (v === '' ? undefined : v), z.email().max(254).optional()),
    phone: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().trim().regex(/^\+?[0-9][0-9\s-]{4,19}$/, bilingual('电话号码格式不正确', 'Not a valid phone number')).optional(),
    ),
    workUnit: optionalText(100),
    address: optionalText(200),
    idNumber: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().trim().regex(/^\d{17}[\dXx]$/, bilingual('身份证号码应为 18 位', 'An ID number has 18 characters')).optional(),
    ),
    publicityConsent: z.boolean().default(false),
  })
  .refine((r) => r.email || r.phone, {
    path: ['email'],
    ...bilingual('实名投诉请至少填写电子邮箱或电话之一', 'A named report needs an e-mail address or a phone number'),
  });

export const reporterSchema = z.discriminatedUnion('anonymous', [anonymousReporter, namedReporter]);

export const complaintBody = z.object({
  category: z.enum(categoryCodes),
  subject: text(100),
  description: text(5000),
  respondentUnit: text(100),
  wantsReply: z.boolean().default(false),
  reporter: reporterSchema,
});

export const staffComplaintBody = complaintBody.extend({ channel: z.enum(staffChannels) });

export const deadlinesSchema = z.object({
  acceptanceDue: z.string().optional(),
  transferDue: z.string().optional(),
  dispositionDue: z.string().optional(),
  reviewDue: z.string().optional(),
});

export const complaintReceipt = z.object({
  trackingNo: z.string(),
  accessCode: z.string(),
  kind: z.literal('complaint'),
  status: z.enum(complaintStatuses),
  receivedAt: z.string(),
  deadlines: deadlinesSchema,
  provisional: z.boolean(),
});

// Any string: an id that does not exist is a 404, whatever its shape.
export const caseIdParams = z.object({ caseId: z.string().trim().min(1).max(64) });
export const trackingParams = z.object({ trackingNo: z.string().trim().min(1).max(40) });

const reason = text(1000);
export const caseActionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assign'), expectedVersion: z.int().min(1), assignee: text(100), assigneeName: optionalText(50), assigneeEmail: z.email().optional() }),
  z.object({ type: z.literal('accept'), expectedVersion: z.int().min(1), note: optionalText(2000) }),
  z.object({ type: z.literal('reject'), expectedVersion: z.int().min(1), reason }),
  z.object({ type: z.literal('transfer'), expectedVersion: z.int().min(1), reason, toUnit: optionalText(50), toExternal: optionalText(100) }),
  z.object({ type: z.literal('extend'), expectedVersion: z.int().min(1), reason, workingDays: z.int().min(1).max(60) }),
  z.object({ type: z.literal('dispose'), expectedVersion: z.int().min(1), result: text(5000) }),
  z.object({ type: z.literal('note'), expectedVersion: z.int().min(1), text: text(2000) }),
  z.object({ type: z.literal('urge'), expectedVersion: z.int().min(1), text: optionalText(1000).default('请抓紧办理并按期答复') }),
  z.object({ type: z.literal('conclude-review'), expectedVersion: z.int().min(1), text: text(2000) }),
]);

export const ratingBody = z.object({ rating: z.enum(ratings), comment: optionalText(1000) });

export const caseListQuery = z.object({
  queue: z.enum(['mine', 'unit', 'all']).default('unit'),
  status: z.enum(complaintStatuses).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  unit: z.string().max(50).optional(),
});

// A date (Shanghai) or an instant: `from=2026-01-01` means from that day's start, `to` to its end.
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const statsQuery = z.object({
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
});
