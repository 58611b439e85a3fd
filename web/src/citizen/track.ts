import { h } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ApiFailure, call } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import type { CitizenCase } from '../lib/types.ts';
import { errorsByPath, TextField } from '../ui/fields.ts';
import { check } from '../lib/checks.ts';
import { fieldName } from '../../../functions/shared/field-messages.ts';
import { ErrorSummary } from './error-summary.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { Page, Title } from '../ui/layout.ts';
import { TrackView } from './track-view.ts';

function trackError(err: unknown): unknown {
  // Unknown number and wrong code are one answer by design; say which two things to check.
  if (err instanceof ApiFailure && err.code === 'not-found') {
    return new ApiFailure(404, 'not-found', '查询编号或查询码不正确，请核对后重试', 'Tracking number or access code not right; please check both');
  }
  return err;
}

export function TrackPage() {
  const { query } = useLocation();
  const [trackingNo, setTrackingNo] = useState(query.get('no') ?? '');
  const [accessCode, setAccessCode] = useState('');
  const [view, setView] = useState<CitizenCase>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  // The code stays in this component's memory only, for reloading after a rating.
  const asked = useRef<{ no: string; code: string } | undefined>(undefined);

  const load = async (no: string, code: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const v = await call<CitizenCase>('GET', `/v1/track/${encodeURIComponent(no)}`, { headers: { 'X-Access-Code': code } });
      asked.current = { no, code };
      setView(v);
    } catch (err) {
      setView(undefined);
      setFailure(trackError(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    // An empty form asks for what is missing; only a lookup that was tried can be "not right".
    const missing = check([
      { path: 'trackingNo', name: fieldName('trackingNo'), value: trackingNo, required: 'enter' },
      { path: 'accessCode', name: fieldName('accessCode'), value: accessCode, required: 'enter' },
    ]);
    if (missing) {
      setView(undefined);
      setFailure(missing);
      return;
    }
    void load(trackingNo.trim().toUpperCase(), accessCode.trim());
  };
  const errors = failure instanceof ApiFailure ? errorsByPath(failure.fields) : {};

  return h(
    Page,
    null,
    h(Title, null, t('查询办理进度', 'Follow a case')),
    h(
      'form',
      { class: 'track-form', onSubmit: submit, noValidate: true, 'aria-busy': busy },
      failure instanceof ApiFailure && failure.fields.length > 0 ? h(ErrorSummary, { failure, errors }) : null,
      h(TextField, {
        path: 'trackingNo',
        label: t('查询编号', 'Tracking number'),
        hint: t('例如 TS20261102-ABC123（投诉举报）或 YS20261102-ABC123（信息公开申请）', 'E.g. TS20261102-ABC123 (complaint) or YS20261102-ABC123 (request)'),
        required: true,
        maxLength: 40,
        mono: true,
        autoComplete: 'off',
        value: trackingNo,
        onValue: setTrackingNo,
        error: errors.trackingNo,
      }),
      h(TextField, {
        path: 'accessCode',
        label: t('查询码', 'Access code'),
        hint: t('提交时显示的 25 位查询码，可带或不带短横线。', 'The 25-character code shown when you submitted, with or without dashes.'),
        required: true,
        maxLength: 64,
        mono: true,
        autoComplete: 'off',
        value: accessCode,
        onValue: setAccessCode,
        error: errors.accessCode,
      }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', disabled: busy }, busy ? t('正在查询…', 'Looking up…') : t('查询', 'Look up'))),
      h(Loading, { when: busy }),
      failure instanceof ApiFailure && failure.fields.length > 0 ? null : h(ErrorBox, { error: failure }),
    ),
    view && asked.current
      ? h(TrackView, { view, accessCode: asked.current.code, reload: () => void load(asked.current!.no, asked.current!.code) })
      : null,
  );
}
