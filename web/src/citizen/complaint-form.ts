import { h } from 'preact';
import { useState } from 'preact/hooks';
import { categories } from '../../../functions/domain/complaints/categories.ts';
import { ApiFailure, call } from '../lib/api.ts';
import { t, tr } from '../lib/i18n.ts';
import { useSubmit } from '../lib/hooks.ts';
import { newIdempotencyKey } from '../lib/ids.ts';
import { navigate } from '../lib/router.ts';
import type { Receipt } from '../lib/types.ts';
import { errorsByPath, RadioGroup, TextField } from '../ui/fields.ts';
import { check } from '../lib/checks.ts';
import { fieldName, messages } from '../../../functions/shared/field-messages.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { Page, Title } from '../ui/layout.ts';
import { CATEGORY_HELP } from './category-help.ts';
import { saveReceipt } from './receipt.ts';
import { emptyReporter, ReporterFields, reporterBody, type ReporterState } from './reporter-fields.ts';
import { ErrorSummary } from './error-summary.ts';
import { attachmentIds, AttachmentsField, foldAttachmentErrors, type Upload } from './attachments-field.ts';

interface Content {
  category: string;
  subject: string;
  description: string;
  respondentUnit: string;
}

const DESCRIPTION_MAX = 5000;

/** What the API would refuse, checked before sending, in page order. */
function problems(content: Content, reporter: ReporterState) {
  const named = reporter.identity === 'named';
  const contactMissing = named && !reporter.email.trim() && !reporter.phone.trim();
  return check(
    [
      { path: 'category', name: fieldName('category'), value: content.category, required: 'choose' },
      { path: 'respondentUnit', name: fieldName('respondentUnit'), value: content.respondentUnit, required: 'enter', max: 100 },
      { path: 'subject', name: fieldName('subject'), value: content.subject, required: 'enter', max: 100 },
      { path: 'description', name: fieldName('description'), value: content.description, required: 'enter', max: DESCRIPTION_MAX },
      { path: 'reporter.name', name: fieldName('name'), value: reporter.name, required: 'enter', max: 50, when: named },
      { path: 'reporter.email', name: fieldName('email'), value: reporter.email, max: 254, format: 'email', when: named },
      { path: 'reporter.phone', name: fieldName('phone'), value: reporter.phone, format: 'phone', when: named },
      { path: 'reporter.workUnit', name: fieldName('workUnit'), value: reporter.workUnit, max: 100, when: named },
      { path: 'reporter.address', name: fieldName('address'), value: reporter.address, max: 200, when: named },
    ],
    contactMissing ? [{ path: 'reporter.email', message: messages.reporterContact().zh, messageEn: messages.reporterContact().en }] : [],
  );
}

export function ComplaintForm() {
  const [content, setContent] = useState<Content>({ category: '', subject: '', description: '', respondentUnit: '' });
  const [reporter, setReporter] = useState<ReporterState>(emptyReporter);
  // One key per form: a double click or a retry after a lost answer returns the same case.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [uploads, setUploads] = useState<Upload[]>([]);

  const { busy, failure, submit } = useSubmit(async () => {
    const refused = problems(content, reporter);
    if (refused) throw refused;
    const attachments = attachmentIds(uploads);
    const body = {
      ...content,
      ...(attachments.length ? { attachments } : {}),
      wantsReply: reporter.identity === 'named' && reporter.wantsReply,
      reporter: reporterBody(reporter),
    };
    const receipt = await call<Receipt>('POST', '/v1/complaints', { body, headers: { 'Idempotency-Key': idempotencyKey } });
    saveReceipt({ ...receipt, emailGiven: reporter.identity === 'named' && reporter.email.trim() !== '' });
    navigate('/complaint/done');
  });
  const errors = failure instanceof ApiFailure ? errorsByPath(failure.fields) : {};
  foldAttachmentErrors(errors);
  const set = (patch: Partial<Content>) => setContent((c) => ({ ...c, ...patch }));


  return h(
    Page,
    null,
    h(Title, null, t('投诉举报', 'Complaint or report')),
    h('p', null, t('带“必填”的项目必须填写。提交后您会得到查询编号和查询码，用于查询办理进度。', 'Fields marked “required” must be filled in. After submitting you get a tracking number and an access code to follow the case.')),
    h(
      'form',
      { onSubmit: submit, noValidate: true, 'aria-busy': busy },
      failure instanceof ApiFailure && failure.fields.length > 0 ? h(ErrorSummary, { failure, errors }) : h(ErrorBox, { error: failure }),
      h(
        'section',
        { class: 'form-section', 'aria-labelledby': 'cat-h' },
        h('h2', { id: 'cat-h' }, t('1. 违规行为类别', '1. Kind of breach')),
        h(RadioGroup, {
          path: 'category',
          legend: t('您要投诉举报哪一类行为？', 'What are you reporting?'),
          required: true,
          class: 'categories',
          value: content.category,
          onValue: (category) => set({ category }),
          error: errors.category,
          choices: categories.map((c) => ({ value: c.code, label: tr(c), hint: CATEGORY_HELP[c.code] ? tr(CATEGORY_HELP[c.code]!) : undefined })),
        }),
      ),
      h(
        'section',
        { class: 'form-section', 'aria-labelledby': 'content-h' },
        h('h2', { id: 'content-h' }, t('2. 投诉举报内容', '2. What happened')),
        h(TextField, {
          path: 'respondentUnit',
          label: t('被投诉单位', 'Unit complained about'),
          hint: t('写出单位全称，例如“某某区教育局”。', 'The full name of the unit, e.g. “District Education Bureau”.'),
          required: true,
          maxLength: 100,
          value: content.respondentUnit,
          onValue: (respondentUnit) => set({ respondentUnit }),
          error: errors.respondentUnit,
        }),
        h(TextField, {
          path: 'subject',
          label: t('主题', 'Subject'),
          hint: t('一句话概括，100 字以内。', 'One line, up to 100 characters.'),
          required: true,
          maxLength: 100,
          value: content.subject,
          onValue: (subject) => set({ subject }),
          error: errors.subject,
        }),
        h(TextField, {
          path: 'description',
          label: t('具体情况', 'Details'),
          hint: t('时间、地点、涉及的信息或文件、经过等，5000 字以内。', 'When, where, which information or documents, what happened; up to 5000 characters.'),
          required: true,
          multiline: true,
          rows: 8,
          maxLength: DESCRIPTION_MAX,
          counter: true,
          value: content.description,
          onValue: (description) => set({ description }),
          error: errors.description,
        }),
        h(AttachmentsField, { uploads, setUploads, error: errors.attachments }),
      ),
      h(ReporterFields, { value: reporter, set: (patch) => setReporter((r) => ({ ...r, ...patch })), errors }),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', disabled: busy }, busy ? t('正在提交…', 'Sending…') : t('提交', 'Submit')),
      ),
      h(Loading, { when: busy, text: t('正在提交，请勿关闭页面…', 'Sending, please keep this page open…') }),
    ),
  );
}
