import { h, type ComponentChildren } from 'preact';
import { t } from '../lib/i18n.ts';

/** The element id for an API field path, so `reporter.email` errors land on the e-mail input. */
export const fieldId = (path: string) => `f-${path.replace(/[^\w-]+/g, '-')}`;

const describedBy = (id: string, hint?: unknown, error?: unknown, counter?: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-err` : '', counter ? `${id}-count` : ''].filter(Boolean).join(' ') || undefined;

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return h(
    'label',
    { for: id },
    label,
    required === undefined ? null : h('span', { class: required ? 'req' : 'opt' }, required ? t('（必填）', ' (required)') : t('（选填）', ' (optional)')),
  );
}

const Hint = ({ id, text }: { id: string; text?: ComponentChildren }) => (text ? h('p', { class: 'hint', id: `${id}-hint` }, text) : null);
const FieldError = ({ id, text }: { id: string; text?: string }) => (text ? h('p', { class: 'field-error', id: `${id}-err` }, text) : null);

interface TextProps {
  path: string;
  label: string;
  value: string;
  onValue(value: string): void;
  error?: string;
  hint?: ComponentChildren;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'email' | 'tel' | 'number';
  maxLength?: number;
  min?: number;
  max?: number;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  mono?: boolean;
  /** Show "n / maxLength" under the field as the user types. */
  counter?: boolean;
}

export function TextField(p: TextProps) {
  const id = fieldId(p.path);
  const common = {
    id,
    name: p.path,
    value: p.value,
    onInput: (e: Event) => p.onValue((e.currentTarget as HTMLInputElement).value),
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': describedBy(id, p.hint, p.error, p.counter),
    'aria-required': p.required || undefined,
    // With a counter the limit is shown and checked before sending, never enforced by cutting the text.
    maxLength: p.counter ? undefined : p.maxLength,
    autoComplete: p.autoComplete,
    class: p.mono ? 'mono' : undefined,
  };
  const control = p.multiline
    ? h('textarea', { ...common, rows: p.rows ?? 6 })
    : h('input', { ...common, type: p.type ?? 'text', inputMode: p.inputMode, min: p.min, max: p.max });
  return h(
    'div',
    { class: p.error ? 'field has-error' : 'field' },
    h(Label, { id, label: p.label, required: p.required }),
    h(Hint, { id, text: p.hint }),
    control,
    p.counter && p.maxLength ? h(Counter, { id, length: p.value.length, max: p.maxLength }) : null,
    h(FieldError, { id, text: p.error }),
  );
}

/** Characters typed against the limit; announced politely only near the limit, not on every key. */
function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  const near = length >= max * 0.9;
  const over = length > max;
  return h(
    'p',
    { class: over ? 'counter over' : near ? 'counter near' : 'counter', id: `${id}-count`, 'aria-live': near ? 'polite' : 'off' },
    over
      ? t(`已输入 ${length} / ${max} 字，超出 ${length - max} 字，请删减`, `${length} / ${max} characters: ${length - max} too many, please shorten`)
      : t(`已输入 ${length} / ${max} 字`, `${length} / ${max} characters`),
  );
}

interface CheckProps {
  path: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ComponentChildren;
}

export function Check(p: CheckProps) {
  const id = fieldId(p.path);
  return h(
    'div',
    { class: 'field check' },
    h('input', {
      id,
      type: 'checkbox',
      checked: p.checked,
      onChange: (e: Event) => p.onChange((e.currentTarget as HTMLInputElement).checked),
      'aria-describedby': p.hint ? `${id}-hint` : undefined,
    }),
    h('label', { for: id }, p.label),
    h(Hint, { id, text: p.hint }),
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

interface RadioProps {
  path: string;
  legend: string;
  choices: Choice[];
  value: string;
  onValue(value: string): void;
  error?: string;
  required?: boolean;
  class?: string;
}

/** A fieldset of radios; the first radio carries the field's id so an error can focus it. */
export function RadioGroup(p: RadioProps) {
  const id = fieldId(p.path);
  return h(
    'fieldset',
    { class: `field radios ${p.class ?? ''} ${p.error ? 'has-error' : ''}`, 'aria-describedby': p.error ? `${id}-err` : undefined },
    h('legend', null, p.legend, p.required ? h('span', { class: 'req' }, t('（必填）', ' (required)')) : null),
    h(FieldError, { id, text: p.error }),
    p.choices.map((c, i) => {
      const cid = i === 0 ? id : `${id}-${i}`;
      return h(
        'div',
        { class: 'radio', key: c.value },
        h('input', {
          type: 'radio',
          id: cid,
          name: p.path,
          value: c.value,
          checked: p.value === c.value,
          onChange: () => p.onValue(c.value),
          'aria-describedby': c.hint ? `${cid}-hint` : undefined,
        }),
        h('label', { for: cid }, c.label),
        c.hint ? h('p', { class: 'hint', id: `${cid}-hint` }, c.hint) : null,
      );
    }),
  );
}

interface CheckGroupProps {
  path: string;
  legend: string;
  choices: Choice[];
  values: string[];
  onValues(values: string[]): void;
  error?: string;
  required?: boolean;
  hint?: string;
}

/** A fieldset of checkboxes for a list value; the first box carries the field's id. */
export function CheckGroup(p: CheckGroupProps) {
  const id = fieldId(p.path);
  const toggle = (value: string, on: boolean) => p.onValues(on ? [...new Set([...p.values, value])] : p.values.filter((v) => v !== value));
  return h(
    'fieldset',
    { class: `field radios inline ${p.error ? 'has-error' : ''}`, 'aria-describedby': [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined },
    h('legend', null, p.legend, p.required ? h('span', { class: 'req' }, t('（必填）', ' (required)')) : null),
    h(Hint, { id, text: p.hint }),
    h(FieldError, { id, text: p.error }),
    p.choices.map((c, i) => {
      const cid = i === 0 ? id : `${id}-${i}`;
      return h(
        'div',
        { class: 'radio', key: c.value },
        h('input', { type: 'checkbox', id: cid, name: p.path, value: c.value, checked: p.values.includes(c.value), onChange: (e: Event) => toggle(c.value, (e.currentTarget as HTMLInputElement).checked) }),
        h('label', { for: cid }, c.label),
      );
    }),
  );
}

interface SelectProps {
  path: string;
  label: string;
  value: string;
  onValue(value: string): void;
  options: Choice[];
  error?: string;
  required?: boolean;
}

export function Select(p: SelectProps) {
  const id = fieldId(p.path);
  return h(
    'div',
    { class: p.error ? 'field has-error' : 'field' },
    h(Label, { id, label: p.label, required: p.required }),
    h(
      'select',
      {
        id,
        name: p.path,
        value: p.value,
        onChange: (e: Event) => p.onValue((e.currentTarget as HTMLSelectElement).value),
        'aria-invalid': p.error ? true : undefined,
        'aria-describedby': p.error ? `${id}-err` : undefined,
      },
      p.options.map((o) => h('option', { value: o.value, key: o.value }, o.label)),
    ),
    h(FieldError, { id, text: p.error }),
  );
}

/** Field errors by path, in the page's language, from an API validation answer. */
export function errorsByPath(fields: { path: string; message: string; messageEn?: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.path] ??= t(f.message, f.messageEn || f.message);
  return out;
}
