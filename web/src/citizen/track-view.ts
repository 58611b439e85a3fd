import { h } from 'preact';
import { formatDateTime } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { categoryLabel, ratingLabel, statusLabel } from '../lib/labels.ts';
import type { CitizenCase } from '../lib/types.ts';
import { DeadlineList } from '../ui/deadlines.ts';
import { Notice } from '../ui/feedback.ts';
import { Timeline } from '../ui/timeline.ts';
import { RatingForm } from './rating.ts';

interface Props {
  view: CitizenCase;
  accessCode: string;
  reload(): void;
}

/** One case as its reporter sees it: status, deadlines, result, history, rating. */
export function TrackView({ view, accessCode, reload }: Props) {
  return h(
    'article',
    { class: 'case', 'aria-labelledby': 'case-h' },
    h('h2', { id: 'case-h' }, t(`案件 ${view.trackingNo}`, `Case ${view.trackingNo}`)),
    h('p', { class: `status status-${view.status}` }, statusLabel(view.status)),
    view.escalated || view.overdue
      ? h(
          Notice,
          { kind: 'warn' },
          h('p', null, view.escalated
            ? t('本案已超过办理期限，已提交上级督办。', 'This case passed a deadline and has been escalated to the supervisor.')
            : t('本案已超过办理期限。', 'This case is past a deadline.')),
        )
      : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('主题', 'Subject')),
      h('dd', null, view.subject),
      h('dt', null, t('类别', 'Kind of breach')),
      h('dd', null, categoryLabel(view.category)),
      h('dt', null, t('收到时间', 'Received')),
      h('dd', null, formatDateTime(view.receivedAt)),
    ),
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
    view.rating ? h('p', { class: 'rated' }, t(`您的评价：${ratingLabel(view.rating)}`, `Your rating: ${ratingLabel(view.rating)}`)) : null,
    view.canRate ? h(RatingForm, { trackingNo: view.trackingNo, accessCode, onRated: reload }) : null,
    h('h3', null, t('办理期限', 'Deadlines')),
    h(DeadlineList, { items: view.deadlineDetails }),
    h('h3', null, t('办理记录', 'History')),
    h(Timeline, { items: view.history }),
  );
}
