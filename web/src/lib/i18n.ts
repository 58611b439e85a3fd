/** Chinese by default; the English switch is remembered per browser. */
export type Lang = 'zh' | 'en';

const KEY = 'di.lang';
const listeners = new Set<() => void>();

function stored(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Lang = stored();

export const lang = (): Lang => current;

/** The text for the current language. */
export const t = (zh: string, en: string): string => (current === 'zh' ? zh : en);
/** The colon after a label: full-width in Chinese, ": " in English. */
export const colon = (): string => t('：', ': ');
export const tr = (pair: { zh: string; en: string }): string => t(pair.zh, pair.en);

export function applyLang(): void {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Private mode: the switch still works for this page view.
  }
  applyLang();
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
