import type { Category } from './categories.ts';
import type { CaseRecord } from '../cases/model.ts';
import type { ComplaintStatus } from './definition.ts';

/** The case-side facts of a complaint; the reporter's identity goes to the vault, not here. */
export interface ComplaintFacts {
  category: Category;
  subject: string;
  description: string;
  respondentUnit: string;
  wantsReply: boolean;
  anonymous: boolean;
  publicityConsent: boolean;
}

export interface ComplaintCase extends CaseRecord, ComplaintFacts {
  kind: 'complaint';
  status: ComplaintStatus;
  notAcceptedReason?: string;
  transfer?: { toUnit?: string; toExternal?: string; reason: string; at: string };
  result?: { text: string; at: string };
}
