import { h } from 'preact';
import { useState } from 'preact/hooks';
import { applicantTypes, deliveryCodes, formatCodes } from '../../../functions/domain/disclosure/outcomes.ts';
import { ApiFailure, call } from '../lib/api.ts';
import { t, tr } from '../lib/i18n.ts';
import { useSubmit } from '../lib/hooks.ts';
import { newIdempotencyKey } from '../lib/ids.ts';
import { deliveryLabel, formatLabel } from '../lib/labels.ts';
import { navigate } from '../lib/router.ts';
import type { Receipt } from '../lib/types.ts';
import { CheckGroup, errorsByPath, RadioGroup, TextField } from '../ui/fields.ts';
import { check } from '../lib/checks.ts';
import { fieldName, messages, type Name } from '../../../functions/shared/field-messages.ts';
import { ErrorBox, Loading, Notice } from '../ui/feedback.ts';
import { Page, Title } from '../ui/layout.ts';
import { ErrorSummary } from './error-summary.ts';
import { attachmentIds, AttachmentsField, foldAttachmentErrors, type Upload } from './attachments-field.ts';
import { saveReceipt } from './receipt.ts';

interface Applicant {
  type: string;
  name: string;
  idNumber: string;
  email: string;
  phone: string;
  address: string;
}

interface Request {
  description: string;
  purpose: string;
  formats: string[];
  delivery: string;
}

const DESCRIPTION_MAX = 5000;
const PURPOSE_MAX = 1000;

const isPerson = (type: string) => type === 'natural-person';

/** What the API would refuse, checked before sending, in page order. */
function problems(a: Applicant, r: Request) {
  const person = isPerson(a.type);
  const name: Name = person ? ['姓名', 'your name'] : ['单位名称', 'the organisation’s name'];
  const contactMissing = !a.email.trim() && !a.phone.trim() && !a.address.trim();
  return check(
    [
      { path: 'applicant.type', name: fieldName('applicant.type'), value: a.type, required: 'choose' },
      { path: 'applicant.name', name, value: a.name, required: 'enter', max: 100 },
      { path: 'applicant.email', name: fieldName('email'), value: a.email, max: 254, format: 'email' },
      { path: 'applicant.phone', name: fieldName('phone'), value: a.phone, format: 'phone' },
      { path: 'applicant.address', name: fieldName('address'), value: a.address, max: 200 },
      { path: 'description', name: ['所需政府信息的描述', 'a description of the information'], value: r.description, required: 'enter', max: DESCRIPTION_MAX },
      { path: 'purpose', name: fieldName('purpose'), value: r.purpose, max: PURPOSE_MAX },
      { path: 'formats', name: fieldName('formats'), value: r.formats, required: 'one' },
      { path: 'delivery', name: fieldName('delivery'), value: r.delivery, required: 'choose' },
    ],
    contactMissing ? [{ path: 'applicant.email', message: messages.applicantContact().zh, messageEn: messages.applicantContact().en }] : [],
  );
}

/** The body of POST /v1/disclosure-requests: empty optional fields are left out. */
function requestBody(a: Applicant, r: Request) {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    applicant: {
      type: a.type,
      name: a.name.trim(),
      idNumber: isPerson(a.type) ? opt(a.idNumber) : undefined,
      email: opt(a.email),
      phone: opt(a.phone),
      address: opt(a.address),
    },
    description: r.description,
    purpose: opt(r.purpose),
    formats: r.formats,
    delivery: r.delivery,
  };
}

/** 依申请公开: who asks, what information, in which form and how to receive it. */
export function DisclosureForm() {
  const [applicant, setApplicant] = useState<Applicant>({ type: 'natural-person', name: '', idNumber: '', email: '', phone: '', address: '' });
  const [request, setRequest] = useState<Request>({ description: '', purpose: '', formats: ['electronic'], delivery: '' });
  // One key per form: a double click or a retry after a lost answer returns the same request.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [uploads, setUploads] = useState<Upload[]>([]);

  const { busy, failure, submit } = useSubmit(async () => {
    const refused = problems(applicant, request);
    if (refused) throw refused;
    const attachments = attachmentIds(uploads);
    const receipt = await call<Receipt>('POST', '/v1/disclosure-requests', {
      body: { ...requestBody(applicant, request), ...(attachments.length ? { attachments } : {}) },
      headers: { 'Idempotency-Key': idempotencyKey },
    });
    saveReceipt({ ...receipt, kind: receipt.kind ?? 'disclosure-request', emailGiven: applicant.email.trim() !== '' });
    navigate('/disclosure-request/done');
  });
  const errors = failure instanceof ApiFailure ? errorsByPath(failure.fields) : {};
  // "At least one contact" may come on the applicant as a whole: show it at the e-mail field.
  if (errors.applicant && !errors['applicant.email']) errors['applicant.email'] = errors.applicant;
  delete errors.applicant;
  foldAttachmentErrors(errors);
  const contactError = errors['applicant.email'];
  const setA = (patch: Partial<Applicant>) => setApplicant((a) => ({ ...a, ...patch }));
  const setR = (patch: Partial<Request>) => setRequest((r) => ({ ...r, ...patch }));
  const person = isPerson(applicant.type);


  const text = (key: keyof Applicant, label: string, extra: Record<string, unknown> = {}) =>
    h(TextField, {
      path: `applicant.${key}`,
      label,
      value: applicant[key],
      onValue: (v: string) => setA({ [key]: v }),
      error: errors[`applicant.${key}`],
      ...extra,
    });

  return h(
    Page,
    null,
    h(Title, null, t('申请政府信息公开', 'Request government information')),
    h(
      Notice,
      null,
      h('p', null, t('我们自收到申请之日起 20 个工作日内答复；需要延长的，最长再延长 20 个工作日，并会告知您。', 'We reply within 20 working days of receipt; an extension of at most 20 more working days is possible, and you are told.')),
      h('p', null, t('提交后页面会显示查询编号和查询码。查询码只显示一次，请记下或复制保存，凭它查询进度、补正申请、查看答复。', 'After submitting you see a tracking number and an access code. The access code is shown only once: write it down or copy it to follow the request, clarify it and read the reply.')),
    ),
    h('p', null, t('带“必填”的项目必须填写。', 'Fields marked “required” must be filled in.')),
    h(
      'form',
      { onSubmit: submit, noValidate: true, 'aria-busy': busy },
      failure instanceof ApiFailure && failure.fields.length > 0 ? h(ErrorSummary, { failure, errors }) : h(ErrorBox, { error: failure }),
      h(
        'section',
        { class: 'form-section', 'aria-labelledby': 'applicant-h' },
        h('h2', { id: 'applicant-h' }, t('1. 申请人信息', '1. Applicant')),
        h(RadioGroup, {
          path: 'applicant.type',
          legend: t('申请人类型', 'Applicant type'),
          required: true,
          value: applicant.type,
          onValue: (type) => setA({ type }),
          error: errors['applicant.type'],
          choices: applicantTypes.map((a) => ({
            value: a.code,
            label: a.code === 'other-org' ? t('其他组织', 'Other organisation') : tr(a.label),
            hint: a.code === 'natural-person' ? t('以个人名义申请', 'Applying as a private person') : undefined,
          })),
        }),
        text('name', person ? t('姓名', 'Name') : t('单位名称', 'Organisation name'), {
          required: true,
          maxLength: person ? 50 : 100,
          autoComplete: person ? 'name' : 'organization',
          hint: person ? undefined : t('写出全称，与营业执照或登记证书一致。', 'The full registered name.'),
        }),
        person
          ? text('idNumber', t('身份证号', 'ID number'), { required: false, maxLength: 18, mono: true, autoComplete: 'off', hint: t('18 位居民身份证号码。', 'An 18-character resident ID number.') })
          : null,
        h(
          'fieldset',
          { class: `field contact ${contactError ? 'has-error' : ''}` },
          h('legend', null, t('联系方式', 'Contact details'), h('span', { class: 'req' }, t('（至少填写一项）', ' (at least one)'))),
          h('p', { class: 'hint' }, t('用于送达答复和需要时与您联系，严格保密。选择邮寄的请填写通信地址。', 'To send the reply and contact you if needed; kept confidential. Give a postal address if you want the reply by post.')),
          text('email', t('电子邮箱', 'E-mail'), { type: 'email', maxLength: 254, autoComplete: 'email', inputMode: 'email', error: contactError }),
          text('phone', t('电话', 'Phone'), { type: 'tel', maxLength: 20, autoComplete: 'tel', inputMode: 'tel' }),
          text('address', t('通信地址', 'Postal address'), { maxLength: 200, autoComplete: 'street-address' }),
        ),
      ),
      h(
        'section',
        { class: 'form-section', 'aria-labelledby': 'request-h' },
        h('h2', { id: 'request-h' }, t('2. 所需信息', '2. The information')),
        h(TextField, {
          path: 'description',
          label: t('所需政府信息的名称、文号或特征描述', 'Name, reference number or description of the information'),
          hint: t('尽量写明文件名称、文号、发布机关和时间，便于准确查找。', 'Give the document title, reference number, issuing body and date where you can, so it can be found.'),
          required: true,
          multiline: true,
          rows: 7,
          maxLength: DESCRIPTION_MAX,
          counter: true,
          value: request.description,
          onValue: (description) => setR({ description }),
          error: errors.description,
        }),
        h(TextField, {
          path: 'purpose',
          label: t('用途', 'Purpose'),
          required: false,
          multiline: true,
          rows: 3,
          maxLength: PURPOSE_MAX,
          counter: true,
          value: request.purpose,
          onValue: (purpose) => setR({ purpose }),
          error: errors.purpose,
        }),
        h(AttachmentsField, { uploads, setUploads, error: errors.attachments }),
      ),
      h(
        'section',
        { class: 'form-section', 'aria-labelledby': 'delivery-h' },
        h('h2', { id: 'delivery-h' }, t('3. 获取方式', '3. How to receive it')),
        h(CheckGroup, {
          path: 'formats',
          legend: t('获取信息的载体形式', 'Format'),
          required: true,
          values: request.formats,
          onValues: (formats) => setR({ formats }),
          error: errors.formats,
          choices: formatCodes.map((code) => ({ value: code, label: formatLabel(code) })),
        }),
        h(RadioGroup, {
          path: 'delivery',
          legend: t('获取信息的方式', 'How to receive it'),
          required: true,
          value: request.delivery,
          onValue: (delivery) => setR({ delivery }),
          error: errors.delivery,
          choices: deliveryCodes.map((code) => ({ value: code, label: deliveryLabel(code) })),
        }),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', disabled: busy }, busy ? t('正在提交…', 'Sending…') : t('提交申请', 'Submit the request')),
      ),
      h(Loading, { when: busy, text: t('正在提交，请勿关闭页面…', 'Sending, please keep this page open…') }),
    ),
  );
}
