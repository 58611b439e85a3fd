import { z } from 'zod';
import { coreActions } from './cases.ts';
import { complaintActions } from './complaints.ts';
import { disclosureActions } from './disclosure.ts';

/** POST /v1/cases/{caseId}/actions: every kind's actions; which are legal for a case is the domain's call (409). */
export const caseActionBody = z.discriminatedUnion('type', [...coreActions, ...complaintActions, ...disclosureActions]);
