import { h } from 'preact';
import { outcomes } from '../../../functions/domain/disclosure/outcomes.ts';
import { unitName } from './units.ts';
import { t, tr } from '../lib/i18n.ts';
import { outcomeDef } from '../lib/labels.ts';
import type { StaffCase, Unit } from '../lib/types.ts';
import { RadioGroup, Select, TextField, type Choice } from '../ui/fields.ts';
import type { StaffUser } from './session.ts';

export type Values = Record<string, string>;

interface FieldSpec {
  key: string;
  label: () => string;
  hint?: () => string;
  /** Required always, or when the values so far make it so (a sub-reason for an outcome that has them). */
  required?: boolean | ((v: Values) => boolean);
  multiline?: boolean;
  type?: 'number' | 'email';
  min?: number;
  max?: number;
  /** A select or radios instead of a text box. */
  choices?: (v: Values) => Choice[];
  radios?: boolean;
  /** Shown (and sent) only when this holds. */
  when?: (v: Values) => boolean;
}

/** GOV.UK style: the message names the field ("请输入处理结果", "请选择保密审查意见"), never a bare "required". */
const REQUIRED = (f: Pick<FieldSpec, 'label' | 'choices'>) => {
  const label = f.label();
  return f.choices ? t(`请选择${label}`, `Select ${label.toLowerCase()}`) : t(`请输入${label}`, `Enter ${label.toLowerCase()}`);
};
const isRequest = (c: StaffCase) => c.kind === 'disclosure-request';
/** Who is told: the reporter of a complaint, the applicant of a request. */
const toldWho = (c: StaffCase) => (isRequest(c) ? t('将告知申请人。', 'Sent to the applicant.') : t('将告知投诉人。', 'Sent to the reporter.'));

const reasonPublic = (c: StaffCase): FieldSpec => ({ key: 'reason', label: () => t('理由', 'Reason'), hint: () => toldWho(c), required: true, multiline: true });

const subReasonsOf = (outcome: string | undefined) => (outcome ? (outcomeDef(outcome)?.subReasons ?? []) : []);

const decisionChoices = (): Choice[] => [
  { value: 'approve', label: t('通过', 'Approve') },
  { value: 'return', label: t('退回修改', 'Return for changes') },
];

/** How much the extension may add, in words and as the field's max: the server's rule (`extension`). */
function extensionLimit(c: StaffCase): { max?: number; hint: string } {
  const max = c.extension?.maxWorkingDays;
  if (max === null || max === undefined) return { hint: t('不设上限。', 'No upper limit.') };
  if (max <= 0) return { max: 0, hint: t('已无可延长的工作日。', 'No working days left to add.') };
  return { max, hint: t(`最多 ${max} 个工作日。`, `At most ${max} working days.`) };
}

/** The fields each action asks for (the API's caseActionBody), besides `type` and `expectedVersion`. */
function fieldsFor(type: string, c: StaffCase): FieldSpec[] {
  switch (type) {
    case 'assign':
      return [
        { key: 'assignee', label: () => t('经办人账号', 'Handler account'), required: true },
        { key: 'assigneeName', label: () => t('经办人姓名', 'Handler name') },
        { key: 'assigneeEmail', label: () => t('经办人电子邮箱（接收提醒）', 'Handler e-mail (for reminders)'), type: 'email' },
      ];
    case 'accept':
      return [{ key: 'note', label: () => t('内部备注', 'Internal note'), hint: () => t('仅工作人员可见。', 'Staff only.'), multiline: true }];
    case 'reject':
      return [reasonPublic(c)];
    case 'transfer':
      return [{ key: 'reason', label: () => t('转办理由', 'Reason'), hint: () => t('内部记录，不告知投诉人。', 'Internal, not shown to the reporter.'), required: true, multiline: true }];
    case 'extend': {
      const limit = extensionLimit(c);
      return [
        { key: 'workingDays', label: () => t('延长工作日数', 'Working days to add'), hint: () => limit.hint, required: true, type: 'number', min: 1, max: limit.max },
        {
          ...reasonPublic(c),
          hint: () => (isRequest(c) ? t('将告知申请人。', 'Sent to the applicant.') : t('将告知投诉人和相关单位。', 'Sent to the reporter and the units concerned.')),
        },
      ];
    }
    case 'dispose':
      return [{ key: 'result', label: () => t('处理结果', 'Result'), hint: () => toldWho(c), required: true, multiline: true }];
    case 'note':
      return [{ key: 'text', label: () => t('备注内容', 'Note'), hint: () => t('仅工作人员可见。', 'Staff only.'), required: true, multiline: true }];
    case 'urge':
      return [{ key: 'text', label: () => t('督办意见', 'Instruction'), required: true, multiline: true }];
    case 'conclude-review':
      return [{ key: 'text', label: () => t('复查结论', 'Conclusion'), hint: () => toldWho(c), required: true, multiline: true }];
    case 'request-clarification':
      return [
        {
          key: 'text',
          label: () => t('需要补正的内容', 'What to clarify'),
          hint: () => t('写明哪些地方不明确、需要补充什么。将告知申请人；补正期间答复期限暂停。', 'Say what is unclear and what to add. Sent to the applicant; the reply clock stops meanwhile.'),
          required: true,
          multiline: true,
        },
        { key: 'answerWithinWorkingDays', label: () => t('补正期限（工作日）', 'Answer within (working days)'), required: true, type: 'number', min: 1, max: 30 },
      ];
    case 'consult-third-party':
      return [
        { key: 'party', label: () => t('第三方名称', 'Third party'), required: true },
        {
          key: 'text',
          label: () => t('征求意见的内容', 'What is asked'),
          hint: () => t('第三方 15 个工作日内提出意见；征求意见期间不计入答复期限。', 'The third party has 15 working days; the time is not counted.'),
          required: true,
          multiline: true,
        },
      ];
    case 'third-party-answered':
      return [{ key: 'text', label: () => t('第三方意见', "The third party's answer"), required: true, multiline: true }];
    case 'draft-reply':
      return [
        {
          key: 'outcome',
          label: () => t('答复结果', 'Outcome'),
          required: true,
          choices: () => [{ value: '', label: t('请选择', 'Choose') }, ...outcomes.map((o) => ({ value: o.code, label: tr(o.label) }))],
        },
        {
          key: 'subReason',
          label: () => t('具体理由', 'Ground'),
          required: (v) => subReasonsOf(v.outcome).length > 0,
          when: (v) => subReasonsOf(v.outcome).length > 0,
          choices: (v) => [{ value: '', label: t('请选择', 'Choose') }, ...subReasonsOf(v.outcome).map((s) => ({ value: s.code, label: tr(s.label) }))],
        },
        { key: 'text', label: () => t('答复内容', 'Reply text'), hint: () => t('经保密审查和负责人签发后送达申请人。', 'Sent to the applicant after the confidentiality review and approval.'), required: true, multiline: true },
        {
          key: 'withheld',
          label: () => t('不予公开的部分及理由', 'Parts withheld, and why'),
          hint: () => t('区分处理时写明删去或不予公开的内容及依据。', 'Which parts are removed or withheld, and on what ground.'),
          multiline: true,
          when: (v) => v.outcome === 'partial' || v.outcome === 'withhold',
        },
      ];
    case 'review':
    case 'approve':
      return [
        { key: 'decision', label: () => (type === 'review' ? t('保密审查意见', 'Review decision') : t('签发意见', 'Decision')), required: true, radios: true, choices: decisionChoices },
        {
          key: 'comment',
          label: () => t('意见说明', 'Comment'),
          hint: () => t('退回修改时必填，写明需要修改的地方。', 'Required when returning: say what to change.'),
          required: (v) => v.decision === 'return',
          multiline: true,
        },
      ];
    default:
      return [];
  }
}

const shown = (f: FieldSpec, v: Values) => !f.when || f.when(v);
const isRequired = (f: FieldSpec, v: Values) => (typeof f.required === 'function' ? f.required(v) : !!f.required);

export function initialValues(type: string, c: StaffCase, units: Unit[], user: StaffUser): Values {
  if (type === 'assign') return { assignee: user.sub, assigneeName: user.name };
  if (type === 'transfer') return { target: 'unit', toUnit: units.find((u) => u.code !== c.unit)?.code ?? '' };
  if (type === 'extend') {
    const max = c.extension?.maxWorkingDays;
    return { workingDays: String(max === null || max === undefined ? 5 : Math.max(0, Math.min(5, max))) };
  }
  if (type === 'request-clarification') return { answerWithinWorkingDays: '10' };
  if (type === 'approve') return { decision: 'approve' };
  return {};
}

/** Required fields left empty and numbers out of range, checked before the confirmation step (the API checks everything again). */
export function missing(type: string, v: Values, c: StaffCase): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fieldsFor(type, c)) {
    if (!shown(f, v)) continue;
    const value = v[f.key]?.trim() ?? '';
    if (isRequired(f, v) && !value) out[f.key] = REQUIRED(f);
    else if (f.type === 'number' && value) {
      const n = Number(value);
      if (!Number.isInteger(n) || (f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
        out[f.key] = f.max !== undefined ? t(`请填写 ${f.min ?? 1} 到 ${f.max} 之间的整数`, `A whole number from ${f.min ?? 1} to ${f.max}`) : t('请填写正整数', 'A whole number, 1 or more');
      }
    }
  }
  if (type === 'transfer' && v.target === 'external' && !v.toExternal?.trim()) out.toExternal = REQUIRED({ label: () => t('机关名称', 'Agency') });
  return out;
}

export function actionBody(type: string, v: Values, c: StaffCase): Record<string, unknown> {
  const body: Record<string, unknown> = { type, expectedVersion: c.version };
  for (const f of fieldsFor(type, c)) {
    if (!shown(f, v)) continue;
    const value = v[f.key]?.trim();
    if (value) body[f.key] = f.type === 'number' ? Number(value) : value;
  }
  if (type === 'transfer') body[v.target === 'external' ? 'toExternal' : 'toUnit'] = v.target === 'external' ? v.toExternal?.trim() : v.toUnit;
  return body;
}

/** What the confirmation step repeats back, as label/value lines (choices by their labels). */
export function summary(type: string, v: Values, units: Unit[], c: StaffCase): [string, string][] {
  const lines: [string, string][] = [];
  if (type === 'transfer') {
    lines.push([
      t('转至', 'To'),
      v.target === 'external' ? `${v.toExternal ?? ''}${t('（其他机关，案件在本机关办结）', ' (another agency; the case ends here)')}` : unitName(units, v.toUnit ?? ''),
    ]);
  }
  for (const f of fieldsFor(type, c)) {
    const value = v[f.key]?.trim();
    if (!shown(f, v) || !value) continue;
    lines.push([f.label(), f.choices ? (f.choices(v).find((o) => o.value === value)?.label ?? value) : value]);
  }
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

function Field({ f, values, set, errors }: { f: FieldSpec; values: Values; set(patch: Values): void; errors: Record<string, string> }) {
  const common = { path: f.key, value: values[f.key] ?? '', error: errors[f.key], required: isRequired(f, values) };
  if (f.choices && f.radios) {
    return h(RadioGroup, { ...common, legend: f.label(), class: 'inline', choices: f.choices(values), onValue: (value: string) => set({ [f.key]: value }) });
  }
  if (f.choices) {
    // A new outcome clears a sub-reason that belongs to the old one.
    const onValue = (value: string) => set(f.key === 'outcome' ? { outcome: value, subReason: '' } : { [f.key]: value });
    return h(Select, { ...common, label: f.label(), options: f.choices(values), onValue });
  }
  return h(TextField, {
    ...common,
    label: f.label(),
    hint: f.hint?.(),
    multiline: f.multiline,
    rows: 4,
    type: f.type,
    inputMode: f.type === 'number' ? 'numeric' : undefined,
    min: f.type === 'number' ? (f.min ?? 1) : undefined,
    max: f.type === 'number' ? f.max : undefined,
    onValue: (value: string) => set({ [f.key]: value }),
  });
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
                options: units.filter((u) => u.code !== c.unit).map((u) => ({ value: u.code, label: unitName(units, u.code) })),
              }),
        ]
      : [];
  return h(
    'div',
    null,
    ...transfer,
    fieldsFor(type, c)
      .filter((f) => shown(f, values))
      .map((f) => h(Field, { key: f.key, f, values, set, errors })),
  );
}
