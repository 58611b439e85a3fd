import { receiveComplaint } from '../domain/index.ts';
import { splitComplaint } from '../shared/complaint-input.ts';
import { complaintBody } from '../shared/schemas/complaints.ts';
import { submissionRoute } from './submission.ts';

/** A citizen's complaint or report from the web form. */
export const handler = submissionRoute('complaint', complaintBody, splitComplaint, (facts) => (ctx) => receiveComplaint(facts, ctx) as never);
