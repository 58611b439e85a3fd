import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { errorText, type ApiFailure } from '../lib/api.ts';
import { fieldId } from '../ui/fields.ts';

/**
 * The list of field errors at the top of a form, each a link to its field; it takes focus so
 * keyboard and screen-reader users start there.
 */
export function ErrorSummary({ failure, errors, labels }: { failure: ApiFailure; errors: Record<string, string>; labels: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [failure]);
  const jump = (path: string) => (e: Event) => {
    const el = document.getElementById(fieldId(path));
    if (!el) return;
    e.preventDefault();
    el.focus();
  };
  return h(
    'div',
    { class: 'error-box', role: 'alert', tabIndex: -1, ref },
    h('p', null, errorText(failure)),
    h(
      'ul',
      null,
      Object.entries(errors).map(([path, message]) => h('li', { key: path }, h('a', { href: `#${fieldId(path)}`, onClick: jump(path) }, labels[path] ? `${labels[path]}：${message}` : message))),
    ),
  );
}
