import { readFileSync } from 'node:fs';
import { enDate, zhDate } from '../domain/calendar/civil-date.ts';
import type { Language } from '../domain/notices/official-document.ts';
import { config } from '../shared/config.ts';

export interface RenderedNotice {
  subject: string;
  text: string;
}

interface Template {
  subject: string;
  body: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const cache = new Map<string, Template>();

/**
 * Renders a notice from its template file. Templates are read at run time, next to this module:
 * the CDK bundling copies functions/notices/templates beside the bundled handler as ./templates,
 * so the same relative URL works from the TypeScript source and from the bundle. English
 * templates are in templates/en (citizen notices only: staff work in Chinese); in them a value
 * with an English form (`caseNounEn` beside `caseNoun`) is used in its place.
 *
 * A placeholder the vars do not provide throws, so a typo in a template fails the tests instead of
 * reaching a citizen as a literal `{{...}}`.
 */
export function renderNotice(name: string, vars: Record<string, string>, publicBaseUrl = config.publicBaseUrl, lang: Language = 'zh'): RenderedNotice {
  const template = load(name, lang);
  const base = publicBaseUrl.replace(/\/+$/, '');
  const all: Record<string, string> = { ...vars, publicBaseUrl: base, trackUrl: `${base}/track` };
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_, key: string) => {
      const value = (lang === 'en' ? all[`${key}En`] : undefined) ?? all[key];
      if (value === undefined) throw new Error(`Notice template '${name}' uses {{${key}}}, which the notice does not provide`);
      // An optional value left empty (e.g. a rating without comment) reads better as "none".
      if (value.trim() === '') return lang === 'en' ? '(none)' : '（无）';
      // Dates as official documents write them: 2026年11月5日 (5 November 2026).
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return lang === 'en' ? enDate(value) : zhDate(value);
      return value;
    });
  return {
    // Citizen-written values can hold line breaks; a subject must be one line.
    subject: fill(template.subject).replace(/\s+/g, ' ').trim(),
    text: fill(template.body),
  };
}

/** Whether a notice has an English version (citizen notices do). */
export function hasEnglish(name: string): boolean {
  try {
    load(name, 'en');
    return true;
  } catch {
    return false;
  }
}

function load(name: string, lang: Language = 'zh'): Template {
  // Template names come from stored notices: never let one walk out of the templates folder.
  if (!/^[a-z][a-z-]*$/.test(name)) throw new Error(`Invalid notice template name '${name}'`);
  const key = `${lang}/${name}`;
  let template = cache.get(key);
  if (!template) {
    const file = lang === 'en' ? `./templates/en/${name}.txt` : `./templates/${name}.txt`;
    template = parse(name, readFileSync(new URL(file, import.meta.url), 'utf8'));
    cache.set(key, template);
  }
  return template;
}

function parse(name: string, source: string): Template {
  const [first = '', blank, ...rest] = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const subject = /^Subject:\s*(.+)$/.exec(first)?.[1]?.trim();
  if (!subject || blank !== '') throw new Error(`Notice template '${name}' must start with 'Subject: ...' and a blank line`);
  const body = `${rest.join('\n').trimEnd()}\n`;
  // A half-typed placeholder would otherwise go out verbatim.
  if (/\{\{|\}\}/.test(`${subject}\n${body}`.replace(PLACEHOLDER, ''))) {
    throw new Error(`Notice template '${name}' has a malformed placeholder`);
  }
  return { subject, body };
}

/**
 * The SMS form of a notice: its subject (which names the tracking number) and where to read the
 * whole notice. Nothing else: never the access code, the body or anyone's name.
 */
export function smsText(subject: string, publicBaseUrl = config.publicBaseUrl): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `【政务公开】${subject}。详情请凭编号和查询码在 ${base}/track 查看。`;
}
