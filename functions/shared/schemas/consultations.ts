import * as z from 'zod';
import { commentOutcomeCodes } from '../../domain/consultations/definition.ts';
import { startOfDay, endOfDay, type CivilDate } from '../../domain/calendar/index.ts';
import { optionalInput, optionalText, reason, text } from './cases.ts';

/** A date (Shanghai) or an instant with its offset: a date opens at its start and closes at its end. */
const instant = (edge: 'start' | 'end') =>
  z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((v) => (v.length === 10 ? (edge === 'start' ? startOfDay(v as CivilDate) : endOfDay(v as CivilDate)) : v));

export const consultationParams = z.object({ id: z.string().trim().min(1).max(64) });

export const consultationBody = z.object({
  title: text(200),
  background: text(5000),
  basis: text(5000),
  content: text(50_000),
  unit: text(50),
  opensAt: instant('start'),
  closesAt: instant('end').optional(),
});

/** A comment: anonymous (anything identifying is dropped), or named with an optional e-mail for the report's notice. */
export const commentBody = z
  .object({
    text: text(5000),
    anonymous: z.boolean().default(true),
    name: optionalText(50),
    email: optionalInput(z.email().max(254)),
    publicityConsent: z.boolean().default(false),
  })
  .transform((c) => (c.anonymous ? { text: c.text, anonymous: true, publicityConsent: false } : c));

export const commentReceipt = z.object({ trackingNo: z.string(), accessCode: z.string() }).loose();

export const consultationActionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('approve') }),
  z.object({ type: z.literal('hide'), commentId: z.string().trim().min(1).max(64), reason }),
]);

export const reportBody = z.object({
  items: z
    .array(
      z.object({
        commentIds: z.array(z.string().trim().min(1).max(64)).min(1).max(10_000),
        outcome: z.enum(commentOutcomeCodes),
        reason: optionalText(2000),
      }),
    )
    .max(1000),
});
