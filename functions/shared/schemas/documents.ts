import * as z from 'zod';
import { caseIdParams, trackingParams } from './cases.ts';

/** Document ids are notice ids (`v3-accepted-reporter`): letters, digits and dashes. */
const documentId = z.string().trim().min(1).max(120).regex(/^[A-Za-z0-9-]+$/);

export const trackedDocumentParams = trackingParams.extend({ documentId });
export const caseDocumentParams = caseIdParams.extend({ documentId });

const summary = z.object({
  documentId: z.string(),
  documentNo: z.string(),
  title: z.string(),
  issuedDate: z.string(),
  language: z.enum(['zh', 'en']),
});

/** A case's official notices as issued, oldest first. */
export const documentList = z.object({ documents: z.array(summary) });

/** One official notice exactly as issued (stored once, never changed); the citizen's copy has no caseId. */
export const officialDocument = summary.extend({
  caseId: z.string().optional(),
  template: z.string(),
  series: z.object({ agency: z.string(), year: z.number().int(), kind: z.string() }),
  seq: z.number().int().positive(),
  issuedAt: z.string(),
  agencyName: z.string(),
  subject: z.string(),
  body: z.string(),
  basis: z.string(),
  remedy: z.string().optional(),
  contact: z.string(),
  seal: z.object({ agencyName: z.string(), date: z.string() }),
  text: z.string(),
});
