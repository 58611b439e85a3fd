import { h, type ComponentChildren } from 'preact';
import { call } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/hooks.ts';
import { ConsultationStaffPage } from './consultations.ts';
import { colon, t } from '../lib/i18n.ts';
import { applicantTypeLabel, categoryLabel, channelLabel, deliveryLabel, formatLabel, kindDef, kindLabel, ratingLabel, statusLabel } from '../lib/labels.ts';
import { tr } from '../lib/i18n.ts';
import { Link } from '../lib/router.ts';
import type { StaffCase } from '../lib/types.ts';
import { AttachmentList } from '../ui/attachment-list.ts';
import { DeadlineList, type DeadlineLike } from '../ui/deadlines.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { Title } from '../ui/layout.ts';
import { Timeline } from '../ui/timeline.ts';
import { RequestProgress } from './request-progress.ts';
import { RelayPanel } from './relay.ts';
import { ContactPanel } from './contact-panel.ts';
import { ActionPanel } from './action-panel.ts';
import { serverNow, syncClock } from './clock.ts';
import { unitName, useUnits } from './units.ts';
import { dueText } from './working-days.ts';
import { CaseDocuments } from './case-documents.ts';

async function loadCase(caseId: string): Promise<StaffCase> {
  const [c] = await Promise.all([call<StaffCase>('GET', `/v1/cases/${encodeURIComponent(caseId)}`, { staff: true }), syncClock()]);
  return c;
}

const yesNo = (v: boolean) => (v ? t('是', 'Yes') : t('否', 'No'));

/**
 * How the citizen of any kind gets the answer: by e-mail (sent by the system; staff never see the
 * address), or, without an e-mail address (phone only, anonymous), only on the tracking page.
 */
function AnswerRoute({ c }: { c: StaffCase }) {
  const who = tr(kindDef(c.kind).citizen);
  let text: string;
  let tone = '';
  if (c.wantsReply === false) {
    text = t(`${who}不需要答复：办理结果只在查询页面公开，${who}凭查询编号和查询码查看。`, `No reply wanted: the result is shown on the tracking page only.`);
  } else if (c.reporterReachable && c.reporterChannel === 'sms') {
    text = t(
      `${who}只留了电话：系统通过短信告知${who}办理进展（短信只含查询编号和查询页面，经办人看不到其号码），完整结果在查询页面向${who}公开。请把办理结果写完整、写清楚。`,
      `The ${who} left only a phone: the system texts them (the tracking number and page only; staff never see the number), and the full answer is on the tracking page. Write the result in full.`,
    );
  } else if (c.reporterReachable) {
    text = t(`办理结果和告知书由系统通过电子邮件发送给${who}（经办人看不到其邮箱）。`, `The result and notices are e-mailed to the ${who} by the system (staff never see the address).`);
  } else {
    tone = ' warn';
    text = t(
      `${who}未留电子邮箱（只留电话或匿名），系统无法发送邮件，经办人也看不到其电话：办理结果只在查询页面向${who}公开，${who}凭查询编号和查询码查看。请把办理结果写完整、写清楚。`,
      `The ${who} gave no e-mail address (phone only, or anonymous): nothing can be mailed, and staff cannot see the phone number. The answer reaches the ${who} only on the tracking page, with the tracking number and access code: write the result in full.`,
    );
  }
  return h('p', { class: `answer-route${tone}` }, h('strong', null, t('答复方式：', 'How this is answered: ')), text);
}

/** Citizen text (subject, description, result) is rendered as text nodes, never as HTML. */
function Content({ c, units }: { c: StaffCase; units: ReturnType<typeof useUnits>['data'] }) {
  if (c.kind === 'disclosure-request') return h(RequestContent, { c, units });
  return contentPanel(
    c,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('主题', 'Subject')),
      h('dd', { class: 'subject' }, c.subject),
      h('dt', null, t('类别', 'Kind of breach')),
      h('dd', null, categoryLabel(c.category ?? '')),
      h('dt', null, t('被投诉单位', 'Unit complained about')),
      h('dd', null, c.respondentUnit),
      ...receiptFacts(c, units),
      h('dt', null, t('投诉人', 'Reporter')),
      h(
        'dd',
        null,
        c.anonymous ? t('匿名', 'Anonymous') : t('实名（身份信息保密，不在此显示）', 'Named (identity kept confidential, not shown here)'),
        ' · ',
        t(`需要答复：${yesNo(!!c.wantsReply)}`, `Reply wanted: ${yesNo(!!c.wantsReply)}`),
        ' · ',
        t(`可邮件联系：${yesNo(!!c.reporterReachable)}`, `Reachable by e-mail: ${yesNo(!!c.reporterReachable)}`),
      ),
    ),
    h('h3', null, t('具体情况', 'Details')),
    h('p', { class: 'prose description' }, c.description),
    h(AttachmentList, { items: c.attachments, title: t('证据材料', 'Evidence files') }),
  );
}

/** The content panel every kind's case page opens with, titled by the kind. */
function contentPanel(c: StaffCase, ...children: ComponentChildren[]) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'content-h' },
    h('h2', { id: 'content-h' }, t(`${kindLabel(c.kind)}内容`, `The ${kindLabel(c.kind).toLowerCase()}`)),
    ...children,
  );
}

/** What every kind's case page lists alike: where it came from, when, and who has it. */
function receiptFacts(c: StaffCase, units: ReturnType<typeof useUnits>['data']) {
  return [
    h('dt', null, t('来源', 'Channel')),
    h('dd', null, channelLabel(c.channel ?? 'web')),
    h('dt', null, t('收到时间', 'Received')),
    h('dd', null, formatDateTime(c.receivedAt)),
    h('dt', null, t('承办单位', 'Unit in charge')),
    h('dd', null, unitName(units, c.unit)),
    h('dt', null, t('经办人', 'Handler')),
    h('dd', null, c.assigneeName ?? t('未分配', 'Unassigned')),
  ];
}

/** A disclosure request: who asks (type only; identity stays in the vault), what, in which form. */
function RequestContent({ c, units }: { c: StaffCase; units: ReturnType<typeof useUnits>['data'] }) {
  return contentPanel(
    c,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('申请人类型', 'Applicant type')),
      h('dd', { class: 'applicant-type' }, `${applicantTypeLabel(c.applicantType ?? '')}${t('（身份信息保密，不在此显示）', ' (identity kept confidential, not shown here)')}`),
      h('dt', null, t('载体形式', 'Format')),
      h('dd', null, (c.formats ?? []).map(formatLabel).join(t('、', ', '))),
      h('dt', null, t('获取方式', 'Delivery')),
      h('dd', null, c.delivery ? deliveryLabel(c.delivery) : '—'),
      ...receiptFacts(c, units),
    ),
    h('h3', null, t('所需政府信息', 'Information requested')),
    h('p', { class: 'prose description' }, c.description ?? ''),
    c.purpose ? [h('h3', { key: 'ph' }, t('用途', 'Purpose')), h('p', { key: 'pp', class: 'prose purpose' }, c.purpose)] : null,
    h(AttachmentList, { items: c.attachments, title: t('证据材料', 'Evidence files') }),
  );
}

function Outcome({ c, units }: { c: StaffCase; units: ReturnType<typeof useUnits>['data'] }) {
  const parts = [
    c.notAcceptedReason ? [t('不予受理理由', 'Reason for not accepting'), c.notAcceptedReason] : null,
    c.transfer ? [t('转办', 'Transfer'), `${c.transfer.toUnit ? unitName(units, c.transfer.toUnit) : c.transfer.toExternal}${colon()}${c.transfer.reason}`] : null,
    c.result ? [t('处理结果', 'Result'), c.result.text] : null,
    c.rating ? [t('投诉人评价', 'Rating'), `${ratingLabel(c.rating.rating)}${c.rating.comment ? `：${c.rating.comment}` : ''}`] : null,
    c.review?.conclusion ? [t('复查结论', 'Review conclusion'), c.review.conclusion] : null,
    ...(c.extensions ?? []).map((e) => [t('延期', 'Extension'), t(`${e.workingDays} 个工作日：${e.reason}`, `${e.workingDays} working days: ${e.reason}`)]),
  ].filter((p): p is string[] => p !== null);
  if (!parts.length) return null;
  return h(
    'section',
    { class: 'panel' },
    h('h2', null, t('办理情况', 'Outcome')),
    h('dl', { class: 'facts' }, parts.map(([k, v]) => [h('dt', null, k), h('dd', { class: 'prose' }, v)])),
  );
}

export function CasePage({ caseId }: { caseId: string }) {
  const loaded = useLoad(() => loadCase(caseId), [caseId]);
  const units = useUnits();
  const c = loaded.data;
  // A consultation (an escalation's link names it as a case) has its own page.
  if (c?.kind === 'consultation') return h(ConsultationStaffPage, { id: caseId });
  const now = serverNow();
  const left = (d: DeadlineLike) => {
    if (d.state !== 'open' || d.suspended) return null;
    const due = dueText(d.dueAt, d.overdue, now);
    return h('p', { class: `due tone-${due.tone}` }, due.text);
  };
  return h(
    'div',
    { class: 'case-page' },
    h('p', null, h(Link, { href: '/console' }, t('← 返回待办案件', '← Back to the inbox'))),
    h(Title, null, c ? t(`案件 ${c.trackingNo}`, `Case ${c.trackingNo}`) : t('案件', 'Case')),
    h(Loading, { when: loaded.loading }),
    h(ErrorBox, { error: loaded.error }),
    c
      ? h(
          'div',
          { class: 'case-grid' },
          h(
            'p',
            { class: 'case-flags' },
            h('span', { class: `kind kind-${c.kind}` }, kindLabel(c.kind)),
            h('span', { class: `status status-${c.status}` }, statusLabel(c.kind, c.status)),
            c.overdue ? h('span', { class: 'flag flag-bad' }, t('已逾期', 'Overdue')) : null,
            c.escalated ? h('span', { class: 'flag flag-bad' }, t('已提交督办', 'Escalated')) : null,
            c.urged ? h('span', { class: 'flag flag-warn' }, t('上级已督办', 'Urged')) : null,
          ),
          h(Content, { c, units: units.data }),
          h(AnswerRoute, { c }),
          // Second in the page so a phone reaches the buttons right after the complaint; a side column on wide screens.
          h(
            'div',
            { class: 'case-side' },
            // An action's answer carries no file links: keep the ones loaded with the case.
            h(ActionPanel, { c, units: units.data ?? [], onChanged: (next: StaffCase) => loaded.set({ attachments: c.attachments, ...next }), reload: loaded.reload }),
            h('section', { class: 'panel' }, h('h2', null, t('办理期限', 'Deadlines')), h(DeadlineList, { kind: c.kind, items: c.deadlineDetails, extra: left })),
          ),
          c.kind === 'disclosure-request' ? h(RequestProgress, { c }) : null,
          h(Outcome, { c, units: units.data }),
          h(RelayPanel, { c, onSent: loaded.reload }),
          h(ContactPanel, { c, onChanged: loaded.reload }),
          h(CaseDocuments, { caseId: c.caseId }),
          h('section', { class: 'panel case-history' }, h('h2', null, t('办理记录', 'History')), h(Timeline, { kind: c.kind, items: c.history })),
        )
      : null,
  );
}
