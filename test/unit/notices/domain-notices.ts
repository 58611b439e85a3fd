import { WorkingCalendar } from '../../../functions/domain/calendar/index.ts';
import {
  applyAction,
  escalateDeadline,
  rateCase,
  relay,
  answerClarification,
  receiveComplaint,
  receiveDisclosureRequest,
  receiveComment,
  receiveConsultation,
  reportConsultation,
  warnDeadline,
  DEFAULT_CONSULTATION_POLICY,
  type CommentCase,
  type ConsultationCase,
  type DisclosureRequestCase,
  type Change,
  type ComplaintCase,
  type NoticeIntent,
  type StaffActor,
  type Unit,
} from '../../../functions/domain/index.ts';

/**
 * Every notice the domain produces, obtained by running it, so template tests see exactly the
 * vars the real code passes (not a hand-written copy that could drift).
 */
export const units: Unit[] = [
  { code: 'office', name: '办公室', email: 'office@example.gov.cn' },
  { code: 'policy', name: '政策法规科', email: 'policy@example.gov.cn' },
  { code: 'finance', name: '财务科' },
];

const calendar = new WorkingCalendar();
const clerk: StaffActor = { sub: 'u-clerk', name: '王办事员', groups: ['handler'], unit: 'office' };
const supervisor: StaffActor = { sub: 'u-boss', name: '李督办', groups: ['supervisor'], unit: 'office' };
const at = (iso: string) => ({ now: new Date(iso), calendar, units });

export function newCase(caseId = 'case-1', opts: { anonymous?: boolean } = {}): Change<ComplaintCase> {
  const reporterRef = opts.anonymous ? undefined : 'ref-1';
  return receiveComplaint(
    {
      category: 'late-disclosure',
      subject: '财政预算未按期公开。',
      description: '2026 年部门预算至今未在网站公开。',
      respondentUnit: '某区财政局',
      wantsReply: true,
      anonymous: !reporterRef,
      publicityConsent: false,
    },
    {
      ...at('2026-03-02T02:00:00Z'),
      channel: 'web',
      intakeUnit: 'office',
      caseId,
      trackingNo: `TS20260302${caseId.replace(/\D/g, '').padStart(4, '0')}`,
      accessCodeHash: 'hash-not-a-code',
      ...(reporterRef ? { reporterRef } : {}),
      reporterReachable: !!reporterRef,
    },
  );
}

export function allDomainNotices(): NoticeIntent[] {
  const notices: NoticeIntent[] = [];
  const take = (change: Change<ComplaintCase> | undefined): ComplaintCase => {
    if (!change) throw new Error('the domain produced no change');
    notices.push(...change.notices);
    return change.next;
  };

  // Main path: receipt → warning → assignment → urge → extension → internal transfer → disposal →
  // dissatisfied rating → review concluded; then an escalation on a second case.
  let c = take(newCase());
  c = take(warnDeadline(c, 'acceptance', c.deadlines.acceptance!.dueAt, at('2026-03-03T02:00:00Z')));
  c = take(applyAction(c, { type: 'assign', assignee: 'u-zhang', assigneeName: '张承办', assigneeEmail: 'zhang@example.gov.cn', assigneeUnit: 'office' }, clerk, at('2026-03-03T03:00:00Z')));
  c = take(applyAction(c, { type: 'urge', text: '请于本周内答复。' }, supervisor, at('2026-03-03T04:00:00Z')));
  c = take(applyAction(c, { type: 'accept' }, clerk, at('2026-03-03T05:00:00Z')));
  c = take(applyAction(c, { type: 'extend', reason: '因需向多个部门核实，情况复杂。', workingDays: 10 }, clerk, at('2026-03-04T02:00:00Z')));
  c = take(applyAction(c, { type: 'transfer', toUnit: 'policy', reason: '属政策法规科职责' }, clerk, at('2026-03-05T02:00:00Z')));
  c = take(applyAction(c, { type: 'dispose', result: '已督促财政局在网站公开 2026 年部门预算。' }, { ...clerk, unit: 'policy' }, at('2026-03-10T02:00:00Z')));
  c = take(rateCase(c, 'dissatisfied', '公开内容不完整', at('2026-03-11T02:00:00Z')));
  take(applyAction(c, { type: 'conclude-review', text: '经复查，已责令补充公开预算说明。' }, supervisor, at('2026-03-12T02:00:00Z')));

  const late = take(newCase('case-2'));
  take(escalateDeadline(late, 'acceptance', late.deadlines.acceptance!.dueAt, at('2026-03-10T02:00:00Z')));

  const rejected = take(newCase('case-3'));
  take(applyAction(rejected, { type: 'reject', reason: '不属于政务公开投诉范围' }, clerk, at('2026-03-03T02:00:00Z')));

  const external = take(newCase('case-4'));
  take(applyAction(external, { type: 'transfer', toExternal: '市市场监督管理局', reason: '属市场监管事项' }, clerk, at('2026-03-03T02:00:00Z')));

  // A handler's message relayed to the citizen (contact by exception's alternative).
  take(relay(take(newCase('case-5')), clerk, '请补充被投诉单位的地址。', at('2026-03-03T02:00:00Z')));

  notices.push(...disclosureNotices(), ...consultationNotices());
  return notices;
}

const securityOfficer: StaffActor = { sub: 'u-sec', name: '周保密', groups: ['security-officer'], unit: 'office' };
const head: StaffActor = { sub: 'u-head', name: '吴主任', groups: ['disclosure-head'], unit: 'office' };

export function newRequest(caseId = 'req-1'): Change<DisclosureRequestCase> {
  return receiveDisclosureRequest(
    { applicantType: 'natural-person', description: '2025 年度本区道路维修工程的招标文件', formats: ['electronic'], delivery: 'email' },
    { ...at('2026-03-02T02:00:00Z'), channel: 'web', intakeUnit: 'office', caseId, trackingNo: `YS20260302${caseId.replace(/\D/g, '').padStart(4, '0')}`, accessCodeHash: 'h', reporterRef: 'ref-2', reporterReachable: true },
  );
}

/** Every notice a disclosure request's life produces: receipt, clarification, extension, lapsed third party, reply, closure. */
function disclosureNotices(): NoticeIntent[] {
  const notices: NoticeIntent[] = [];
  const take = (change: Change<DisclosureRequestCase> | undefined): DisclosureRequestCase => {
    if (!change) throw new Error('the domain produced no change');
    notices.push(...change.notices);
    return change.next;
  };
  let r = take(newRequest());
  r = take(applyAction(r, { type: 'request-clarification', text: '请写明所需招标文件的项目名称。', answerWithinWorkingDays: 10 }, clerk, at('2026-03-03T02:00:00Z')));
  r = take(answerClarification(r, '项目名称为“××路大修工程”。', at('2026-03-05T02:00:00Z')));
  r = take(applyAction(r, { type: 'extend', reason: '需调取历年档案；', workingDays: 15 }, head, at('2026-03-06T02:00:00Z')));
  r = take(applyAction(r, { type: 'consult-third-party', party: '××建设公司', text: '是否涉及商业秘密' }, clerk, at('2026-03-09T02:00:00Z')));
  r = take(escalateDeadline(r, 'third-party', r.deadlines['third-party']!.dueAt, at('2026-04-01T02:00:00Z')));
  r = take(applyAction(r, { type: 'draft-reply', outcome: 'partial', text: '予以公开招标文件。', withheld: '投标人报价明细涉及商业秘密。' }, clerk, at('2026-04-02T02:00:00Z')));
  r = take(applyAction(r, { type: 'review', decision: 'approve' }, securityOfficer, at('2026-04-02T03:00:00Z')));
  take(applyAction(r, { type: 'approve' }, head, at('2026-04-02T04:00:00Z')));

  let silent = take(newRequest('req-2'));
  silent = take(applyAction(silent, { type: 'request-clarification', text: '请明确所需信息。', answerWithinWorkingDays: 5 }, clerk, at('2026-03-03T02:00:00Z')));
  take(escalateDeadline(silent, 'clarification', silent.deadlines.clarification!.dueAt, at('2026-03-20T02:00:00Z')));
  return notices;
}

/** A consultation closing (the unit told the report is due) and a named commenter's receipt and report notice. */
function consultationNotices(): NoticeIntent[] {
  const intake = (caseId: string, iso: string, reachable: boolean) => ({
    ...at(iso), channel: 'web' as const, intakeUnit: 'office', caseId, trackingNo: `YJ20260302${caseId.replace(/\D/g, '').padStart(4, '0')}`, accessCodeHash: 'h', reporterReachable: reachable, ...(reachable ? { reporterRef: 'ref-3' } : {}),
  });
  const draft = { title: '停车收费标准调整方案', background: '背景', basis: '依据', content: '内容', unit: 'policy', opensAt: '2026-03-03T01:00:00Z' };
  let c: ConsultationCase = receiveConsultation(draft, DEFAULT_CONSULTATION_POLICY, intake('con-1', '2026-03-02T02:00:00Z', false)).next;
  c = applyAction(c, { type: 'approve' }, supervisor, at('2026-03-02T03:00:00Z')).next;
  c = escalateDeadline(c, 'opens', c.deadlines.opens!.dueAt, at('2026-03-03T02:00:00Z'))!.next;
  const received = receiveComment(c, { text: '建议延长免费时段', anonymous: false, publicityConsent: true, publicName: '李市民' }, intake('com-1', '2026-03-04T02:00:00Z', true));
  const closing = escalateDeadline(c, 'closes', c.deadlines.closes!.dueAt, at('2026-03-20T02:00:00Z'))!;
  const policyClerk = { ...clerk, unit: 'policy' };
  const report = reportConsultation(closing.next, [received.next as CommentCase], [{ commentIds: ['com-1'], outcome: 'not-adopted', reason: '与上位法不符' }], policyClerk, at('2026-03-23T02:00:00Z'));
  return [...received.notices, ...closing.notices, ...report.consultation.notices, ...report.comments.flatMap((k) => k.notices)];
}
