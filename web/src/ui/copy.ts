import { h } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n.ts';

/**
 * A value to keep (tracking number, access code) with a copy button. Where the clipboard API
 * is missing or refused (plain http, old browsers), the text is selected for a manual copy.
 */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(t('已复制', 'Copied'));
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus(t('已选中，请按 Ctrl+C 或长按复制', 'Selected: press Ctrl+C or long-press to copy'));
    }
  };
  return h(
    'div',
    { class: 'field copy' },
    h('label', { for: id }, label),
    h(
      'div',
      { class: 'copy-row' },
      h('input', { id, ref: input, readOnly: true, value, class: 'mono big', onFocus: (e: Event) => (e.currentTarget as HTMLInputElement).select() }),
      h('button', { type: 'button', class: 'secondary', onClick: copy, 'aria-describedby': `${id}-status` }, t('复制', 'Copy')),
    ),
    h('p', { class: 'hint', id: `${id}-status`, role: 'status' }, status),
  );
}
