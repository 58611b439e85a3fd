import { h } from 'preact';
import { call } from '../lib/api.ts';
import { useLoad } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';
import { Title } from '../ui/layout.ts';
import { DocumentList, DocumentTools, OfficialDocumentView, type DocumentSummary, type OfficialDocumentData } from '../ui/official-document.ts';

const caseHref = (caseId: string) => `/console/cases/${encodeURIComponent(caseId)}`;

/** The case page's list of the official notices issued to the citizen, each reprintable as sent. */
export function CaseDocuments({ caseId }: { caseId: string }) {
  const loaded = useLoad(() => call<{ documents: DocumentSummary[] }>('GET', `/v1/cases/${encodeURIComponent(caseId)}/documents`, { staff: true }), [caseId]);
  return h(
    'section',
    { class: 'panel documents', 'aria-labelledby': 'documents-h' },
    h('h2', { id: 'documents-h' }, t('正式文书', 'Official notices')),
    loaded.error ? h(ErrorBox, { error: loaded.error }) : null,
    loaded.data ? h(DocumentList, { documents: loaded.data.documents, hrefOf: (d) => `${caseHref(caseId)}/documents/${encodeURIComponent(d.documentId)}` }) : null,
  );
}

/** /console/cases/{caseId}/documents/{documentId}: one notice exactly as sent, printable. */
export function CaseDocumentPage({ caseId, documentId }: { caseId: string; documentId: string }) {
  const loaded = useLoad(
    () => call<OfficialDocumentData>('GET', `/v1/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}`, { staff: true }),
    [caseId, documentId],
  );
  return h(
    'div',
    null,
    h('div', { class: 'document-page-title' }, h(Title, null, t('正式文书', 'Official notice'))),
    loaded.error ? h(ErrorBox, { error: loaded.error }) : null,
    loaded.data
      ? [h(DocumentTools, { key: 'tools', back: caseHref(caseId), backLabel: t('返回案件', 'Back to the case') }), h(OfficialDocumentView, { key: 'doc', doc: loaded.data })]
      : loaded.error
        ? null
        : h(Loading, null),
  );
}
