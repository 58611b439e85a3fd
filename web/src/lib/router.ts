import { h, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** History-API routing: the local runtime and CloudFront answer every page path with index.html. */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);

let focusPending = false;

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  focusPending = true;
  notify();
}

/** True once after an in-page navigation: the new page's heading should take focus. */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return { path: location.pathname.replace(/\/+$/, '') || '/', query: new URLSearchParams(location.search) };
}

interface LinkProps {
  href: string;
  class?: string;
  children?: ComponentChildren;
}

/** An ordinary link (new tab, copy address still work) that navigates in place on a plain click. */
export function Link({ href, class: cls, children }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return h('a', { href, class: cls, onClick }, children);
}
