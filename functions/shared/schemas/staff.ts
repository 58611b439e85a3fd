import * as z from 'zod';
import { bilingual } from '../validation.ts';
import { coreActions } from './cases.ts';
import { complaintActions, staffComplaintBody } from './complaints.ts';
import { disclosureActions, staffDisclosureRequestBody } from './disclosure.ts';

/** POST /v1/cases/{caseId}/actions: every kind's actions; which are legal for a case is the domain's call (409). */
export const caseActionBody = z.discriminatedUnion('type', [...coreActions, ...complaintActions, ...disclosureActions]).and(
  z.object({
    /** Upload ids (POST /v1/uploads) of documents that go with this action, e.g. the reply's; checked like a citizen's. */
    attachments: z.array(z.uuid()).max(5, bilingual('最多上传 5 个附件', 'At most 5 attachments')).optional(),
  }),
);

/** POST /v1/cases: a case entered by staff; without `kind`, a complaint (the contract's body). */
export const staffCaseBody = z.preprocess(
  (v) => (v && typeof v === 'object' && !('kind' in v) ? { ...v, kind: 'complaint' } : v),
  z.discriminatedUnion('kind', [staffComplaintBody.extend({ kind: z.literal('complaint') }), staffDisclosureRequestBody]),
);
