import { h } from 'preact';
import { formatDateTime, formatDue } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { categoryLabel, kindLabel, ratingLabel, statusLabel } from '../lib/labels.ts';
import type { CitizenCase } from '../lib/types.ts';
import { DeadlineList } from '../ui/deadlines.ts';
import { Notice } from '../ui/feedback.ts';
import { ReplyView } from '../ui/reply.ts';
import { Link } from '../lib/router.ts';
import { Timeline } from '../ui/timeline.ts';
import { AttachmentList } from '../ui/attachment-list.ts';
import { ClarificationForm } from './clarification.ts';
import { RatingForm } from './rating.ts';
import { TrackedDocuments } from './tracked-documents.ts';

interface Props {
  view: CitizenCase;
  accessCode: string;
  reload(): void;
}

/** A request's clarification asked for, and the box to answer it while it may be answered. */
function Clarification({ view, accessCode, reload }: Props) {
  const c = view.clarification;
  if (!c) return null;
  return h(
    'section',
    { class: 'result clarification', 'aria-labelledby': 'clarify-h' },
    h('h3', { id: 'clarify-h' }, t('补正要求', 'Clarification requested')),
    h('p', { class: 'prose clarification-text' }, c.text),
    c.answeredAt
      ? h('p', { class: 'done' }, t(`您已于 ${formatDateTime(c.answeredAt)} 提交补正。`, `You sent your clarification on ${formatDateTime(c.answeredAt)}.`))
      : h(
          'p',
          { class: 'hint' },
          t(
            `请于 ${formatDue(c.answerDue)} 前补正。逾期未补正的，视为放弃申请；补正期间答复期限暂停计算。`,
            `Please answer by ${formatDue(c.answerDue)}. Without an answer by then the request is treated as withdrawn; the reply period is paused meanwhile.`,
          ),
        ),
    view.canAnswerClarification ? h(ClarificationForm, { trackingNo: view.trackingNo, accessCode, onSent: reload }) : null,
  );
}

const outcomeText = (o?: string) =>
  o === 'adopted' ? t('采纳', 'Adopted') : o === 'partly-adopted' ? t('部分采纳', 'Partly adopted') : o === 'not-adopted' ? t('不予采纳', 'Not adopted') : t('已纳入意见采纳情况报告', 'Covered by the report');
/** The rating given, confirmed with its comment, and the supervision review it opened as a step. */
function Rated({ view }: { view: CitizenCase }) {
  const review = view.review;
  return h(
    'section',
    { class: 'result rating-given', 'aria-labelledby': 'rated-h' },
    h('h3', { id: 'rated-h' }, t('您的评价', 'Your rating')),
    h('p', { class: 'rated', role: 'status' }, t(`您的评价：${ratingLabel(view.rating!)}`, `Your rating: ${ratingLabel(view.rating!)}`)),
    view.ratedAt ? h('p', { class: 'hint' }, t(`已于 ${formatDateTime(view.ratedAt)} 收到您的评价，谢谢。`, `Received on ${formatDateTime(view.ratedAt)}. Thank you.`)) : null,
    view.ratingComment ? h('p', { class: 'prose rating-comment' }, t(`您的意见：${view.ratingComment}`, `Your comment: ${view.ratingComment}`)) : null,
    review
      ? h(
          'div',
          { class: `review-step ${review.concludedAt ? 'is-done' : 'is-open'}` },
          h('h4', null, t('督办复查', 'Supervision review')),
          review.concludedAt
            ? [
                h('p', { key: 's', class: 'review-status' }, t(`已作出复查结论（${formatDateTime(review.concludedAt)}）`, `Concluded on ${formatDateTime(review.concludedAt)}`)),
                h('p', { key: 'c', class: 'prose review-conclusion' }, review.conclusion ?? ''),
              ]
            : h(
                'p',
                { class: 'review-status' },
                t(
                  `您评价为“不满意”，已转上级督办复查，${review.dueDate ? `将于 ${formatDue(review.dueDate)} 前作出复查结论` : '将尽快作出复查结论'}。`,
                  `You were dissatisfied, so a supervisor is reviewing the case${review.dueDate ? ` and concludes by ${formatDue(review.dueDate)}` : ''}.`,
                ),
              ),
        )
      : null,
  );
}

/** One case as its reporter or applicant sees it: status, deadlines, result, history, rating. */
export function TrackView({ view, accessCode, reload }: Props) {
  const request = view.kind === 'disclosure-request';
  return h(
    'article',
    { class: 'case', 'aria-labelledby': 'case-h' },
    h('h2', { id: 'case-h' }, request ? t(`申请 ${view.trackingNo}`, `Request ${view.trackingNo}`) : t(`案件 ${view.trackingNo}`, `Case ${view.trackingNo}`)),
    h('p', { class: `status status-${view.status}` }, statusLabel(view.kind, view.status)),
    view.escalated || view.overdue
      ? h(
          Notice,
          { kind: 'warn' },
          h('p', null, view.escalated
            ? t('本案已超过办理期限，已提交上级督办。', 'This case passed a deadline and has been escalated to the supervisor.')
            : t('本案已超过办理期限。', 'This case is past a deadline.')),
        )
      : null,
    view.kind === 'comment'
      ? h(
          'dl',
          { class: 'facts' },
          h('dt', null, t('征求意见', 'Consultation')),
          h('dd', null, h(Link, { href: `/consultations/${view.consultationId}` }, view.consultationTitle ?? '')),
          h('dt', null, t('您的意见', 'Your comment')),
          h('dd', { class: 'prose' }, view.text ?? ''),
          h('dt', null, t('收到时间', 'Received')),
          h('dd', null, formatDateTime(view.receivedAt)),
          view.hidden ? [h('dt', { key: 'ht' }, t('未予公开的理由', 'Why it is not published')), h('dd', { key: 'hd' }, view.hidden.reason)] : null,
          view.conclusion
            ? [
                h('dt', { key: 'ct' }, t('采纳情况', 'Outcome')),
                h('dd', { key: 'cd', class: 'comment-outcome' }, [outcomeText(view.conclusion.outcome), view.conclusion.reason].filter(Boolean).join(t('：', ': '))),
              ]
            : null,
        )
      : request
      ? h(
          'dl',
          { class: 'facts' },
          h('dt', null, t('事项', 'Kind')),
          h('dd', null, kindLabel(view.kind)),
          h('dt', null, t('所需信息', 'Information requested')),
          h('dd', { class: 'prose' }, view.description ?? ''),
          h('dt', null, t('收到时间', 'Received')),
          h('dd', null, formatDateTime(view.receivedAt)),
        )
      : h(
          'dl',
          { class: 'facts' },
          h('dt', null, t('主题', 'Subject')),
          h('dd', null, view.subject ?? ''),
          h('dt', null, t('类别', 'Kind of breach')),
          h('dd', null, categoryLabel(view.category ?? '')),
          h('dt', null, t('收到时间', 'Received')),
          h('dd', null, formatDateTime(view.receivedAt)),
        ),
    h(AttachmentList, { items: view.attachments, title: t('附件材料', 'Files') }),
    h(Clarification, { view, accessCode, reload }),
    h(TrackedDocuments, { trackingNo: view.trackingNo, accessCode }),
    view.reply ? h('section', { class: 'result', 'aria-labelledby': 'reply-h' }, h('h3', { id: 'reply-h' }, t('答复', 'Reply')), h(ReplyView, { reply: view.reply })) : null,
    view.notAcceptedReason
      ? h('section', { class: 'result' }, h('h3', null, t('不予受理的理由', 'Why it was not accepted')), h('p', { class: 'prose' }, view.notAcceptedReason))
      : null,
    view.result
      ? h(
          'section',
          { class: 'result' },
          h('h3', null, t('处理结果', 'Result')),
          h('p', { class: 'prose' }, view.result),
          view.disposedAt ? h('p', { class: 'hint' }, t(`办结时间：${formatDateTime(view.disposedAt)}`, `Disposed: ${formatDateTime(view.disposedAt)}`)) : null,
        )
      : null,
    view.rating ? h(Rated, { view }) : null,
    view.canRate ? h(RatingForm, { trackingNo: view.trackingNo, accessCode, onRated: reload }) : null,
    h('h3', null, request ? t('答复期限', 'Deadlines') : t('办理期限', 'Deadlines')),
    h(DeadlineList, { kind: view.kind, items: view.deadlineDetails }),
    h('h3', null, t('办理记录', 'History')),
    h(Timeline, { kind: view.kind, items: view.history }),
  );
}
