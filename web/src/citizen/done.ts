import { h } from 'preact';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { deadlineLabel, dueKey, kindDef } from '../lib/labels.ts';
import { Link } from '../lib/router.ts';
import { AccessCodeField, CopyField } from '../ui/copy.ts';
import { Notice } from '../ui/feedback.ts';
import { Page, Title } from '../ui/layout.ts';
import { loadReceipt } from './receipt.ts';

/** What the dates mean, per kind, in a sentence. */
const EXPLAIN: Record<string, () => string> = {
  complaint: () =>
    t(
      '受理决定期限内，我们将决定是否受理（不予受理会说明理由）；需要转办的，在转办期限内转交有关单位；办结期限内作出处理。',
      'By the acceptance date we decide whether to accept (with reasons if not); if another unit is competent, the case is handed over by the transfer date; it is disposed of by the disposition date.',
    ),
  'disclosure-request': () =>
    t(
      '我们将在答复期限内答复您。申请内容不明确的，我们会在收到申请之日起 7 个工作日内请您补正，答复期限自收到补正之日起重新计算；需要征求第三方意见的，征求意见的时间不计入答复期限；需要延长的，经负责人同意可延长一次，最长 20 个工作日，并会告知您。请留意本网站的办理进度。',
      'We reply by the reply date. If the request is unclear we ask you to clarify it within 7 working days of receipt, and the 20 working days start again when your answer arrives; time spent consulting a third party is not counted; an extension of at most 20 working days needs the head of the office and you are told. Check the progress on this site.',
    ),
};

/** The confirmation after a submission (any kind): tracking number, the access code whole, due dates. */
export function ReceiptPage() {
  const receipt = loadReceipt();
  if (!receipt) {
    return h(
      Page,
      null,
      h(Title, null, t('没有找到提交记录', 'No submission found')),
      h('p', null, t('本页只在提交后、同一浏览器窗口中显示查询码。', 'This page shows the access code only right after submitting, in the same browser tab.')),
      h('p', null, h(Link, { href: '/track' }, t('查询办理进度', 'Follow a case'))),
    );
  }
  const def = kindDef(receipt.kind);
  const request = receipt.kind === 'disclosure-request';
  if (receipt.kind === 'comment') return h(CommentDone, { receipt });
  return h(
    Page,
    null,
    h(Title, null, t('提交成功', 'Submitted')),
    h(
      'p',
      null,
      request
        ? t(`我们已于 ${formatDateTime(receipt.receivedAt)} 收到您的政府信息公开申请。`, `We received your request for information on ${formatDateTime(receipt.receivedAt)}.`)
        : t(`我们已于 ${formatDateTime(receipt.receivedAt)} 收到您的投诉举报。`, `We received your report on ${formatDateTime(receipt.receivedAt)}.`),
    ),
    h(
      Notice,
      { kind: 'warn' },
      h('p', null, h('strong', null, t('请立即记下或复制查询编号和查询码。', 'Write down or copy the tracking number and access code now.'))),
      h(
        'p',
        null,
        request
          ? t(
              '查询码只显示这一次，丢失后无法找回，也无法重新发送。凭这两项可查询办理进度、补正申请、查看答复。',
              'The access code is shown only this once. It cannot be recovered or sent again. You need both to follow the request, clarify it if asked, and read the reply.',
            )
          : t(
              '查询码只显示这一次，丢失后无法找回，也无法重新发送。凭这两项可查询办理进度、查看结果并评价。',
              'The access code is shown only this once. It cannot be recovered or sent again. You need both to follow the case, see the result and rate it.',
            ),
      ),
    ),
    h(CopyField, { id: 'tracking-no', label: t('查询编号', 'Tracking number'), value: receipt.trackingNo }),
    receipt.accessCode ? h(AccessCodeField, { id: 'access-code', label: t('查询码', 'Access code'), value: receipt.accessCode, trackingNo: receipt.trackingNo }) : h(ShownBefore, null),
    receipt.emailGiven
      ? h(
          'p',
          { class: 'not-emailed' },
          t(
            '查询码不会通过电子邮件发送：我们发给您的收件回执只含查询编号。请现在复制、保存为图片或打印。',
            'The access code is not e-mailed: the acknowledgement we send you carries the tracking number only. Copy it, save it as an image or print it now.',
          ),
        )
      : null,
    h('h2', null, request ? t('答复期限', 'Reply due') : t('办理期限', 'Deadlines')),
    h(
      'dl',
      { class: 'deadline-summary' },
      def.openAtReceipt.map((name) => {
        const due = receipt.deadlines[dueKey(name)];
        const days = def.deadlines[name]?.workingDays ?? 0;
        if (!due) return null;
        return [
          h('dt', { key: `${name}-t` }, t(`${deadlineLabel(receipt.kind, name)}（${days} 个工作日）`, `${deadlineLabel(receipt.kind, name)} (${days} working days)`)),
          h('dd', { key: `${name}-d`, class: `due-${name}` }, formatDate(due)),
        ];
      }),
    ),
    receipt.provisional
      ? h('p', { class: 'hint' }, t('下一年度节假日安排尚未公布，期限暂按周末计算，可能调整。', "Next year's holiday schedule is not published yet: the dates count weekends only and may change."))
      : null,
    h('p', null, (EXPLAIN[receipt.kind] ?? EXPLAIN.complaint!)()),
    h(
      'p',
      { class: 'actions' },
      h(Link, { href: `/track?no=${encodeURIComponent(receipt.trackingNo)}`, class: 'button primary' }, request ? t('查询办理进度', 'Follow this request') : t('查询办理进度', 'Follow this case')),
    ),
  );
}

export const ComplaintDone = ReceiptPage;

/** A retried submission (the first answer was lost): the same case, but its code was shown the first time and is not kept. */
function ShownBefore() {
  return h(
    Notice,
    { kind: 'warn' },
    h(
      'p',
      { class: 'shown-before' },
      t(
        '这次提交与您刚才的提交相同，本机关只保留一件。查询码已在第一次提交时显示，本机关不保存查询码原文，无法再次显示。',
        'This was the same submission as before, kept once. Its access code was shown the first time; it is not stored, so it cannot be shown again.',
      ),
    ),
  );
}

/** After a comment: its tracking number and access code, to see later what became of it. */
function CommentDone({ receipt }: { receipt: NonNullable<ReturnType<typeof loadReceipt>> }) {
  return h(
    Page,
    null,
    h(Title, null, t('意见已提交', 'Comment sent')),
    h('p', null, t(`我们已于 ${formatDateTime(receipt.receivedAt)} 收到您的意见。`, `We received your comment on ${formatDateTime(receipt.receivedAt)}.`)),
    h(Notice, { kind: 'warn' }, h('p', null, t('查询码只显示这一次。凭查询编号和查询码，可在采纳情况公布后查看您的意见是否被采纳。', 'The access code is shown only this once. With both you can see what became of your comment once the report is published.'))),
    h(CopyField, { id: 'tracking-no', label: t('查询编号', 'Tracking number'), value: receipt.trackingNo }),
    receipt.accessCode ? h(CopyField, { id: 'access-code', label: t('查询码', 'Access code'), value: receipt.accessCode }) : h(ShownBefore, null),
    h('p', { class: 'actions' }, h(Link, { href: `/track?no=${encodeURIComponent(receipt.trackingNo)}`, class: 'button primary' }, t('查询意见处理情况', 'Follow this comment'))),
  );
}
