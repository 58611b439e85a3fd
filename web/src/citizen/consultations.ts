import { h } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure, call } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLoad, useSubmit } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import { newIdempotencyKey } from '../lib/ids.ts';
import { Link, navigate } from '../lib/router.ts';
import type { Receipt } from '../lib/types.ts';
import { Check, errorsByPath, TextField } from '../ui/fields.ts';
import { ErrorBox, Loading, Notice } from '../ui/feedback.ts';
import { Page, Title } from '../ui/layout.ts';
import { Markdown } from '../ui/markdown.ts';
import { saveReceipt } from './receipt.ts';

interface Item {
  id: string;
  title: string;
  summary: string;
  opensAt: string;
  closesAt: string;
  status: 'upcoming' | 'open' | 'closed' | 'reported';
}

interface PublicComment {
  text: string;
  name?: string;
}

interface Consultation extends Item {
  unitName: string;
  unitNameEn?: string;
  background: string;
  basis: string;
  content: string;
  acceptsComments: boolean;
  report?: {
    publishedAt: string;
    counts: { received: number; hidden: number; published: number; adopted: number; partlyAdopted: number; notAdopted: number };
    items: { outcome: string; outcomeLabel: { zh: string; en: string }; reason?: string; comments: PublicComment[] }[];
    otherComments: PublicComment[];
  };
}

export const consultationStatusLabel = (s: string) =>
  ({
    upcoming: t('即将开始', 'Opens soon'),
    open: t('征求意见中', 'Open for comments'),
    closed: t('已截止', 'Closed'),
    reported: t('已公布采纳情况', 'Report published'),
  })[s] ?? s;

const period = (c: Item) => t(`${formatDateTime(c.opensAt)} 至 ${formatDateTime(c.closesAt)}`, `${formatDateTime(c.opensAt)} to ${formatDateTime(c.closesAt)}`);

/** 重大决策征求意见: every published consultation, open ones first. */
export function ConsultationList() {
  const list = useLoad(() => call<{ items: Item[] }>('GET', '/v1/consultations'), []);
  const order = ['open', 'upcoming', 'closed', 'reported'];
  const items = [...(list.data?.items ?? [])].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  return h(
    Page,
    null,
    h(Title, null, t('重大决策征求意见', 'Consultations on draft decisions')),
    h(Loading, { when: list.loading }),
    h(ErrorBox, { error: list.error }),
    list.data && items.length === 0 ? h('p', null, t('目前没有征求意见的决策草案。', 'No draft decision is open for comments.')) : null,
    h(
      'ul',
      { class: 'cards consultations' },
      items.map((c) =>
        h(
          'li',
          { key: c.id, class: 'card' },
          h(
            Link,
            { href: `/consultations/${c.id}`, class: 'card-link' },
            h('h2', null, c.title),
            h('p', { class: `badge status-${c.status}` }, consultationStatusLabel(c.status)),
            h('p', null, c.summary),
            h('p', { class: 'hint' }, period(c)),
          ),
        ),
      ),
    ),
  );
}

function CommentForm({ id }: { id: string }) {
  const [text, setText] = useState('');
  const [named, setNamed] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const { busy, failure, submit } = useSubmit(async () => {
    const body = named ? { text, anonymous: false, name: name.trim() || undefined, email: email.trim() || undefined, publicityConsent: consent } : { text, anonymous: true };
    const receipt = await call<Receipt>('POST', `/v1/consultations/${id}/comments`, { body, headers: { 'Idempotency-Key': key } });
    saveReceipt({ ...receipt, kind: 'comment' });
    navigate('/consultations/done');
  });
  const errors = failure instanceof ApiFailure ? errorsByPath(failure.fields) : {};
  return h(
    'form',
    { onSubmit: submit, noValidate: true, 'aria-busy': busy, class: 'comment-form' },
    h('h2', null, t('发表意见', 'Comment')),
    h(ErrorBox, { error: failure }),
    h(TextField, { path: 'text', label: t('您的意见', 'Your comment'), value: text, onValue: setText, error: errors.text, required: true, multiline: true, maxLength: 5000, counter: true }),
    h(Check, { path: 'named', label: t('实名提交（可留下电子邮箱，采纳情况公布时通知您）', 'Give my name (and an e-mail to be told when the report is published)'), checked: named, onChange: setNamed }),
    named
      ? [
          h(TextField, { key: 'n', path: 'name', label: t('姓名', 'Name'), value: name, onValue: setName, error: errors.name, required: false, autoComplete: 'name' }),
          h(TextField, { key: 'e', path: 'email', label: t('电子邮箱', 'E-mail'), value: email, onValue: setEmail, error: errors.email, required: false, type: 'email', autoComplete: 'email' }),
          h(Check, { key: 'c', path: 'publicityConsent', label: t('同意在意见采纳情况中公布我的姓名', 'Publish my name with my comment in the report'), checked: consent, onChange: setConsent }),
        ]
      : null,
    h('p', { class: 'hint' }, t('未经您同意，不公布您的姓名；电子邮箱不公布。', 'Your name is published only with your consent; your e-mail never.')),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary', disabled: busy }, busy ? t('正在提交…', 'Sending…') : t('提交意见', 'Send comment'))),
  );
}

const commentLine = (c: PublicComment, i: number) => h('li', { key: i }, h('p', null, c.text), c.name ? h('p', { class: 'hint' }, `— ${c.name}`) : null);

function Report({ report }: { report: NonNullable<Consultation['report']> }) {
  const n = report.counts;
  return h(
    'section',
    { class: 'panel report', 'aria-labelledby': 'report-h' },
    h('h2', { id: 'report-h' }, t('意见采纳情况', 'How the comments were used')),
    h('p', { class: 'hint' }, t(`公布时间：${formatDateTime(report.publishedAt)}`, `Published ${formatDateTime(report.publishedAt)}`)),
    h(
      'dl',
      { class: 'report-counts' },
      [
        [t('收到意见', 'Received'), n.received],
        [t('未予公开', 'Not published'), n.hidden],
        [t('采纳', 'Adopted'), n.adopted],
        [t('部分采纳', 'Partly adopted'), n.partlyAdopted],
        [t('不予采纳', 'Not adopted'), n.notAdopted],
      ].map(([label, value]) => [h('dt', { key: `${label}t` }, label), h('dd', { key: `${label}d` }, String(value))]),
    ),
    report.items.map((item, i) =>
      h(
        'div',
        { key: i, class: `report-group outcome-${item.outcome}` },
        h('h3', null, t(item.outcomeLabel.zh, item.outcomeLabel.en)),
        item.reason ? h('p', null, t(`理由：${item.reason}`, `Reason: ${item.reason}`)) : null,
        h('ul', { class: 'comments' }, item.comments.map(commentLine)),
      ),
    ),
    report.otherComments.length ? h('div', { class: 'report-group' }, h('h3', null, t('其他意见', 'Other comments')), h('ul', { class: 'comments' }, report.otherComments.map(commentLine))) : null,
  );
}

/** One consultation: the draft, the comment form while open, the adoption report once published. */
export function ConsultationPage({ id }: { id: string }) {
  const loaded = useLoad(() => call<Consultation>('GET', `/v1/consultations/${id}`), [id]);
  const c = loaded.data;
  if (!c) return h(Page, null, h(Loading, { when: loaded.loading }), h(ErrorBox, { error: loaded.error }));
  return h(
    Page,
    null,
    h(Title, null, c.title),
    h('p', null, h('span', { class: `badge status-${c.status}` }, consultationStatusLabel(c.status)), ' ', t(c.unitName, c.unitNameEn ?? c.unitName)),
    h('p', { class: 'hint' }, t(`征求意见时间：${period(c)}`, `Comments: ${period(c)}`)),
    h('h2', null, t('起草背景', 'Background')),
    h('p', { class: 'prewrap' }, c.background),
    h('h2', null, t('起草依据', 'Basis')),
    h('p', { class: 'prewrap' }, c.basis),
    h('h2', null, t('主要内容', 'Main content')),
    h(Markdown, { source: c.content }),
    c.acceptsComments
      ? h(CommentForm, { id: c.id })
      : c.status === 'upcoming'
        ? h(Notice, null, t('征求意见尚未开始。', 'Comments open soon.'))
        : c.status === 'closed'
          ? h(Notice, null, t('征求意见已截止，意见采纳情况将在整理后公布。', 'Comments are closed; the report follows.'))
          : null,
    c.report ? h(Report, { report: c.report }) : null,
    h('p', null, h(Link, { href: '/consultations' }, t('返回征求意见列表', 'All consultations'))),
  );
}
