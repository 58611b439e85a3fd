import { h } from 'preact';
import { t } from '../lib/i18n.ts';
import { Check, RadioGroup, TextField } from '../ui/fields.ts';

export interface ReporterState {
  identity: 'named' | 'anonymous';
  name: string;
  email: string;
  phone: string;
  workUnit: string;
  address: string;
  publicityConsent: boolean;
  wantsReply: boolean;
}

export const emptyReporter: ReporterState = {
  identity: 'named',
  name: '',
  email: '',
  phone: '',
  workUnit: '',
  address: '',
  publicityConsent: false,
  wantsReply: true,
};

interface Props {
  value: ReporterState;
  set(patch: Partial<ReporterState>): void;
  errors: Record<string, string>;
}

/** Named or anonymous, in plain words; contact fields only for a named report. */
export function ReporterFields({ value, set, errors }: Props) {
  const text = (path: keyof ReporterState, label: string, extra: Record<string, unknown> = {}) =>
    h(TextField, {
      path: `reporter.${path}`,
      label,
      value: value[path] as string,
      onValue: (v: string) => set({ [path]: v }),
      error: errors[`reporter.${path}`],
      ...extra,
    });
  return h(
    'section',
    { class: 'form-section', 'aria-labelledby': 'identity-h' },
    h('h2', { id: 'identity-h' }, t('3. 您的身份', '3. Who you are')),
    h(RadioGroup, {
      path: 'reporter.anonymous',
      legend: t('实名还是匿名？', 'Named or anonymous?'),
      value: value.identity,
      onValue: (v) => set({ identity: v as ReporterState['identity'] }),
      error: errors['reporter.anonymous'] ?? errors.reporter,
      choices: [
        {
          value: 'named',
          label: t('实名投诉举报', 'Named'),
          hint: t(
            '您的姓名、工作单位、住址和联系方式严格保密，不会透露给被投诉单位；需要时我们可以与您联系，并可通过电子邮件告知处理结果。',
            'Your name, work unit, address and contact details are kept strictly confidential and never shown to the unit complained about. We can contact you and send the result by e-mail.',
          ),
        },
        {
          value: 'anonymous',
          label: t('匿名投诉举报', 'Anonymous'),
          hint: t(
            '不记录您的姓名和任何联系方式。只能凭查询编号和查询码在本网站查询进度和结果，我们无法通过电子邮件答复您，也无法联系您补充情况。',
            'No name or contact details are recorded. You can follow the case only with the tracking number and access code on this site; we cannot reply by e-mail or contact you for more details.',
          ),
        },
      ],
    }),
    value.identity === 'named'
      ? h(
          'div',
          { class: 'named-fields' },
          text('name', t('姓名', 'Name'), { required: true, maxLength: 50, autoComplete: 'name' }),
          h('p', { class: 'hint' }, t('电子邮箱和电话至少填写一项。', 'Give an e-mail address, a phone number, or both.')),
          text('email', t('电子邮箱', 'E-mail'), { type: 'email', maxLength: 254, autoComplete: 'email', inputMode: 'email' }),
          text('phone', t('电话', 'Phone'), { type: 'tel', maxLength: 20, autoComplete: 'tel', inputMode: 'tel' }),
          text('workUnit', t('工作单位', 'Work unit'), { required: false, maxLength: 100, autoComplete: 'organization' }),
          text('address', t('联系地址', 'Address'), { required: false, maxLength: 200, autoComplete: 'street-address' }),
          h(Check, {
            path: 'wantsReply',
            label: t('需要答复：办结后将处理结果发送到我的电子邮箱', 'Reply wanted: send me the result by e-mail'),
            checked: value.wantsReply,
            onChange: (v) => set({ wantsReply: v }),
            hint:
              value.wantsReply && !value.email.trim()
                ? h(
                    'span',
                    { class: 'phone-only' },
                    t(
                      '您没有填写电子邮箱：答复只通过电子邮件发送，我们不会打电话或发短信告知结果。只留电话的，请凭查询编号和查询码在本网站查看办理结果；需要邮件答复的，请填写电子邮箱。',
                      'You gave no e-mail address: replies are sent by e-mail only; we do not phone or text the result. With a phone number only, see the result on this site with the tracking number and access code; to get it by e-mail, give an address.',
                    ),
                  )
                : t('结果只发送到电子邮箱；查询编号和查询码也可在本网站查看结果。', 'The result goes to your e-mail only; you can also see it on this site with the tracking number and access code.'),
          }),
          h(Check, {
            path: 'reporter.publicityConsent',
            label: t('同意在表彰奖励时公开我的姓名和工作单位', 'I agree that my name and work unit may be published if the report is commended'),
            checked: value.publicityConsent,
            onChange: (v) => set({ publicityConsent: v }),
            hint: t('不勾选则一律不公开。', 'Unticked: never published.'),
          }),
        )
      : null,
  );
}

export function reporterBody(r: ReporterState) {
  if (r.identity === 'anonymous') return { anonymous: true as const };
  return {
    anonymous: false as const,
    name: r.name,
    email: r.email,
    phone: r.phone,
    workUnit: r.workUnit,
    address: r.address,
    publicityConsent: r.publicityConsent,
  };
}
