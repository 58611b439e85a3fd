import * as z from 'zod';
import { categoryCodes } from '../../domain/complaints/categories.ts';
import { complaintStatuses } from '../../domain/complaints/definition.ts';
import { staffChannels } from '../../domain/cases/model.ts';
import { deadlinesSchema, expectedVersion, optionalText, reason, text } from './cases.ts';
import { bilingual } from '../validation.ts';


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
  /** Upload ids from POST /v1/uploads. */
  attachments: z.array(z.uuid()).max(5, bilingual('最多上传 5 个附件', 'At most 5 attachments')).optional(),
});

export const staffComplaintBody = complaintBody.extend({ channel: z.enum(staffChannels) });

export const complaintReceipt = z.object({
  trackingNo: z.string(),
  /** Shown once, in the first answer; a retried submission's answer has accessCodeShownOnce instead. */
  accessCode: z.string().optional(),
  accessCodeShownOnce: z.literal(true).optional(),
  kind: z.literal('complaint'),
  status: z.enum(complaintStatuses),
  receivedAt: z.string(),
  deadlines: deadlinesSchema,
  provisional: z.boolean(),
});

/** A complaint's own actions; the core's are in cases.ts. */
export const complaintActions = [
  z.object({ type: z.literal('accept'), expectedVersion, note: optionalText(2000) }),
  z.object({ type: z.literal('reject'), expectedVersion, reason }),
  z.object({ type: z.literal('transfer'), expectedVersion, reason, toUnit: optionalText(50), toExternal: optionalText(100) }),
  z.object({ type: z.literal('dispose'), expectedVersion, result: text(5000) }),
] as const;
