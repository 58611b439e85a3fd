import * as z from 'zod';
import { staffChannels } from '../../domain/cases/model.ts';
import { disclosureStatuses } from '../../domain/disclosure/definition.ts';
import { applicantTypeCodes, deliveryCodes, formatCodes, outcomeCodes, subReasonCodes } from '../../domain/disclosure/outcomes.ts';
import { bilingual } from '../validation.ts';
import { messages } from '../field-messages.ts';
import { atLeastOneOf, deadlinesSchema, expectedVersion, optionalInput, optionalText, phoneNumber, text } from './cases.ts';

/** The applicant: a person or an organisation, always named (no anonymous requests), reachable somehow. */
const applicant = z
  .object({
    type: z.enum(applicantTypeCodes),
    name: text(100),
    idNumber: optionalInput(z.string().max(40).trim()),
    email: optionalInput(z.email().max(254)),
    phone: optionalInput(phoneNumber),
    address: optionalText(200),
  })
  .refine((a) => a.email || a.phone || a.address, {
    path: ['email'],
    ...bilingual(messages.applicantContact().zh, messages.applicantContact().en),
  })
  .meta(atLeastOneOf(['email', 'phone', 'address']));

export const disclosureRequestBody = z.object({
  applicant,
  description: text(5000),
  purpose: optionalText(1000),
  formats: z.array(z.enum(formatCodes)).min(1).max(formatCodes.length).default(['electronic']),
  delivery: z.enum(deliveryCodes).default('online'),
  /** Upload ids from POST /v1/uploads. */
  attachments: z.array(z.uuid()).max(5, bilingual('最多上传 5 个附件', 'At most 5 attachments')).optional(),
});

export const staffDisclosureRequestBody = disclosureRequestBody.extend({ kind: z.literal('disclosure-request'), channel: z.enum(staffChannels) });

export const disclosureReceipt = z.object({
  trackingNo: z.string(),
  /** Shown once, in the first answer; a retried submission's answer has accessCodeShownOnce instead. */
  accessCode: z.string().optional(),
  accessCodeShownOnce: z.literal(true).optional(),
  kind: z.literal('disclosure-request'),
  status: z.enum(disclosureStatuses),
  receivedAt: z.string(),
  deadlines: deadlinesSchema,
  provisional: z.boolean(),
});

export const clarificationBody = z.object({
  text: text(5000),
  /** Upload ids from POST /v1/uploads: documents that answer the request for clarification. */
  attachments: z.array(z.uuid()).max(5, bilingual('最多上传 5 个附件', 'At most 5 attachments')).optional(),
});

export const annualReportQuery = z.object({
  year: z.coerce.number().int().min(2008).max(2100),
  format: z.enum(['json', 'csv']).default('json'),
});

/** A request's own actions; the core's are in cases.ts. */
export const disclosureActions = [
  z.object({ type: z.literal('request-clarification'), expectedVersion, text: text(2000), answerWithinWorkingDays: z.int().min(1).max(30).default(10) }),
  z.object({ type: z.literal('consult-third-party'), expectedVersion, party: text(200), text: text(2000) }),
  z.object({ type: z.literal('third-party-answered'), expectedVersion, text: text(2000) }),
  z.object({ type: z.literal('draft-reply'), expectedVersion, outcome: z.enum(outcomeCodes), subReason: optionalInput(z.enum(subReasonCodes)), text: text(5000), withheld: optionalText(2000) }),
  z.object({ type: z.literal('review'), expectedVersion, decision: z.enum(['approve', 'return']), comment: optionalText(2000) }),
  z.object({ type: z.literal('approve'), expectedVersion, decision: z.enum(['approve', 'return']).default('approve'), comment: optionalText(2000) }),
] as const;
