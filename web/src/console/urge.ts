import { h } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure, call } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import type { OverdueItem, StaffCase } from '../lib/types.ts';
import { TextField } from '../ui/fields.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';

/**
 * 督办 from the dashboard: write the instruction, confirm, then read the case for its current
 * version (the list may be minutes old) and post `urge` against it.
 */
export function UrgeForm({ item, onDone, onCancel }: { item: OverdueItem; onDone(): void; onCancel(): void }) {
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [error, setError] = useState<string>();

  const next = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return setError(t('请填写督办意见', 'Write the instruction'));
    setError(undefined);
    setConfirming(true);
  };

  const send = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const c = await call<StaffCase>('GET', `/v1/cases/${item.caseId}`, { staff: true });
      await call('POST', `/v1/cases/${item.caseId}/actions`, { staff: true, body: { type: 'urge', expectedVersion: c.version, text: text.trim() } });
      onDone();
    } catch (err) {
      setFailure(err);
      if (err instanceof ApiFailure && err.code === 'validation') setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const id = `urge-${item.caseId}-${item.deadline}`;
  return h(
    'form',
    { class: 'action-form urge-form', onSubmit: next, noValidate: true },
    h(TextField, {
      path: `${id}-text`,
      label: t(`督办意见（${item.trackingNo}）`, `Instruction (${item.trackingNo})`),
      required: true,
      multiline: true,
      rows: 3,
      maxLength: 1000,
      value: text,
      onValue: setText,
      error,
    }),
    h(ErrorBox, { error: failure }),
    confirming
      ? h(
          'div',
          { class: 'actions' },
          h('p', { class: 'confirm-q' }, t('确认向承办单位发出督办？', 'Send this instruction to the unit?')),
          h('button', { type: 'button', class: 'primary', disabled: busy, onClick: send }, busy ? t('正在提交…', 'Sending…') : t('确认督办', 'Confirm')),
          h('button', { type: 'button', class: 'secondary', disabled: busy, onClick: () => setConfirming(false) }, t('返回修改', 'Back')),
        )
      : h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('下一步', 'Next')), h('button', { type: 'button', class: 'secondary', onClick: onCancel }, t('取消', 'Cancel'))),
    h(Loading, { when: busy, text: t('正在提交…', 'Sending…') }),
  );
}
