import { h, type ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { lang, setLang, t } from '../lib/i18n.ts';
import { Link, takeFocusRequest } from '../lib/router.ts';

export function LangSwitch() {
  const other = lang() === 'zh' ? 'en' : 'zh';
  return h(
    'button',
    { type: 'button', class: 'lang link-button', lang: other === 'zh' ? 'zh-CN' : 'en', onClick: () => setLang(other) },
    other === 'zh' ? '中文' : 'English',
  );
}

/** Page frame: skip link, site header with the language switch, main landmark. */
export function Page({ nav, children }: { nav?: ComponentChildren; children?: ComponentChildren }) {
  return h(
    'div',
    { class: 'page' },
    h('a', { href: '#main', class: 'skip' }, t('跳到主要内容', 'Skip to content')),
    h(
      'header',
      { class: 'site-header' },
      h('div', { class: 'wrap header-row' }, h(Link, { href: '/', class: 'brand' }, t('政务公开投诉与意见受理', 'Open Government Complaints')), h(LangSwitch, null)),
      nav ? h('nav', { class: 'wrap sub-nav', 'aria-label': t('栏目', 'Sections') }, nav) : null,
    ),
    h('main', { id: 'main', class: 'wrap', tabIndex: -1 }, children),
    h('footer', { class: 'wrap site-footer' }, t('投诉举报人和申请人的个人信息严格保密。', 'The personal details of reporters and applicants are kept strictly confidential.')),
  );
}

/** The page's heading; takes focus after navigation so screen readers hear the new page. */
export function Title({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} - ${t('政务公开投诉与意见受理', 'Open Government Complaints')}`;
    if (takeFocusRequest()) ref.current?.focus();
  }, [children]);
  return h('h1', { tabIndex: -1, class: 'page-title', ref }, children);
}
