import { h } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure, call } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLoad, useSubmit } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import type { StaffCase } from '../lib/types.ts';
import { errorsByPath, Select, TextField } from '../ui/fields.ts';
import { ErrorBox, Notice } from '../ui/feedback.ts';
import { session } from './session.ts';

export type ContactField = 'email' | 'phone' | 'name' | 'address';
export interface ContactRequestItem {
  requestId: string;
  caseId: string;
  field: ContactField;
  status: 'pending' | 'approved' | 'refused' | 'revealed';
  createdAt: string;
  expiresAt?: string;
  reason: string;
  requester: { name: string; unit: string };
}

export const fieldLabel = (f: ContactField) =>
  ({ email: t('电子邮箱', 'E-mail'), phone: t('电话', 'Phone'), name: t('姓名', 'Name'), address: t('通信地址', 'Postal address') })[f];

const REASON_MAX = 1000;

async function myRequests(caseId: string): Promise<ContactRequestItem[]> {
  const lists = await Promise.all(
    (['pending', 'approved'] as const).map((status) => call<{ items: ContactRequestItem[] }>('GET', `/v1/contact-requests?status=${status}`, { staff: true })),
  );
  return lists.flatMap((l) => l.items).filter((r) => r.caseId === caseId);
}

/**
 * 联系当事人（例外）: a handler with a lawful need asks to see one contact field of a named
 * citizen, with a reason; a custodian decides elsewhere (/console/contact-requests). An approval
 * lets the requester see the field once, within 24 hours: the value is shown here and kept
 * nowhere (not in the page's state after leaving, not in the case).
 */
export function ContactPanel({ c, onChanged }: { c: StaffCase; onChanged(): void }) {
  const user = session()?.user;
  const may = !c.anonymous && Boolean(user?.groups.some((g) => g === 'handler' || g === 'supervisor' || g === 'admin'));
  const mine = useLoad(() => (may ? myRequests(c.caseId) : Promise.resolve([])), [c.caseId, may]);
  const [field, setField] = useState<ContactField>('phone');
  const [reason, setReason] = useState('');
  const [revealed, setRevealed] = useState<{ requestId: string; field: ContactField; value: string | null }>();
  const file = useSubmit(async () => {
    if (!reason.trim()) throw new ApiFailure(400, 'validation', '', '', [{ path: 'contact-reason', message: '请说明理由', messageEn: 'Give the reason' }]);
    await call('POST', `/v1/cases/${encodeURIComponent(c.caseId)}/contact-requests`, { staff: true, body: { field, reason } });
    setReason('');
    mine.reload();
    onChanged();
  });
  const [revealing, setRevealing] = useState(false);
  const [revealFailure, setRevealFailure] = useState<unknown>();
  if (!may) return null;

  const show = async (r: ContactRequestItem) => {
    setRevealFailure(undefined);
    setRevealing(true);
    try {
      const res = await call<{ field: ContactField; value: string | null }>('GET', `/v1/contact-requests/${encodeURIComponent(r.requestId)}/reveal`, { staff: true });
      setRevealed({ requestId: r.requestId, ...res });
    } catch (err) {
      setRevealFailure(err);
    } finally {
      setRevealing(false);
      mine.reload();
      onChanged();
    }
  };
  const errors = file.failure instanceof ApiFailure ? errorsByPath(file.failure.fields.map((f) => (f.path === 'reason' ? { ...f, path: 'contact-reason' } : f))) : {};
  const items = mine.data ?? [];
  return h(
    'section',
    { class: 'panel contact-requests', 'aria-labelledby': 'contact-h' },
    h('h2', { id: 'contact-h' }, t('申请查看联系方式', 'Ask to see a contact detail')),
    h(
      'p',
      { class: 'hint' },
      t(
        '身份信息严格保密。确有依法联系的必要时，说明理由提出申请，由身份信息保管人审批；批准后 24 小时内仅可查看一次，申请、审批和查看均记入台账。能用“转告当事人”的，请优先转告。',
        'Identity is kept confidential. Where you lawfully must contact the citizen, give the reason; the identity custodian decides. An approval shows the field once within 24 hours; every step is in the ledger. Prefer the relay where it will do.',
      ),
    ),
    revealed
      ? h(
          Notice,
          { kind: 'warn' },
          h('p', { class: 'revealed', role: 'status' }, `${fieldLabel(revealed.field)}：`, h('strong', { class: 'revealed-value' }, revealed.value ?? t('（未留）', '(none given)'))),
          h('p', { class: 'hint' }, t('仅显示这一次，离开本页后不再显示；请勿记录在案件中。', 'Shown this once only; it is gone when you leave the page. Do not copy it into the case.')),
        )
      : null,
    h(ErrorBox, { error: revealFailure ?? mine.error }),
    items.length
      ? h(
          'ul',
          { class: 'contact-request-list' },
          items.map((r) =>
            h(
              'li',
              { key: r.requestId, class: `contact-request status-${r.status}` },
              h('span', null, `${fieldLabel(r.field)} · ${formatDateTime(r.createdAt)} · `),
              r.status === 'pending'
                ? h('span', { class: 'state' }, t('待保管人审批', 'Awaiting the custodian'))
                : h(
                    'button',
                    { type: 'button', class: 'reveal', onClick: () => void show(r), disabled: revealing },
                    t(`查看${fieldLabel(r.field)}（仅一次，${formatDateTime(r.expiresAt ?? '')} 前）`, `Show the ${fieldLabel(r.field).toLowerCase()} (once, before ${formatDateTime(r.expiresAt ?? '')})`),
                  ),
            ),
          ),
        )
      : null,
    h(
      'form',
      { onSubmit: file.submit, noValidate: true, 'aria-busy': file.busy },
      errors['contact-reason'] ? null : h(ErrorBox, { error: file.failure }),
      h(Select, {
        path: 'contact-field',
        label: t('需要查看的信息', 'Detail needed'),
        value: field,
        onValue: (v) => setField(v as ContactField),
        options: (['phone', 'email', 'address', 'name'] as const).map((f) => ({ value: f, label: fieldLabel(f) })),
      }),
      h(TextField, {
        path: 'contact-reason',
        label: t('理由（依据和必要性）', 'Reason (legal basis and need)'),
        required: true,
        multiline: true,
        rows: 3,
        maxLength: REASON_MAX,
        counter: true,
        value: reason,
        onValue: setReason,
        error: errors['contact-reason'],
      }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', disabled: file.busy }, file.busy ? t('正在提交…', 'Sending…') : t('提出申请', 'Ask'))),
    ),
  );
}
