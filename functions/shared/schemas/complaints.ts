import * as z from 'zod';
import { categoryCodes } from '../../domain/complaints/categories.ts';
import { complaintStatuses } from '../../domain/complaints/definition.ts';
import { staffChannels } from '../../domain/cases/model.ts';
import { atLeastOneOf, deadlinesSchema, expectedVersion, optionalInput, optionalText, phoneNumber, reason, text } from './cases.ts';
import { bilingual } from '../validation.ts';
import { ID_NUMBER_PATTERN, messages } from '../field-messages.ts';


const anonymousReporter = z.object({
  anonymous: z.literal(true),
  // Anything else an anonymous reporter sends (a name typed before ticking "anonymous") is dropped.
});

const namedReporter = z
  .object({
    anonymous: z.literal(false),
    name: text(50),
    email: optionalInput(z.email().max(254)),
    phone: optionalInput(phoneNumber),
    workUnit: optionalText(100),
    address: optionalText(200),
    idNumber: optionalInput(z.string().regex(ID_NUMBER_PATTERN, bilingual(messages.idNumber().zh, messages.idNumber().en))),
    publicityConsent: z.boolean().default(false),
  })
  .refine((r) => r.email || r.phone, {
    path: ['email'],
    ...bilingual(messages.reporterContact().zh, messages.reporterContact().en),
  })
  .meta(atLeastOneOf(['email', 'phone']));

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
