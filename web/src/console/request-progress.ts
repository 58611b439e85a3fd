import { h, type ComponentChildren } from 'preact';
import { formatDateTime, formatDue } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import type { StaffCase } from '../lib/types.ts';
import { ReplyView } from '../ui/reply.ts';

const STEP: Record<string, [string, string]> = {
  review: ['保密审查', 'confidentiality review'],
  approve: ['负责人签发', 'approval'],
  approval: ['负责人签发', 'approval'],
};
const stepText = (step: string) => (STEP[step] ? t(...STEP[step]!) : step);

function Block({ title, cls, children }: { title: string; cls: string; children?: ComponentChildren }) {
  return h('div', { class: `progress-block ${cls}` }, h('h3', null, title), children);
}

const line = (label: string, value: ComponentChildren, cls?: string) => [h('dt', { key: `${label}-t` }, label), h('dd', { key: `${label}-d`, class: cls }, value)];

/** What happened on a disclosure request: clarification, third party, the draft and its review, the reply. */
export function RequestProgress({ c }: { c: StaffCase }) {
  const { clarification: cl, thirdParty: tp, draft, returned, reply } = c;
  if (!cl && !tp && !draft && !returned && !reply) return null;
  return h(
    'section',
    { class: 'panel request-progress', 'aria-labelledby': 'progress-h' },
    h('h2', { id: 'progress-h' }, t('办理过程', 'Progress')),
    cl
      ? h(
          Block,
          { title: t('补正', 'Clarification'), cls: 'clarification' },
          h(
            'dl',
            { class: 'facts' },
            line(t('要求时间', 'Asked'), formatDateTime(cl.requestedAt)),
            line(t('补正要求', 'Asked for'), cl.text, 'prose'),
            line(t('补正期限', 'Answer due'), formatDue(cl.answerDue)),
            cl.answeredAt
              ? [line(t('补正时间', 'Answered'), formatDateTime(cl.answeredAt)), line(t('申请人补正', "Applicant's answer"), cl.answer ?? '', 'prose clarification-answer')]
              : line(t('状态', 'State'), t('等待申请人补正（答复期限暂停计算）', 'Waiting for the applicant (reply clock stopped)')),
          ),
        )
      : null,
    tp
      ? h(
          Block,
          { title: t('征求第三方意见', 'Third-party consultation'), cls: 'third-party' },
          h(
            'dl',
            { class: 'facts' },
            line(t('第三方', 'Third party'), tp.party),
            line(t('征求时间', 'Consulted'), formatDateTime(tp.consultedAt)),
            line(t('征求内容', 'Asked'), tp.text, 'prose'),
            tp.answeredAt
              ? [line(t('答复时间', 'Answered'), formatDateTime(tp.answeredAt)), line(t('第三方意见', 'Answer'), tp.answer ?? '', 'prose')]
              : tp.lapsed
                ? line(t('状态', 'State'), t('第三方逾期未提出意见', 'No answer in time'))
                : line(t('状态', 'State'), t('等待第三方意见（期间不计入答复期限）', 'Waiting (time not counted)')),
          ),
        )
      : null,
    returned
      ? h(
          'div',
          { class: 'notice notice-warn returned' },
          h('p', null, h('strong', null, t(`答复稿在${stepText(returned.step)}环节被退回修改`, `The draft was returned at ${stepText(returned.step)}`))),
          h('p', { class: 'prose' }, returned.comment),
          h('p', { class: 'hint' }, `${returned.by} · ${formatDateTime(returned.at)}`),
        )
      : null,
    draft && !reply
      ? h(
          Block,
          { title: t('答复稿', 'Draft reply'), cls: 'draft' },
          h('p', { class: 'hint' }, t(`${draft.by} 拟写于 ${formatDateTime(draft.at)}`, `Drafted by ${draft.by}, ${formatDateTime(draft.at)}`)),
          h(ReplyView, { reply: draft, at: false }),
          h('p', { class: 'review-state' }, reviewState(c)),
        )
      : null,
    reply
      ? h(
          Block,
          { title: t('已送达的答复', 'Reply sent'), cls: 'reply-sent' },
          h(ReplyView, { reply }),
        )
      : null,
  );
}

function reviewState(c: StaffCase): string {
  const review = c.draft?.review;
  if (review?.decision === 'approve') {
    const passed = t(`保密审查通过（${review.by}，${formatDateTime(review.at)}）`, `Passed the confidentiality review (${review.by}, ${formatDateTime(review.at)})`);
    return c.status === 'awaiting-approval' ? `${passed}${t('；待负责人签发', '; awaiting approval')}` : passed;
  }
  if (c.status === 'in-review') return t('待保密审查', 'Awaiting the confidentiality review');
  if (c.status === 'awaiting-approval') return t('待负责人签发', 'Awaiting approval');
  return '';
}
