import { h } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../lib/api.ts';
import { useLoad } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { TextField } from '../ui/fields.ts';
import { Page, Title } from '../ui/layout.ts';
import { DocumentTools, OfficialDocumentView, type OfficialDocumentData } from '../ui/official-document.ts';
import { rememberCode, rememberedCode } from './tracked-documents.ts';

/** One official notice, printable, for the citizen: /track/document?no=…&id=…; the code from the tracking page, or asked for. */
export function TrackedDocumentPage() {
  const { query } = useLocation();
  const no = query.get('no') ?? '';
  const id = query.get('id') ?? '';
  const [code, setCode] = useState(rememberedCode(no));
  const [typed, setTyped] = useState('');
  return h(
    Page,
    null,
    h('div', { class: 'document-page-title' }, h(Title, null, t('正式文书', 'Official notice'))),
    code
      ? h(Loaded, { no, id, code })
      : h(
          'form',
          {
            class: 'document-code',
            onSubmit: (e: Event) => {
              e.preventDefault();
              if (!typed.trim()) return;
              rememberCode(no, typed.trim());
              setCode(typed.trim());
            },
          },
          h(TextField, { path: 'accessCode', label: t('查询码', 'Access code'), value: typed, onValue: setTyped, required: true, autoComplete: 'off', mono: true, hint: t(`查看编号 ${no} 的文书，请输入提交时取得的查询码。`, `Enter the access code you received for ${no} to see this notice.`) }),
          h('button', { type: 'submit' }, t('查看', 'View')),
        ),
  );
}

function Loaded({ no, id, code }: { no: string; id: string; code: string }) {
  const loaded = useLoad(
    () => call<OfficialDocumentData>('GET', `/v1/track/${encodeURIComponent(no)}/documents/${encodeURIComponent(id)}`, { headers: { 'X-Access-Code': code } }),
    [no, id, code],
  );
  if (loaded.error) return h(ErrorBox, { error: loaded.error });
  if (!loaded.data) return h(Loading, null);
  return [h(DocumentTools, { key: 'tools', back: `/track?no=${encodeURIComponent(no)}`, backLabel: t('返回查询页面', 'Back to tracking') }), h(OfficialDocumentView, { key: 'doc', doc: loaded.data })];
}
