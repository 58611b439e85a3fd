import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { errorText, type ApiFailure } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { fieldId } from '../ui/fields.ts';

/** Paths in the order their fields stand on the page; a path with no field on the page goes last. */
function pageOrder(paths: string[]): string[] {
  const at = (path: string) => document.getElementById(fieldId(path));
  return [...paths].sort((a, b) => {
    const ea = at(a);
    const eb = at(b);
    if (!ea || !eb) return ea ? -1 : eb ? 1 : 0;
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

/**
 * The list of field errors at the top of a form (GOV.UK's error summary): in page order, each
 * message names its field and links to it; it takes focus so keyboard and screen-reader users
 * start there.
 */
export function ErrorSummary({ failure, errors }: { failure: ApiFailure; errors: Record<string, string> }) {
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
    { class: 'error-box error-summary', role: 'alert', tabIndex: -1, ref, 'aria-labelledby': 'error-summary-title' },
    h('h2', { id: 'error-summary-title' }, t('提交的内容有问题', 'There is a problem')),
    h('p', null, errorText(failure)),
    h(
      'ul',
      null,
      pageOrder(Object.keys(errors)).map((path) => h('li', { key: path }, h('a', { href: `#${fieldId(path)}`, onClick: jump(path) }, errors[path]))),
    ),
  );
}
