import type { z } from 'zod';
import type * as Schemas from '../shared/schemas/index.ts';
import type { StaffGroup } from '../domain/cases/kind.ts';
import {
  caseGet,
  caseIndex,
  casePut,
  caseWithHistoryAccess,
  calendarList,
  calendarPut,
  commitAndResumeAccess,
  submitCaseAccess,
  trackCaseAccess,
  contactSave,
  contactList,
  attachmentsUpload,
  attachmentsRead,
  attachmentsInspect,
  documentRead,
  vaultRead,
  workflowStart,
  type Access,
} from '../adapters/access.ts';

/**
 * The one list of HTTP routes. The CDK stack builds API Gateway routes from it and the local
 * runtime dispatches with it, so both serve exactly the same API.
 *
 * `handler` is the module path under functions/ whose `handler` export serves the route.
 * `auth: 'staff'` routes need a staff sign-in: the function itself verifies the JWT (Cognito on
 * AWS, the local issuer locally), so every error keeps the contract's JSON shape. Each staff
 * route names the groups it admits in `groups`, and the shared staff wrapper
 * (functions/shared/http.ts `staffRoute`) refuses anyone in none of them (403) before the handler
 * runs; the domain then checks each action's groups and the case's unit.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  auth: 'public' | 'staff';
  /** Staff routes: the groups admitted at all (required, non-empty; test/handlers/staff-groups checks every route). */
  groups?: readonly StaffGroup[];
  summary: string;
  /**
   * The same zod schemas the handler validates with, by name (functions/shared/schemas/index.ts):
   * the OpenAPI document is generated from them. Names, not the schemas themselves, so that the
   * registry, which every staff function loads for its groups, loads no schema.
   */
  schemas?: { body?: SchemaName; query?: SchemaName; params?: SchemaName; response?: SchemaName };
  /** Success status when not 200. */
  status?: number;
  /** Client errors the handler answers beyond those its wrapper and schemas imply (openapi.ts lists both). */
  errors?: readonly (409 | 410)[];
  /**
   * Everything the handler's code does on AWS (functions/adapters/access.ts): its function gets
   * exactly these rights and no others. Required, so a new route says what it touches; follow the
   * handler into the services and adapters it calls. Reporter identity: only intake may put into
   * the vault; only the notification task and the contact reveal may read (and decrypt) it.
   */
  access: readonly Access[];
}

/** A zod schema's export name in functions/shared/schemas/. */
export type SchemaName = { [K in keyof typeof Schemas]: (typeof Schemas)[K] extends z.ZodType ? K : never }[keyof typeof Schemas];

/** Everyone who works on cases: the domain decides per action and per unit what each may do. */
const CASE_STAFF: readonly StaffGroup[] = ['handler', 'supervisor', 'admin', 'security-officer', 'disclosure-head'];

export const routes: RouteDef[] = [
  { method: 'GET', path: '/v1/health', handler: 'http/health.ts', auth: 'public', summary: 'Liveness check', access: [] },
  { method: 'GET', path: '/v1/openapi.json', handler: 'http/openapi.ts', auth: 'public', summary: 'This API as OpenAPI 3.1', access: [] },
  {
    method: 'GET',
    path: '/v1/admin/calendars/{year}',
    handler: 'http/admin-calendar-get.ts',
    auth: 'staff', groups: CASE_STAFF,
    summary: "A year's working-day schedule in force (everyone who works on cases counts working days with it)",
    schemas: { params: 'yearParams', response: 'yearScheduleResponse' },
    access: [calendarList],
  },
  {
    method: 'PUT',
    path: '/v1/admin/calendars/{year}',
    handler: 'http/admin-calendar-put.ts',
    auth: 'staff', groups: ['admin'],
    summary: "Load a year's official schedule: public holidays and make-up working days (admin)",
    schemas: { params: 'yearParams', body: 'yearScheduleBody', response: 'yearScheduleResponse' },
    access: [calendarList, calendarPut],
  },
  { method: 'GET', path: '/v1/config', handler: 'http/public-config.ts', auth: 'public', summary: 'What the public pages need of this deployment: `sms` (whether a phone alone is enough to receive notices) and `agency` (name, hotline, office hours, privacy notice)', access: [] },
  { method: 'GET', path: '/v1/units', handler: 'http/units.ts', auth: 'public', summary: 'Units (codes and names)', access: [] },
  {
    method: 'POST',
    path: '/v1/complaints',
    handler: 'http/complaint-submit.ts',
    auth: 'public',
    summary: 'Submit a complaint or report (web form); Idempotency-Key makes a retry return the first answer',
    schemas: { body: 'complaintBody', response: 'complaintReceipt' },
    status: 201,
    access: [...submitCaseAccess, attachmentsInspect],
  },
  {
    method: 'POST',
    path: '/v1/disclosure-requests',
    handler: 'http/disclosure-submit.ts',
    auth: 'public',
    summary: 'Submit a disclosure request (依申请公开); Idempotency-Key makes a retry return the first answer',
    schemas: { body: 'disclosureRequestBody', response: 'disclosureReceipt' },
    status: 201,
    access: [...submitCaseAccess, attachmentsInspect],
  },
  {
    method: 'POST',
    path: '/v1/cases',
    handler: 'http/case-create.ts',
    auth: 'staff', groups: ['handler', 'supervisor', 'admin'],
    summary: 'Enter a complaint or a disclosure request received by letter, phone, fax, e-mail or visit (`kind`, default complaint)',
    schemas: { body: 'staffCaseBody' },
    status: 201,
    access: [...submitCaseAccess, attachmentsInspect],
  },
  { method: 'GET', path: '/v1/cases', handler: 'http/case-list.ts', auth: 'staff', groups: CASE_STAFF,
    summary: 'Case queues (mine, unit, all), a page at a time (`limit`, `cursor`), filtered by `kind`, `status`, `state` (open/closed/all), `due` (overdue/soon), `assignee` (me/none/an account) and `q` (a tracking number or words)',
    schemas: { query: 'caseListQuery' },
    // rememberStaff (casePut), queues by assignee or unit (open cases: openDeadlines), a tracking number (caseGet), the calendar.
    access: [casePut, caseGet, caseIndex('byAssignee'), caseIndex('byUnit'), caseIndex('openDeadlines'), calendarList],
  },
  { method: 'GET', path: '/v1/cases/{caseId}', handler: 'http/case-get.ts', auth: 'staff', groups: CASE_STAFF, summary: 'A case for staff (never the reporter identity)',
    schemas: { params: 'caseIdParams' },
    access: [caseGet, ...caseWithHistoryAccess, attachmentsRead],
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}/export',
    handler: 'http/case-export.ts',
    auth: 'staff',
    groups: ['handler', 'supervisor', 'admin'],
    summary: "A case's record for the archive: the staff view, its whole ledger and every attachment with a 15-minute link (JSON download; never the identity)",
    schemas: { params: 'caseIdParams' },
    access: [caseGet, ...caseWithHistoryAccess, attachmentsRead],
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/actions',
    handler: 'http/case-action.ts',
    auth: 'staff', groups: CASE_STAFF,
    summary:
      'Act on a case. Every kind: assign, note, urge, extend, conclude-review; complaints: accept, reject, transfer, dispose; disclosure requests: request-clarification, consult-third-party, third-party-answered, draft-reply, review, approve',
    schemas: { params: 'caseIdParams', body: 'caseActionBody' },
    // rememberStaff, loadCase, the assignee's directory entry, commitAndResume, caseWithHistory.
    access: [casePut, caseGet, calendarList, ...commitAndResumeAccess, ...caseWithHistoryAccess, attachmentsInspect],
  },
  {
    method: 'GET',
    path: '/v1/track/{trackingNo}',
    handler: 'http/track-get.ts',
    auth: 'public',
    summary: 'Follow a case with tracking number and X-Access-Code',
    schemas: { params: 'trackingParams' },
    access: [...trackCaseAccess, ...caseWithHistoryAccess, attachmentsRead],
  },
  {
    method: 'GET',
    path: '/v1/track/{trackingNo}/documents',
    handler: 'http/track-documents.ts',
    auth: 'public',
    summary: 'The official notices of a case (告知书, 答复书) as issued, with tracking number and X-Access-Code',
    schemas: { params: 'trackingParams', response: 'documentList' },
    access: [...trackCaseAccess, ...documentRead],
  },
  {
    method: 'GET',
    path: '/v1/track/{trackingNo}/documents/{documentId}',
    handler: 'http/track-document.ts',
    auth: 'public',
    summary: 'One official notice exactly as issued (number, date, text), for printing; tracking number and X-Access-Code',
    schemas: { params: 'trackedDocumentParams', response: 'officialDocument' },
    access: [...trackCaseAccess, ...documentRead],
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}/documents',
    handler: 'http/case-documents.ts',
    auth: 'staff', groups: CASE_STAFF,
    summary: 'The official notices of a case as issued (staff who can see the case)',
    schemas: { params: 'caseIdParams', response: 'documentList' },
    access: [caseGet, ...documentRead],
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}/documents/{documentId}',
    handler: 'http/case-document.ts',
    auth: 'staff', groups: CASE_STAFF,
    summary: 'One official notice exactly as issued, for reprinting (staff who can see the case)',
    schemas: { params: 'caseDocumentParams', response: 'officialDocument' },
    access: [caseGet, ...documentRead],
  },
  {
    method: 'POST',
    path: '/v1/track/{trackingNo}/rating',
    handler: 'http/track-rate.ts',
    auth: 'public',
    summary: 'Rate a disposed case',
    schemas: { params: 'trackingParams', body: 'ratingBody' },
    status: 201,
    // A dissatisfied rating starts the supervision review's workflow.
    access: [...trackCaseAccess, calendarList, ...commitAndResumeAccess, workflowStart],
  },
  { method: 'GET', path: '/v1/supervision/overdue', handler: 'http/supervision-overdue.ts', auth: 'staff', groups: ['supervisor', 'admin'], summary: 'Overdue and due-soon deadlines (supervisors)',
    access: [calendarList, caseIndex('openDeadlines'), caseIndex('openReviews')],
  },
  { method: 'GET', path: '/v1/stats', handler: 'http/stats.ts', auth: 'staff', groups: ['supervisor', 'admin', 'handler'], summary: 'Per-unit performance',
    schemas: { query: 'statsQuery' },
    access: [caseIndex('byUnit')],
  },
  {
    method: 'POST',
    path: '/v1/track/{trackingNo}/clarification',
    handler: 'http/track-clarification.ts',
    auth: 'public',
    summary: "The applicant's answer to a clarification request (补正): the reply deadline starts afresh",
    schemas: { params: 'trackingParams', body: 'clarificationBody' },
    status: 201,
    access: [...trackCaseAccess, calendarList, ...commitAndResumeAccess, attachmentsInspect],
  },
  {
    method: 'GET',
    path: '/v1/reports/disclosure-annual',
    handler: 'http/report-disclosure-annual.ts',
    auth: 'staff', groups: ['supervisor', 'admin', 'disclosure-head'],
    summary: "The annual report's 依申请公开 table by applicant type (JSON, or format=csv)",
    schemas: { query: 'annualReportQuery' },
    access: [caseIndex('byUnit')],
  },
  { method: 'GET', path: '/v1/consultations', handler: 'http/consultation-list.ts', auth: 'public', summary: 'Consultations on draft decisions (approved ones: upcoming, open, closed, reported)',
    // Every unit's cases from the unit index.
    access: [caseIndex('byUnit')],
  },
  { method: 'GET', path: '/v1/consultations/{id}', handler: 'http/consultation-get.ts', auth: 'public', summary: 'A consultation: the draft and, once reported, the adoption report',
    schemas: { params: 'consultationParams' },
    // The consultation; its comments from the unit index once reported.
    access: [caseGet, caseIndex('byUnit')],
  },
  {
    method: 'POST',
    path: '/v1/consultations/{id}/comments',
    handler: 'http/comment-submit.ts',
    auth: 'public',
    summary: 'Comment on an open consultation (409 when not open); Idempotency-Key makes a retry return the first answer',
    schemas: { params: 'consultationParams', body: 'commentBody', response: 'commentReceipt' },
    status: 201,
    access: [caseGet, ...submitCaseAccess],
  },
  {
    method: 'POST',
    path: '/v1/consultations',
    handler: 'http/consultation-create.ts',
    auth: 'staff',
    groups: ['handler', 'supervisor', 'admin'],
    summary: 'Draft a consultation (its unit; the closing time defaults to and may not pass the agency policy)',
    schemas: { body: 'consultationBody' },
    status: 201,
    // submitCase without identity: never the vault.
    access: [calendarList, casePut, workflowStart],
  },
  {
    method: 'POST',
    path: '/v1/consultations/{id}/actions',
    handler: 'http/consultation-action.ts',
    auth: 'staff',
    // Approval is the supervisor's; the domain says so (403) from the kind's definition.
    groups: ['handler', 'supervisor', 'admin'],
    summary: 'approve (supervisor; it then opens at opensAt by itself) or hide a comment with a reason',
    schemas: { params: 'consultationParams', body: 'consultationActionBody' },
    // loadConsultation and the comment, then actOnCase: rememberStaff, commitAndResume.
    access: [casePut, caseGet, calendarList, ...commitAndResumeAccess],
  },
  {
    method: 'GET',
    path: '/v1/consultations/{id}/comments',
    handler: 'http/consultation-comments.ts',
    auth: 'staff',
    groups: ['handler', 'supervisor', 'admin'],
    summary: "Every comment of a consultation with its commentId, hidden ones included (the unit's staff, supervisors)",
    schemas: { params: 'consultationParams' },
    access: [caseGet, caseIndex('byUnit')],
  },
  {
    method: 'POST',
    path: '/v1/consultations/{id}/report',
    handler: 'http/consultation-report.ts',
    auth: 'staff',
    groups: ['handler', 'supervisor', 'admin'],
    summary: 'Publish the adoption report: groups of comments, each adopted, partly-adopted or not-adopted (with a reason)',
    schemas: { params: 'consultationParams', body: 'reportBody' },
    // The consultation and its comments, each comment's and the consultation's conditional commit.
    access: [caseGet, calendarList, caseIndex('byUnit'), ...commitAndResumeAccess],
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/contact-requests',
    handler: 'http/contact-request.ts',
    auth: 'staff',
    groups: ['handler', 'supervisor', 'admin'],
    summary: "Ask to see one contact field of the case's citizen (email, phone, name, address) with a reason; a custodian decides",
    schemas: { params: 'caseIdParams', body: 'contactRequestBody' },
    status: 201,
    // The case (who may see it, is there a vault entry), the request and its ledger line.
    access: [caseGet, contactSave],
  },
  {
    method: 'GET',
    path: '/v1/contact-requests',
    handler: 'http/contact-list.ts',
    auth: 'staff',
    groups: ['custodian', 'handler', 'supervisor', 'admin'],
    summary: "Contact requests in one status (`status`, default pending) with reason and requester: every one for custodians (their queue), one's own for others",
    schemas: { query: 'contactListQuery' },
    access: [contactList],
  },
  {
    method: 'POST',
    path: '/v1/contact-requests/{requestId}/decision',
    handler: 'http/contact-decision.ts',
    auth: 'staff',
    groups: ['custodian'],
    summary: 'Approve or refuse a contact request (custodian; never your own)',
    schemas: { params: 'requestIdParams', body: 'contactDecisionBody' },
    access: [caseGet, contactSave],
  },
  {
    method: 'GET',
    path: '/v1/contact-requests/{requestId}/reveal',
    handler: 'http/contact-reveal.ts',
    auth: 'staff',
    groups: ['handler', 'supervisor', 'admin'],
    summary: 'The approved contact field, to the requesting handler only, once, within 24 hours of approval (then 410)',
    schemas: { params: 'requestIdParams' },
    // 409 before the custodian decided (or after a refusal), 410 once shown or expired.
    errors: [409, 410],
    // The request and the case, the reveal recorded, then the one approved field decrypted: the
    // only staff-facing function that may read the vault (contact fields only, never the ID number).
    access: [caseGet, contactSave, vaultRead('email', 'phone', 'name', 'address')],
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/relay',
    handler: 'http/case-relay.ts',
    auth: 'staff',
    groups: ['handler', 'supervisor', 'admin'],
    summary: 'Relay a message to the citizen by e-mail or SMS without revealing them; answers only "sent"',
    schemas: { params: 'caseIdParams', body: 'relayBody' },
    status: 201,
    access: [calendarList, ...commitAndResumeAccess],
  },
  {
    method: 'POST',
    path: '/v1/uploads',
    handler: 'http/upload-create.ts',
    auth: 'public',
    summary: 'A presigned POST for one evidence file (image/jpeg, image/png, application/pdf; at most 10 MB), sent straight to S3',
    schemas: { body: 'uploadBody', response: 'uploadTicket' },
    status: 201,
    access: [attachmentsUpload],
  },
];
