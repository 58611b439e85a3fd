import { h } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLoad, useSubmit } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import { Link } from '../lib/router.ts';
import { TextField } from '../ui/fields.ts';
import { ErrorBox, Loading, Notice } from '../ui/feedback.ts';
import { Title } from '../ui/layout.ts';
import { fieldLabel, type ContactRequestItem } from './contact-panel.ts';
import { session } from './session.ts';

const caseStaff = () => Boolean(session()?.user.groups.some((g) => g !== 'custodian'));

export const isCustodian = (groups: readonly string[] | undefined) => Boolean(groups?.includes('custodian'));

/**
 * The identity custodian's queue (身份信息保管人): pending contact requests with who asks, for
 * which case and field, and why. Approve or refuse, with an optional comment; one's own request
 * cannot be decided here (the API refuses it too). Nothing here shows a value.
 */
export function ContactRequestsPage() {
  const list = useLoad(() => call<{ items: ContactRequestItem[] }>('GET', '/v1/contact-requests?status=pending', { staff: true }), []);
  const [done, setDone] = useState<string>();
  const items = list.data?.items ?? [];
  return h(
    'div',
    { class: 'contact-queue' },
    h(Title, null, t('联系方式查看申请', 'Contact requests')),
    h(
      'p',
      { class: 'hint' },
      t(
        '只批准有法定依据、确有必要且无法通过“转告当事人”解决的申请。批准后申请人可在 24 小时内查看一次所申请的一项信息。',
        'Approve only a request with a legal basis and a real need that the relay cannot meet. The requester may then see that one field once within 24 hours.',
      ),
    ),
    done ? h(Notice, { kind: 'ok' }, h('span', { role: 'status' }, done)) : null,
    h(Loading, { when: list.loading }),
    h(ErrorBox, { error: list.error }),
    list.data && !items.length ? h('p', { class: 'empty' }, t('没有待审批的申请。', 'No request waits for a decision.')) : null,
    h(
      'ul',
      { class: 'contact-queue-list' },
      items.map((r) => h(Decision, { key: r.requestId, r, onDone: (text: string) => (setDone(text), list.reload()) })),
    ),
  );
}

function Decision({ r, onDone }: { r: ContactRequestItem; onDone(text: string): void }) {
  const [comment, setComment] = useState('');
  const send = async (decision: 'approve' | 'refuse') => {
    await call('POST', `/v1/contact-requests/${encodeURIComponent(r.requestId)}/decision`, { staff: true, body: { decision, ...(comment.trim() ? { comment } : {}) } });
    onDone(decision === 'approve' ? t('已批准。', 'Approved.') : t('已拒绝。', 'Refused.'));
  };
  const approve = useSubmit(() => send('approve'));
  const refuse = useSubmit(() => send('refuse'));
  const busy = approve.busy || refuse.busy;
  return h(
    'li',
    { class: 'panel contact-decision' },
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('申请人', 'Asked by')),
      h('dd', { class: 'requester' }, `${r.requester.name}（${r.requester.unit}）`),
      h('dt', null, t('案件', 'Case')),
      // Custodians who also work on cases may open it; the custodian role alone does not see cases.
      h('dd', null, caseStaff() ? h(Link, { href: `/console/cases/${encodeURIComponent(r.caseId)}` }, t('查看案件', 'Open the case')) : h('code', null, r.caseId)),
      h('dt', null, t('申请查看', 'Field')),
      h('dd', { class: 'field-name' }, fieldLabel(r.field)),
      h('dt', null, t('理由', 'Reason')),
      h('dd', { class: 'prose reason' }, r.reason),
      h('dt', null, t('申请时间', 'Asked')),
      h('dd', null, formatDateTime(r.createdAt)),
    ),
    h(ErrorBox, { error: approve.failure ?? refuse.failure }),
    h(TextField, { path: `comment-${r.requestId}`, label: t('意见（选填）', 'Comment (optional)'), value: comment, onValue: setComment, maxLength: 1000 }),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary approve', disabled: busy, onClick: () => void approve.submit() }, t('批准', 'Approve')),
      ' ',
      h('button', { type: 'button', class: 'refuse', disabled: busy, onClick: () => void refuse.submit() }, t('拒绝', 'Refuse')),
    ),
  );
}
