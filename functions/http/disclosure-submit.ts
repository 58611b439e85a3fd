import { receiveDisclosureRequest } from '../domain/index.ts';
import { splitDisclosureRequest } from '../shared/disclosure-input.ts';
import { disclosureRequestBody } from '../shared/schemas/disclosure.ts';
import { submissionRoute } from './submission.ts';

/** A disclosure request (依申请公开) from the web form. */
export const handler = submissionRoute('disclosure-request', disclosureRequestBody, splitDisclosureRequest, (facts) => (ctx) => receiveDisclosureRequest(facts, ctx) as never);
