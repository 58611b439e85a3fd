import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, call } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { actionLabel as kindActionLabel } from '../lib/labels.ts';
import type { StaffCase, Unit } from '../lib/types.ts';
import { errorsByPath } from '../ui/fields.ts';
import { ErrorBox, Loading, Notice } from '../ui/feedback.ts';
import { ActionFields, actionBody, initialValues, missing, summary, type Values } from './action-forms.ts';
import { session } from './session.ts';
import { attachmentIds, AttachmentsField, foldAttachmentErrors, type Upload } from '../citizen/attachments-field.ts';

/** Actions whose documents matter beyond the office (decisions, the reply, a request) or inside it (a note). */
const FILE_ACTIONS = new Set(['dispose', 'reject', 'draft-reply', 'request-clarification', 'note']);
const takesFiles = (type: string) => FILE_ACTIONS.has(type);
const filesLine = (type: string, uploads: Upload[]): [string, string][] => {
  const n = uploads.filter((u) => u.state === 'done').length;
  return takesFiles(type) && n ? [[t('随附文件', 'Documents'), t(`${n} 个`, `${n}`)]] : [];
};

interface Props {
  c: StaffCase;
  units: Unit[];
  onChanged(c: StaffCase): void;
  reload(): void;
}

/** Did someone else change the case since this page loaded it? Asked after a 409. */
async function changedSince(c: StaffCase): Promise<boolean> {
  try {
    const now = await call<StaffCase>('GET', `/v1/cases/${c.caseId}`, { staff: true });
    return now.version !== c.version;
  } catch {
    return false;
  }
}

/** The buttons for `allowedActions`; each opens its form, then a confirmation step, then posts. */
export function ActionPanel({ c, units, onChanged, reload }: Props) {
  const actionLabel = (a: string) => kindActionLabel(c.kind, a);
  const [type, setType] = useState<string>();
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [stale, setStale] = useState(false);
  const [done, setDone] = useState('');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the question they must answer.
  useEffect(() => {
    if (type && step === 'confirm') confirmHeading.current?.focus();
  }, [type, step]);

  const open = (next: string) => {
    setType(next);
    setStep('form');
    setValues(initialValues(next, c, units, session()!.user));
    setErrors({});
    setFailure(undefined);
    setDone('');
    setUploads([]);
  };
  const close = () => setType(undefined);

  const toConfirm = (e: Event) => {
    e.preventDefault();
    const empty = missing(type!, values, c);
    setErrors(empty);
    if (Object.keys(empty).length === 0) setStep('confirm');
  };

  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const files = takesFiles(type!) ? attachmentIds(uploads) : [];
      const body = { ...actionBody(type!, values, c), ...(files.length ? { attachments: files } : {}) };
      const next = await call<StaffCase>('POST', `/v1/cases/${c.caseId}/actions`, { staff: true, body });
      setDone(t(`已完成：${actionLabel(type!)}`, `Done: ${actionLabel(type!)}`));
      setType(undefined);
      onChanged(next);
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'validation') {
        const byPath = errorsByPath(err.fields);
        foldAttachmentErrors(byPath);
        setErrors(byPath);
        setStep('form');
      }
      if (err instanceof ApiFailure && err.status === 409 && (await changedSince(c))) {
        setStale(true);
        setType(undefined);
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const refresh = () => {
    setStale(false);
    setType(undefined);
    reload();
  };

  return h(
    'section',
    { class: 'panel actions-panel', 'aria-labelledby': 'actions-h' },
    h('h2', { id: 'actions-h' }, t('办理', 'Actions')),
    stale
      ? h(
          Notice,
          { kind: 'warn' },
          h('p', { role: 'alert' }, h('strong', null, t('案件已被他人修改，请刷新', 'Someone else changed this case. Please reload it.'))),
          h('p', null, t('您的操作没有保存。刷新后查看最新情况，再决定是否重新操作。', 'Your action was not saved. Reload to see the latest state, then decide again.')),
          h('button', { type: 'button', class: 'primary', onClick: refresh }, t('刷新案件', 'Reload the case')),
        )
      : null,
    done ? h('p', { class: 'done', role: 'status' }, done) : null,
    c.allowedActions.length === 0 ? h('p', { class: 'muted' }, t('当前状态下没有可执行的操作。', 'No action is possible in this state.')) : null,
    h(
      'div',
      { class: 'action-buttons' },
      c.allowedActions.map((a) =>
        h('button', { key: a, type: 'button', class: type === a ? 'primary' : 'secondary', 'aria-pressed': type === a, disabled: busy || stale, onClick: () => open(a) }, actionLabel(a)),
      ),
    ),
    type && step === 'form'
      ? h(
          'form',
          { class: 'action-form', onSubmit: toConfirm, noValidate: true },
          h('h3', null, actionLabel(type)),
          h(ErrorBox, { error: failure }),
          h(ActionFields, { type, values, set: (patch) => setValues((v) => ({ ...v, ...patch })), errors, c, units }),
          takesFiles(type) ? h(AttachmentsField, { uploads, setUploads, error: errors.attachments, label: t('随附文件', 'Documents') }) : null,
          h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('下一步', 'Next')), h('button', { type: 'button', class: 'secondary', onClick: close }, t('取消', 'Cancel'))),
        )
      : null,
    type && step === 'confirm'
      ? h(
          'div',
          { class: 'action-form confirm', role: 'group', 'aria-labelledby': 'confirm-h' },
          h('h3', { id: 'confirm-h', tabIndex: -1, ref: confirmHeading }, t(`确认${actionLabel(type)}？`, `Confirm: ${actionLabel(type)}?`)),
          h('dl', { class: 'facts' }, [...summary(type, values, units, c), ...filesLine(type, uploads)].map(([k, v]) => [h('dt', null, k), h('dd', { class: 'prose' }, v)])),
          h(ErrorBox, { error: failure }),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', class: 'primary', disabled: busy, onClick: confirm }, busy ? t('正在提交…', 'Sending…') : t(`确认${actionLabel(type)}`, `Confirm ${actionLabel(type)}`)),
            h('button', { type: 'button', class: 'secondary', disabled: busy, onClick: () => setStep('form') }, t('返回修改', 'Back')),
          ),
          h(Loading, { when: busy, text: t('正在提交…', 'Sending…') }),
        )
      : null,
  );
}
