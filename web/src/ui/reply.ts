import { h } from 'preact';
import { formatDateTime } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { outcomeLabel, subReasonLabel } from '../lib/labels.ts';
import type { Reply } from '../lib/types.ts';

/** A disclosure request's reply (or draft): outcome, legal ground, text, what was withheld. Text as text. */
export function ReplyView({ reply, at = true }: { reply: Omit<Reply, 'at'> & { at?: string }; at?: boolean }) {
  return h(
    'div',
    { class: 'reply' },
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('答复结果', 'Outcome')),
      h('dd', { class: 'reply-outcome' }, outcomeLabel(reply.outcome)),
      reply.subReason ? [h('dt', { key: 'st' }, t('理由', 'Ground')), h('dd', { key: 'sd', class: 'reply-sub' }, subReasonLabel(reply.outcome, reply.subReason))] : null,
      at && reply.at ? [h('dt', { key: 'at' }, t('答复时间', 'Replied')), h('dd', { key: 'ad' }, formatDateTime(reply.at))] : null,
    ),
    h('p', { class: 'prose reply-text' }, reply.text),
    reply.withheld
      ? h('div', { class: 'withheld' }, h('h4', null, t('不予公开的部分及理由', 'Parts withheld, and why')), h('p', { class: 'prose' }, reply.withheld))
      : null,
  );
}
