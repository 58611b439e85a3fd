import { h } from 'preact';
import { t } from '../lib/i18n.ts';
import { Link } from '../lib/router.ts';

/** An official notice as issued (GET …/documents/{id}; functions/shared/schemas/documents.ts). */
export interface OfficialDocumentData {
  documentId: string;
  documentNo: string;
  title: string;
  issuedDate: string;
  language: 'zh' | 'en';
  agencyName: string;
  body: string;
  basis: string;
  remedy?: string;
  contact: string;
  seal: { agencyName: string; date: string };
}

export type DocumentSummary = Pick<OfficialDocumentData, 'documentId' | 'documentNo' | 'title' | 'issuedDate' | 'language'>;

/**
 * The document as issued, laid out as an official paper (版头, 文号, title, body, 落款 with the
 * seal's place): on screen a sheet, in print one A4 page per document (official-document.css).
 * Its language is the document's own, whatever the page's language is.
 */
export function OfficialDocumentView({ doc }: { doc: OfficialDocumentData }) {
  const en = doc.language === 'en';
  const label = en
    ? { basis: 'Legal basis: ', remedy: 'Remedies: ', contact: 'Contact: ', no: 'No. ' }
    : { basis: '法律依据：', remedy: '救济途径：', contact: '联系方式：', no: '' };
  const [salutation, ...paragraphs] = doc.body.split('\n');
  return h(
    'article',
    { class: 'official-document', lang: en ? 'en' : 'zh-CN', 'aria-labelledby': 'doc-title' },
    h('header', { class: 'doc-head' }, h('p', { class: 'doc-agency' }, doc.agencyName), h('p', { class: 'doc-no' }, `${label.no}${doc.documentNo}`)),
    h('h2', { class: 'doc-title', id: 'doc-title' }, doc.title),
    h('p', { class: 'doc-salutation' }, salutation),
    paragraphs.filter((p) => p.trim() !== '').map((p, i) => h('p', { key: i, class: /^[^：:]{1,12}[：:]/.test(p) ? 'doc-line' : 'doc-para' }, p)),
    h(
      'section',
      { class: 'doc-notes', 'aria-label': en ? 'Basis, remedies and contact' : '依据、救济途径和联系方式' },
      h('p', null, h('strong', null, label.basis), doc.basis),
      doc.remedy ? h('p', null, h('strong', null, label.remedy), doc.remedy) : null,
      h('p', null, h('strong', null, label.contact), doc.contact),
    ),
    h(
      'footer',
      { class: 'doc-seal' },
      h('p', { class: 'seal-agency' }, doc.seal.agencyName),
      h('p', { class: 'seal-date' }, doc.seal.date),
      // Where the seal is stamped: its text is the 落款 above, so screen readers skip it.
      h('span', { class: 'seal-mark', 'aria-hidden': 'true' }, doc.seal.agencyName),
    ),
  );
}

/** The list of a case's official notices, each a link to its printable page. */
export function DocumentList({ documents, hrefOf }: { documents: DocumentSummary[]; hrefOf: (d: DocumentSummary) => string }) {
  if (documents.length === 0) return h('p', { class: 'hint' }, t('暂无正式文书。', 'No official notices yet.'));
  return h(
    'ul',
    { class: 'document-list' },
    documents.map((d) =>
      h(
        'li',
        // Each notice keeps the language it was issued in, whatever the page's (WCAG 3.1.2).
        { key: d.documentId, lang: d.language === 'en' ? 'en' : 'zh-CN' },
        h(Link, { href: hrefOf(d) }, d.title),
        h('span', { class: 'document-meta' }, ` ${d.documentNo} · ${d.issuedDate}`),
      ),
    ),
  );
}

/** Print and back, shown on screen only. */
export function DocumentTools({ back, backLabel }: { back: string; backLabel: string }) {
  return h(
    'p',
    { class: 'document-tools' },
    h('button', { type: 'button', onClick: () => window.print() }, t('打印', 'Print')),
    ' ',
    h(Link, { href: back }, backLabel),
  );
}
