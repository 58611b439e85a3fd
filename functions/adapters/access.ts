/**
 * What a function's code does on AWS, declared beside its route (functions/http/routes.ts) or
 * workflow task (functions/workflow/tasks.ts). infra/ turns each declaration into exactly those
 * IAM statements and nothing else (least privilege), and test/infra checks that every declared
 * action is one the function's code can actually reach.
 *
 * The constants below name what each adapter call needs, so a declaration reads like the code
 * path it covers. Types only and plain data: nothing here is AWS code, and nothing imports infra.
 */
import type { ReporterIdentity } from '../domain/cases/ports.ts';

/** DynamoDB data-plane actions as IAM names them (a TransactWriteItems needs the action of each item). */
export type TableAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'Scan' | 'ConditionCheckItem';

/** Table ids of infra/tables.ts; the vault is reached only through `vault` access. */
export type TableId = 'Cases' | 'Calendar' | 'Idempotency';

export type ReporterField = keyof ReporterIdentity;

export type Access =
  /** These actions on the table itself (not its indexes). */
  | { table: TableId; actions: readonly TableAction[] }
  /** Query on one index of the table. */
  | { table: TableId; index: string }
  /**
   * `put`: store new reporter-vault items (PutItem, without reading back what it replaces) and
   * encrypt with the reporter key. `read`: read vault items and decrypt with the reporter key only
   * ciphertexts whose encryption context names one of `fields` (reporter-vault.ts: `field`).
   */
  | { vault: 'put' }
  | { vault: 'read'; fields: readonly ReporterField[] }
  /** `start`: StartExecution of the app's state machines; `resume`: SendTaskSuccess on a task token. */
  | { workflow: 'start' | 'resume' | 'reconcile' }
  /** Send mail: SES (global profile) or the SMTP credentials secret (China profile). */
  | { mail: 'send' }
  /** Send SMS: End User Messaging SendTextMessage (global profile); the agency's gateway needs no AWS right (China). */
  | { sms: 'send' }
  /**
   * Evidence attachments (functions/adapters/s3/attachments.ts): `upload` presigns POSTs that S3
   * runs with this function's rights (PutObject under uploads/, a data key from the attachments
   * key); `read` reads the scan tag and presigns GETs, which the bucket answers only for scanned,
   * clean files; `inspect` also reads a file's first bytes before any scan (magic bytes at
   * submission): its role carries ATTACHMENT_INSPECTOR_TAG, which the bucket policy exempts.
   */
  | { attachments: 'upload' | 'read' | 'inspect' };

/**
 * The principal tag that lets a role read an attachment not yet scanned clean (bucket policy,
 * infra/constructs/attachment-scan.ts): only the functions that check uploads at submission.
 */
export const ATTACHMENT_INSPECTOR_TAG = { key: 'disclosure-attachments', value: 'inspect' } as const;

const table = (id: TableId, ...actions: TableAction[]): Access => ({ table: id, actions });

/** DynamoCalendarStore.list (currentCalendar, describeYear): every function that computes deadlines. */
export const calendarList = table('Calendar', 'Scan');
/** DynamoCalendarStore.put. */
export const calendarPut = table('Calendar', 'PutItem');

/** DynamoCaseRepository get / findByTrackingNo / waitToken; DynamoStaffDirectory.find. */
export const caseGet = table('Cases', 'GetItem');
/** DynamoCaseRepository history / pendingNotices (Query on the case's partition). */
export const caseQuery = table('Cases', 'Query');
/**
 * DynamoCaseRepository create / commit (TransactWriteItems of conditional Puts: case, events,
 * notices, tracking number); DynamoStaffDirectory.remember.
 */
export const casePut = table('Cases', 'PutItem');
/**
 * DynamoCaseRepository create / commit of a change with official notices: the document-number
 * counter is read (GetItem) and moved on in the commit's transaction (UpdateItem).
 */
export const documentCounter = table('Cases', 'GetItem', 'UpdateItem');
/** DynamoCaseRepository documents / document (a Query of the case's partition, a GetItem). */
export const documentRead: readonly Access[] = [table('Cases', 'Query', 'GetItem')];
/** DynamoCaseRepository claimNotice / markNotice. */
export const noticeUpdate = table('Cases', 'UpdateItem');
/** DynamoCaseRepository.setWaitToken: a condition check on the case and a Put of the token. */
export const waitTokenPut = table('Cases', 'ConditionCheckItem', 'PutItem');
/** DynamoCaseRepository openByUnit / openReviews / byUnit / byAssignee. */
export const caseIndex = (index: 'openDeadlines' | 'openReviews' | 'byUnit' | 'byAssignee' | 'contactRequests'): Access => ({ table: 'Cases', index });

/** DynamoRateLimiter take / giveBack (conditional UpdateItem in the idempotency table). */
export const rateLimit = table('Idempotency', 'UpdateItem');

/** EncryptedReporterVault.put. */
export const vaultPut: Access = { vault: 'put' };
/** EncryptedReporterVault.get of these fields. */
export const vaultRead = (...fields: ReporterField[]): Access => ({ vault: 'read', fields });

/** StepFunctionsCaseWorkflow.start / resume. */
export const workflowStart: Access = { workflow: 'start' };
export const workflowResume: Access = { workflow: 'resume' };
/** `reconcile`: DescribeExecution of the app's executions and StartExecution of a fresh generation. */
export const workflowReconcile: Access = { workflow: 'reconcile' };

/** The Mailer port (SES or SMTP, see functions/adapters/mail.ts). */
export const mailSend: Access = { mail: 'send' };
/** The Sms port (End User Messaging or the agency's gateway, see functions/adapters/sms.ts). */
export const smsSend: Access = { sms: 'send' };

/** presignUpload (the browser's POST runs with these rights). */
export const attachmentsUpload: Access = { attachments: 'upload' };
/** attachmentLinks: each file's scan tag, and presigned GETs that run with these rights. */
export const attachmentsRead: Access = { attachments: 'read' };
/** inspectUpload: the first bytes and scan tag of a file not yet scanned (at submission). */
export const attachmentsInspect: Access = { attachments: 'inspect' };

/** DynamoContactRequests.save: a transaction of Puts (the request, its ledger line). */
export const contactSave = table('Cases', 'PutItem');
/** DynamoContactRequests.withStatus: Query on the contactRequests index. */
export const contactList = caseIndex('contactRequests');

/** Service-level building blocks, as the services call the adapters. */
/** services/complaints submitComplaint: calendar, vault, new case, start its workflow. */
export const submitCaseAccess: readonly Access[] = [calendarList, vaultPut, casePut, documentCounter, workflowStart];
/** services/complaints commitAndResume: conditional commit, then resume a waiting workflow. */
export const commitAndResumeAccess: readonly Access[] = [casePut, documentCounter, caseGet, workflowResume];
/** services/complaints caseWithHistory. */
export const caseWithHistoryAccess: readonly Access[] = [caseQuery, calendarList];
/** services/tracking trackCase: rate limit, then the tracking-number item and the case. */
export const trackCaseAccess: readonly Access[] = [rateLimit, caseGet];
/** services/deadline-timers fireTimer (Warn, Escalate): load, commit. */
export const fireTimerAccess: readonly Access[] = [caseGet, calendarList, casePut, documentCounter];
