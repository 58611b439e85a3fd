import { h } from 'preact';
import { call } from '../lib/api.ts';
import { useLoad } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import { DocumentList, type DocumentSummary } from '../ui/official-document.ts';
import { ErrorBox } from '../ui/feedback.ts';

/**
 * The access code for the printable pages, in memory only (as the tracking page keeps it): the
 * page is reached by an in-app link, so it survives that navigation and nothing else; a reload
 * asks for the code again.
 */
const codes = new Map<string, string>();
export const rememberedCode = (trackingNo: string) => codes.get(trackingNo);
export const rememberCode = (trackingNo: string, code: string) => void codes.set(trackingNo, code);

export const trackedDocumentHref = (trackingNo: string, documentId: string) =>
  `/track/document?no=${encodeURIComponent(trackingNo)}&id=${encodeURIComponent(documentId)}`;

/** The tracking page's list of the case's official notices (告知书, 答复书), each printable. */
export function TrackedDocuments({ trackingNo, accessCode }: { trackingNo: string; accessCode: string }) {
  rememberCode(trackingNo, accessCode);
  const loaded = useLoad(
    () => call<{ documents: DocumentSummary[] }>('GET', `/v1/track/${encodeURIComponent(trackingNo)}/documents`, { headers: { 'X-Access-Code': accessCode } }),
    [trackingNo, accessCode],
  );
  return h(
    'section',
    { class: 'documents', 'aria-labelledby': 'documents-h' },
    h('h3', { id: 'documents-h' }, t('正式文书', 'Official notices')),
    h('p', { class: 'hint' }, t('本机关向您出具的告知书、答复书，可查看和打印。', 'The notices and replies this office issued to you, to view and print.')),
    loaded.error ? h(ErrorBox, { error: loaded.error }) : null,
    loaded.data ? h(DocumentList, { documents: loaded.data.documents, hrefOf: (d) => trackedDocumentHref(trackingNo, d.documentId) }) : null,
  );
}
