import { h } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure, call } from '../lib/api.ts';
import { useSubmit } from '../lib/hooks.ts';
import { t, tr } from '../lib/i18n.ts';
import { kindDef } from '../lib/labels.ts';
import type { StaffCase } from '../lib/types.ts';
import { errorsByPath, TextField } from '../ui/fields.ts';
import { ErrorBox, Notice } from '../ui/feedback.ts';
import { session } from './session.ts';

const TEXT_MAX = 2000;

/**
 * 转告当事人: a message to the case's citizen by e-mail or SMS through the system, which reveals
 * nothing of them to staff (POST /v1/cases/{caseId}/relay answers only "sent"). Shown to the
 * groups the route allows, when the citizen can be reached.
 */
export function RelayPanel({ c, onSent }: { c: StaffCase; onSent(): void }) {
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, failure, submit } = useSubmit(async () => {
    if (text.trim() === '') throw new ApiFailure(400, 'validation', '', '', [{ path: 'relay-text', message: '请填写要转告的内容', messageEn: 'Write the message' }]);
    if (text.length > TEXT_MAX) throw new ApiFailure(400, 'validation', '', '', [{ path: 'relay-text', message: `不超过 ${TEXT_MAX} 字`, messageEn: `At most ${TEXT_MAX} characters` }]);
    await call('POST', `/v1/cases/${encodeURIComponent(c.caseId)}/relay`, { body: { text }, staff: true });
    setText('');
    setSent(true);
    onSent();
  });
  const user = session()?.user;
  if (!c.reporterReachable || !user?.groups.some((g) => g === 'handler' || g === 'supervisor' || g === 'admin')) return null;
  const who = tr(kindDef(c.kind).citizen);
  const errors = failure instanceof ApiFailure ? errorsByPath(failure.fields.map((f) => (f.path === 'text' ? { ...f, path: 'relay-text' } : f))) : {};
  return h(
    'section',
    { class: 'panel relay', 'aria-labelledby': 'relay-h' },
    h('h2', { id: 'relay-h' }, t(`转告${who}`, `Message the ${who}`)),
    h(
      'p',
      { class: 'hint' },
      c.reporterChannel === 'sms'
        ? t(`系统以短信提示${who}到查询页面查看这条消息；经办人看不到其号码。`, `The system texts the ${who} to read it on the tracking page; staff never see the number.`)
        : t(`系统通过电子邮件转告${who}；经办人看不到其邮箱。`, `The system e-mails it to the ${who}; staff never see the address.`),
    ),
    h(
      'form',
      { onSubmit: submit, noValidate: true, 'aria-busy': busy },
      errors['relay-text'] ? null : h(ErrorBox, { error: failure }),
      sent ? h(Notice, { kind: 'ok' }, h('span', { role: 'status' }, t('已转告，系统正在发送。', 'Sent: the system is delivering it.'))) : null,
      h(TextField, {
        path: 'relay-text',
        label: t('转告内容', 'Message'),
        required: true,
        multiline: true,
        rows: 4,
        maxLength: TEXT_MAX,
        counter: true,
        value: text,
        onValue: (v) => (setText(v), setSent(false)),
        error: errors['relay-text'],
      }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', disabled: busy }, busy ? t('正在发送…', 'Sending…') : t('转告', 'Send'))),
    ),
  );
}
