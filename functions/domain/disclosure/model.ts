import type { CaseRecord } from '../cases/model.ts';
import type { DisclosureStatus } from './definition.ts';
import type { ApplicantType, OutcomeCode } from './outcomes.ts';

/** The case-side facts of a request; the applicant's identity and contact go to the vault. */
export interface DisclosureFacts {
  applicantType: ApplicantType;
  /** 所需政府信息的名称、文号或特征描述. */
  description: string;
  purpose?: string;
  formats: string[];
  delivery: string;
}

export interface ReplyDecision {
  outcome: OutcomeCode;
  subReason?: string;
  text: string;
  /** For a partial disclosure or a refusal: what was withheld and on what ground. */
  withheld?: string;
}

export interface DisclosureRequestCase extends CaseRecord, DisclosureFacts {
  kind: 'disclosure-request';
  status: DisclosureStatus;
  clarification?: { requestedAt: string; text: string; answerDue: string; answeredAt?: string; answer?: string };
  thirdParty?: { party: string; text: string; consultedAt: string; answeredAt?: string; answer?: string; lapsed?: boolean };
  draft?: ReplyDecision & { by: string; bySub: string; at: string; review?: { decision: 'approve'; comment?: string; by: string; bySub: string; at: string } };
  returned?: { by: string; at: string; comment: string; step: 'review' | 'approval' };
  reply?: ReplyDecision & { at: string };
  /** How and when the request ended (replied, or closed for want of clarification): the annual report counts these. */
  conclusion?: { outcome: OutcomeCode; subReason?: string; at: string };
}
