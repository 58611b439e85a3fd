import * as z from 'zod';
import { coreActions } from './cases.ts';
import { complaintActions, staffComplaintBody } from './complaints.ts';
import { disclosureActions, staffDisclosureRequestBody } from './disclosure.ts';

/** POST /v1/cases/{caseId}/actions: every kind's actions; which are legal for a case is the domain's call (409). */
export const caseActionBody = z.discriminatedUnion('type', [...coreActions, ...complaintActions, ...disclosureActions]);

/** POST /v1/cases: a case entered by staff; without `kind`, a complaint (the contract's body). */
export const staffCaseBody = z.preprocess(
  (v) => (v && typeof v === 'object' && !('kind' in v) ? { ...v, kind: 'complaint' } : v),
  z.discriminatedUnion('kind', [staffComplaintBody.extend({ kind: z.literal('complaint') }), staffDisclosureRequestBody]),
);
