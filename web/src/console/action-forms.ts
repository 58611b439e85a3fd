import { h } from 'preact';
import { t } from '../lib/i18n.ts';
import type { StaffCase, Unit } from '../lib/types.ts';
import { RadioGroup, Select, TextField } from '../ui/fields.ts';
import type { StaffUser } from './session.ts';

export type Values = Record<string, string>;

interface FieldSpec {
  key: string;
  label: () => string;
  hint?: () => string;
  required?: boolean;
  multiline?: boolean;
  type?: 'number' | 'email';
}

const reasonPublic = (): FieldSpec => ({
  key: 'reason',
  label: () => t('理由', 'Reason'),
  hint: () => t('将告知投诉人。', 'Sent to the reporter.'),
  required: true,
  multiline: true,
});

/** The fields each action asks for (the API's caseActionBody), besides `type` and `expectedVersion`. */
const FIELDS: Record<string, FieldSpec[]> = {
  assign: [
    { key: 'assignee', label: () => t('经办人账号', 'Handler account'), required: true },
    { key: 'assigneeName', label: () => t('经办人姓名', 'Handler name') },
    { key: 'assigneeEmail', label: () => t('经办人电子邮箱（接收提醒）', 'Handler e-mail (for reminders)'), type: 'email' },
  ],
  accept: [{ key: 'note', label: () => t('内部备注', 'Internal note'), hint: () => t('仅工作人员可见。', 'Staff only.'), multiline: true }],
  reject: [reasonPublic()],
  transfer: [{ key: 'reason', label: () => t('转办理由', 'Reason'), hint: () => t('内部记录，不告知投诉人。', 'Internal, not shown to the reporter.'), required: true, multiline: true }],
  extend: [
    { key: 'workingDays', label: () => t('延长工作日数', 'Working days to add'), hint: () => t('合计不超过 30 个工作日。', 'At most 30 in total.'), required: true, type: 'number' },
    { ...reasonPublic(), hint: () => t('将告知投诉人和相关单位。', 'Sent to the reporter and the units concerned.') },
  ],
  dispose: [{ key: 'result', label: () => t('处理结果', 'Result'), hint: () => t('将告知投诉人。', 'Sent to the reporter.'), required: true, multiline: true }],
  note: [{ key: 'text', label: () => t('备注内容', 'Note'), hint: () => t('仅工作人员可见。', 'Staff only.'), required: true, multiline: true }],
  urge: [{ key: 'text', label: () => t('督办意见', 'Instruction'), required: true, multiline: true }],
  'conclude-review': [{ key: 'text', label: () => t('复查结论', 'Conclusion'), hint: () => t('将告知投诉人。', 'Sent to the reporter.'), required: true, multiline: true }],
};

export function initialValues(type: string, c: StaffCase, units: Unit[], user: StaffUser): Values {
  if (type === 'assign') return { assignee: user.sub, assigneeName: user.name };
  if (type === 'transfer') return { target: 'unit', toUnit: units.find((u) => u.code !== c.unit)?.code ?? '' };
  if (type === 'extend') return { workingDays: '5' };
  return {};
}

/** Required fields left empty, checked before the confirmation step (the API checks everything again). */
export function missing(type: string, v: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELDS[type] ?? []) if (f.required && !v[f.key]?.trim()) out[f.key] = t('此项必填', 'This field is required');
  if (type === 'transfer' && v.target === 'external' && !v.toExternal?.trim()) out.toExternal = t('此项必填', 'This field is required');
  return out;
}

export function actionBody(type: string, v: Values, version: number): Record<string, unknown> {
  const body: Record<string, unknown> = { type, expectedVersion: version };
  for (const f of FIELDS[type] ?? []) {
    const value = v[f.key]?.trim();
    if (value) body[f.key] = f.type === 'number' ? Number(value) : value;
  }
  if (type === 'transfer') body[v.target === 'external' ? 'toExternal' : 'toUnit'] = v.target === 'external' ? v.toExternal?.trim() : v.toUnit;
  return body;
}

/** What the confirmation step repeats back, as label/value lines. */
export function summary(type: string, v: Values, units: Unit[]): [string, string][] {
  const lines: [string, string][] = [];
  if (type === 'transfer') {
    lines.push([
      t('转至', 'To'),
      v.target === 'external' ? `${v.toExternal ?? ''}${t('（其他机关，案件在本机关办结）', ' (another agency; the case ends here)')}` : (units.find((u) => u.code === v.toUnit)?.name ?? v.toUnit ?? ''),
    ]);
  }
  for (const f of FIELDS[type] ?? []) if (v[f.key]?.trim()) lines.push([f.label(), v[f.key]!.trim()]);
  return lines;
}

interface FormProps {
  type: string;
  values: Values;
  set(patch: Values): void;
  errors: Record<string, string>;
  c: StaffCase;
  units: Unit[];
}

export function ActionFields({ type, values, set, errors, c, units }: FormProps) {
  const transfer =
    type === 'transfer'
      ? [
          h(RadioGroup, {
            key: 'target',
            path: 'target',
            legend: t('转办到', 'Transfer to'),
            value: values.target ?? 'unit',
            onValue: (target) => set({ target }),
            choices: [
              { value: 'unit', label: t('本机关其他科室', 'Another unit here') },
              { value: 'external', label: t('其他机关', 'Another agency'), hint: t('案件随之在本机关结束。', 'The case then ends here.') },
            ],
          }),
          values.target === 'external'
            ? h(TextField, { key: 'toExternal', path: 'toExternal', label: t('机关名称', 'Agency'), required: true, value: values.toExternal ?? '', onValue: (toExternal) => set({ toExternal }), error: errors.toExternal })
            : h(Select, {
                key: 'toUnit',
                path: 'toUnit',
                label: t('科室', 'Unit'),
                value: values.toUnit ?? '',
                onValue: (toUnit) => set({ toUnit }),
                error: errors.toUnit,
                options: units.filter((u) => u.code !== c.unit).map((u) => ({ value: u.code, label: u.name })),
              }),
        ]
      : [];
  return h(
    'div',
    null,
    ...transfer,
    (FIELDS[type] ?? []).map((f) =>
      h(TextField, {
        key: f.key,
        path: f.key,
        label: f.label(),
        hint: f.hint?.(),
        required: f.required,
        multiline: f.multiline,
        rows: 4,
        type: f.type,
        inputMode: f.type === 'number' ? 'numeric' : undefined,
        min: f.type === 'number' ? 1 : undefined,
        max: f.type === 'number' ? 30 : undefined,
        value: values[f.key] ?? '',
        onValue: (value: string) => set({ [f.key]: value }),
        error: errors[f.key],
      }),
    ),
  );
}
