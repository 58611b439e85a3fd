import { h } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure, call } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { useSubmit } from '../lib/hooks.ts';
import { errorsByPath, TextField } from '../ui/fields.ts';
import { check } from '../lib/checks.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { attachmentIds, AttachmentsField, foldAttachmentErrors, type Upload } from './attachments-field.ts';

interface Props {
  trackingNo: string;
  accessCode: string;
  onSent(): void;
}

const MAX = 5000;

/** 补正: the applicant's answer to a request for clarification. */
export function ClarificationForm({ trackingNo, accessCode, onSent }: Props) {
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const { busy, failure, submit } = useSubmit(async () => {
    setEmpty(!text.trim());
    if (!text.trim()) return false;
    const long = check([{ path: 'text', name: ['补正内容', 'your answer'], value: text, max: MAX }]);
    if (long) throw long;
    // Documents that answer the request go with it, checked and scanned like the request's own.
    const attachments = attachmentIds(uploads);
    await call('POST', `/v1/track/${encodeURIComponent(trackingNo)}/clarification`, {
      body: { text, ...(attachments.length ? { attachments } : {}) },
      headers: { 'X-Access-Code': accessCode },
    });
    setText('');
    setUploads([]);
    onSent();
  });
  const errors = failure instanceof ApiFailure ? errorsByPath(failure.fields) : {};
  foldAttachmentErrors(errors);
  const error = empty ? t('请填写补正内容', 'Write your answer') : errors.text;


  return h(
    'form',
    { class: 'clarify', onSubmit: submit, noValidate: true, 'aria-labelledby': 'clarify-form-h' },
    h('h4', { id: 'clarify-form-h' }, t('提交补正', 'Send your clarification')),
    h(ErrorBox, { error: failure && !errors.text ? failure : undefined }),
    h(TextField, {
      path: 'clarification',
      label: t('补正内容', 'Your answer'),
      hint: t('按上面的要求说明或补充所需信息；提交后答复期限重新计算。', 'Clarify or complete the request as asked above; the reply period starts again once it arrives.'),
      required: true,
      multiline: true,
      rows: 5,
      maxLength: MAX,
      counter: true,
      value: text,
      onValue: setText,
      error,
    }),
    h(AttachmentsField, { uploads, setUploads, error: errors.attachments }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', disabled: busy }, busy ? t('正在提交…', 'Sending…') : t('提交补正', 'Send clarification'))),
    h(Loading, { when: busy, text: t('正在提交…', 'Sending…') }),
  );
}
