import * as z from 'zod';
import { contactFields } from '../../domain/cases/contact.ts';
import { optionalText, text } from './cases.ts';

export const contactRequestBody = z.object({ field: z.enum(contactFields), reason: text(1000) });
export const contactDecisionBody = z.object({ decision: z.enum(['approve', 'refuse']), comment: optionalText(1000) });
export const requestIdParams = z.object({ requestId: z.string().trim().min(1).max(64) });
export const relayBody = z.object({ text: text(2000) });
export const contactListQuery = z.object({ status: z.enum(['pending', 'approved', 'refused', 'revealed']).default('pending') });
