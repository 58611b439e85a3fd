import { h, type ComponentChildren } from 'preact';
import { errorText } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';

/** An error as the API worded it; role=alert so screen readers announce it. */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  return h('p', { class: 'error-box', role: 'alert' }, errorText(error));
}

/** The "loading" line; role=status so it is announced without stealing focus. */
export function Loading({ when = true, text }: { when?: boolean; text?: string }) {
  return h('p', { class: when ? 'loading' : 'loading idle', role: 'status' }, when ? (text ?? t('正在加载…', 'Loading…')) : '');
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'warn' | 'ok'; children?: ComponentChildren }) {
  return h('div', { class: `notice notice-${kind}` }, children);
}
