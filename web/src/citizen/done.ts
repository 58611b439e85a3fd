import { h } from 'preact';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { deadlineLabel } from '../lib/labels.ts';
import { Link } from '../lib/router.ts';
import { CopyField } from '../ui/copy.ts';
import { Notice } from '../ui/feedback.ts';
import { Page, Title } from '../ui/layout.ts';
import { loadReceipt } from './receipt.ts';

const DEADLINES = [
  ['acceptanceDue', 'acceptance', 3],
  ['transferDue', 'transfer', 5],
  ['dispositionDue', 'disposition', 15],
] as const;

export function ComplaintDone() {
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
  return h(
    Page,
    null,
    h(Title, null, t('提交成功', 'Submitted')),
    h('p', null, t(`我们已于 ${formatDateTime(receipt.receivedAt)} 收到您的投诉举报。`, `We received your report on ${formatDateTime(receipt.receivedAt)}.`)),
    h(
      Notice,
      { kind: 'warn' },
      h('p', null, h('strong', null, t('请立即记下或复制查询编号和查询码。', 'Write down or copy the tracking number and access code now.'))),
      h(
        'p',
        null,
        t(
          '查询码只显示这一次，丢失后无法找回，也无法重新发送。凭这两项可查询办理进度、查看结果并评价。',
          'The access code is shown only this once. It cannot be recovered or sent again. You need both to follow the case, see the result and rate it.',
        ),
      ),
    ),
    h(CopyField, { id: 'tracking-no', label: t('查询编号', 'Tracking number'), value: receipt.trackingNo }),
    h(CopyField, { id: 'access-code', label: t('查询码', 'Access code'), value: receipt.accessCode }),
    h('h2', null, t('办理期限', 'Deadlines')),
    h(
      'dl',
      { class: 'deadline-summary' },
      DEADLINES.map(([key, name, days]) => {
        const due = receipt.deadlines[key];
        if (!due) return null;
        return [
          h('dt', { key: `${key}-t` }, t(`${deadlineLabel(name)}（${days} 个工作日）`, `${deadlineLabel(name)} (${days} working days)`)),
          h('dd', { key: `${key}-d` }, formatDate(due)),
        ];
      }),
    ),
    receipt.provisional
      ? h('p', { class: 'hint' }, t('下一年度节假日安排尚未公布，期限暂按周末计算，可能调整。', "Next year's holiday schedule is not published yet: the dates count weekends only and may change."))
      : null,
    h('p', null, t('受理决定期限内，我们将决定是否受理（不予受理会说明理由）；需要转办的，在转办期限内转交有关单位；办结期限内作出处理。', 'By the acceptance date we decide whether to accept (with reasons if not); if another unit is competent, the case is handed over by the transfer date; it is disposed of by the disposition date.')),
    h('p', { class: 'actions' }, h(Link, { href: `/track?no=${encodeURIComponent(receipt.trackingNo)}`, class: 'button primary' }, t('查询办理进度', 'Follow this case'))),
  );
}
