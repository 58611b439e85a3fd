import { h } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure, call } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLoad, useSubmit } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import { statusLabel } from '../lib/labels.ts';
import { Link, navigate } from '../lib/router.ts';
import { errorsByPath, Select, TextField } from '../ui/fields.ts';
import { ErrorBox, Loading, Notice } from '../ui/feedback.ts';
import { Title } from '../ui/layout.ts';
import { Markdown } from '../ui/markdown.ts';
import { isSupervisor, session } from './session.ts';

interface Row {
  caseId: string;
  status: string;
  unit: string;
  title?: string;
  opensAt?: string;
  closesAt?: string;
  overdue: boolean;
}

interface StaffConsultation extends Row {
  background: string;
  basis: string;
  content: string;
  allowedActions: string[];
  deadlines: Record<string, string | undefined>;
  escalated: boolean;
  report?: { counts: Record<string, number>; onTime: boolean };
}

interface StaffComment {
  commentId: string;
  trackingNo: string;
  text: string;
  status: string;
  receivedAt: string;
  publicName?: string;
  hidden?: { reason: string };
  conclusion?: { outcome?: string };
}

const OUTCOMES = [
  { value: 'adopted', label: () => t('采纳', 'Adopted') },
  { value: 'partly-adopted', label: () => t('部分采纳', 'Partly adopted') },
  { value: 'not-adopted', label: () => t('不予采纳', 'Not adopted') },
];

/** The unit's consultations (every unit's for supervisors) and the form to draft one. */
export function ConsultationsPage() {
  const user = session()!.user;
  const queue = isSupervisor(user) ? 'all' : 'unit';
  const list = useLoad(() => call<{ items: Row[] }>('GET', `/v1/cases?kind=consultation&queue=${queue}`, { staff: true }), []);
  return h(
    'div',
    null,
    h(Title, null, t('重大决策征求意见', 'Consultations')),
    h(Loading, { when: list.loading }),
    h(ErrorBox, { error: list.error }),
    h(
      'ul',
      { class: 'consultation-rows' },
      (list.data?.items ?? []).map((c) =>
        h(
          'li',
          { key: c.caseId },
          h(Link, { href: `/console/consultations/${c.caseId}` }, c.title ?? c.caseId),
          ' · ',
          h('span', { class: `status status-${c.status}` }, statusLabel('consultation', c.status)),
          c.overdue ? h('span', { class: 'badge overdue' }, t(' 逾期', ' overdue')) : null,
        ),
      ),
    ),
    h(DraftForm, { unit: user.unit }),
  );
}

function DraftForm({ unit }: { unit: string }) {
  const [f, setF] = useState({ title: '', background: '', basis: '', content: '', unit, opensAt: '', closesAt: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const { busy, failure, submit } = useSubmit(async () => {
    const body = { ...f, closesAt: f.closesAt || undefined };
    const created = await call<{ id: string }>('POST', '/v1/consultations', { body, staff: true });
    navigate(`/console/consultations/${created.id}`);
  });
  const errors = failure instanceof ApiFailure ? errorsByPath(failure.fields) : {};
  const field = (k: keyof typeof f, label: string, extra: Record<string, unknown> = {}) =>
    h(TextField, { path: k, label, value: f[k], onValue: set(k), error: errors[k], ...extra });
  return h(
    'form',
    { class: 'panel', onSubmit: submit, noValidate: true, 'aria-busy': busy },
    h('h2', null, t('起草征求意见稿', 'Draft a consultation')),
    h(ErrorBox, { error: failure }),
    field('title', t('标题', 'Title'), { required: true }),
    field('background', t('起草背景', 'Background'), { required: true, multiline: true, rows: 3 }),
    field('basis', t('起草依据', 'Basis'), { required: true, multiline: true, rows: 3 }),
    field('content', t('主要内容（支持 # 标题、- 列表、**加粗**）', 'Main content (# headings, - lists, **bold**)'), { required: true, multiline: true, rows: 8 }),
    field('unit', t('起草单位代码', 'Unit code'), { required: true }),
    field('opensAt', t('开始时间（如 2026-11-04 或 2026-11-04T09:00:00+08:00）', 'Opens (2026-11-04 or an ISO time)'), { required: true }),
    field('closesAt', t('截止时间（留空则按规定最长期限）', 'Closes (empty: the longest the policy allows)'), { required: false }),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary', disabled: busy }, t('保存草稿', 'Save draft'))),
  );
}

/** Approve (supervisor), moderate the comments, and publish the adoption report. */
export function ConsultationStaffPage({ id }: { id: string }) {
  const c = useLoad(() => call<StaffConsultation>('GET', `/v1/cases/${id}`, { staff: true }), [id]);
  const comments = useLoad(() => call<{ items: StaffComment[] }>('GET', `/v1/consultations/${id}/comments`, { staff: true }), [id]);
  const reload = () => (c.reload(), comments.reload());
  const approve = useSubmit(async () => {
    await call('POST', `/v1/consultations/${id}/actions`, { body: { type: 'approve' }, staff: true });
    reload();
  });
  const data = c.data;
  if (!data) return h('div', null, h(Loading, { when: c.loading }), h(ErrorBox, { error: c.error }));
  return h(
    'div',
    null,
    h(Title, null, data.title ?? id),
    h('p', { class: `status status-${data.status}` }, statusLabel('consultation', data.status)),
    h('p', { class: 'hint' }, `${formatDateTime(data.opensAt!)} – ${formatDateTime(data.closesAt!)}`),
    data.deadlines.reportDue ? h('p', { class: data.overdue ? 'overdue' : 'hint' }, t(`采纳情况公布期限：${formatDateTime(data.deadlines.reportDue)}`, `Report due ${formatDateTime(data.deadlines.reportDue)}`)) : null,
    data.escalated ? h(Notice, { kind: 'warn' }, t('公布意见采纳情况已逾期，已提请督办。', 'The report is overdue and has been escalated.')) : null,
    h(ErrorBox, { error: approve.failure }),
    data.allowedActions.includes('approve')
      ? h('p', { class: 'actions' }, h('button', { type: 'button', class: 'button primary', onClick: approve.submit, disabled: approve.busy }, t('审核同意发布', 'Approve')))
      : null,
    h('details', null, h('summary', null, t('征求意见稿', 'The draft')), h('p', null, data.background), h('p', null, data.basis), h(Markdown, { source: data.content })),
    h(Comments, { id, items: comments.data?.items ?? [], reload, canReport: data.allowedActions.includes('report'), published: !!data.report }),
  );
}

function HideButton({ id, comment, reload }: { id: string; comment: StaffComment; reload(): void }) {
  const [reason, setReason] = useState('');
  const hide = useSubmit(async () => {
    await call('POST', `/v1/consultations/${id}/actions`, { body: { type: 'hide', commentId: comment.commentId, reason }, staff: true });
    reload();
  });
  return h(
    'form',
    { class: 'inline-form', onSubmit: hide.submit },
    h(ErrorBox, { error: hide.failure }),
    h(TextField, { path: `hide-${comment.commentId}`, label: t('不予公开的理由', 'Reason to hide'), value: reason, onValue: setReason }),
    h('button', { type: 'submit', class: 'button', disabled: hide.busy }, t('不予公开', 'Hide')),
  );
}

function Comments({ id, items, reload, canReport, published }: { id: string; items: StaffComment[]; reload(): void; canReport: boolean; published: boolean }) {
  const [groups, setGroups] = useState([{ outcome: 'adopted', reason: '' }]);
  const [groupOf, setGroupOf] = useState<Record<string, string>>({});
  const report = useSubmit(async () => {
    const body = {
      items: groups
        .map((g, i) => ({ ...g, reason: g.reason.trim() || undefined, commentIds: items.filter((k) => groupOf[k.commentId] === String(i)).map((k) => k.commentId) }))
        .filter((g) => g.commentIds.length > 0),
    };
    await call('POST', `/v1/consultations/${id}/report`, { body, staff: true });
    reload();
  });
  const errors = report.failure instanceof ApiFailure ? errorsByPath(report.failure.fields) : {};
  const groupChoices = [{ value: '', label: t('不归组', 'No group') }, ...groups.map((_, i) => ({ value: String(i), label: t(`第 ${i + 1} 组`, `Group ${i + 1}`) }))];
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'comments-h' },
    h('h2', { id: 'comments-h' }, t(`收到的意见（${items.length} 条）`, `Comments (${items.length})`)),
    h(
      'ol',
      { class: 'staff-comments' },
      items.map((k) =>
        h(
          'li',
          { key: k.commentId, class: `comment comment-${k.status}` },
          h('p', { class: 'prose' }, k.text),
          h('p', { class: 'hint' }, `${k.trackingNo} · ${formatDateTime(k.receivedAt)} · ${statusLabel('comment', k.status)}${k.publicName ? ` · ${k.publicName}` : ''}${k.hidden ? ` · ${k.hidden.reason}` : ''}`),
          k.status === 'received' && !published ? h(HideButton, { id, comment: k, reload }) : null,
          canReport && k.status === 'received'
            ? h(Select, { path: `group-${k.commentId}`, label: t('归入', 'Group'), value: groupOf[k.commentId] ?? '', onValue: (v: string) => setGroupOf((g) => ({ ...g, [k.commentId]: v })), options: groupChoices })
            : null,
        ),
      ),
    ),
    canReport
      ? h(
          'form',
          { class: 'report-form', onSubmit: report.submit, noValidate: true },
          h('h3', null, t('公布意见采纳情况', 'Publish the adoption report')),
          h(ErrorBox, { error: report.failure }),
          groups.map((g, i) =>
            h(
              'fieldset',
              { key: i },
              h('legend', null, t(`第 ${i + 1} 组`, `Group ${i + 1}`)),
              h(Select, { path: `items.${i}.outcome`, label: t('采纳情况', 'Outcome'), value: g.outcome, onValue: (v: string) => setGroups((all) => all.map((x, j) => (j === i ? { ...x, outcome: v } : x))), options: OUTCOMES.map((o) => ({ value: o.value, label: o.label() })) }),
              h(TextField, { path: `items.${i}.reason`, label: t('理由（不予采纳必填）', 'Reason (required if not adopted)'), value: g.reason, onValue: (v: string) => setGroups((all) => all.map((x, j) => (j === i ? { ...x, reason: v } : x))), error: errors[`items.${i}.reason`], multiline: true, rows: 2 }),
            ),
          ),
          h(
            'p',
            { class: 'actions' },
            h('button', { type: 'button', class: 'button', onClick: () => setGroups((all) => [...all, { outcome: 'adopted', reason: '' }]) }, t('增加一组', 'Add a group')),
            ' ',
            h('button', { type: 'submit', class: 'button primary', disabled: report.busy }, t('公布', 'Publish')),
          ),
        )
      : null,
  );
}
