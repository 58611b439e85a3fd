import type { CaseRecord, NoticeIntent } from '../cases/model.ts';
import type { DocumentSeries } from './document-number.ts';

export type Language = 'zh' | 'en';

/**
 * An official notice to a citizen (告知书, 答复书) as it was issued: numbered, dated, rendered.
 * Stored with the case once, never changed, so it can be shown and reprinted exactly as sent.
 */
export interface OfficialDocument {
  /** The notice's id (unique per case): the document is that notice as issued. */
  documentId: string;
  caseId: string;
  template: string;
  language: Language;
  series: DocumentSeries;
  /** The number in its series (1, 2, …; no gaps). */
  seq: number;
  /** The number as written on the document, from the kind's configured format: 某府办投诉〔2026〕第 12 号. */
  documentNo: string;
  issuedAt: string;
  /** The Shanghai date of issue, YYYY-MM-DD. */
  issuedDate: string;
  agencyName: string;
  /** 投诉受理告知书, 政府信息公开申请答复书, … */
  title: string;
  /** The mail's subject line. */
  subject: string;
  /** The notice's own text: salutation and paragraphs, one per line. */
  body: string;
  /** The rules it is issued under (法律依据). */
  basis: string;
  /** What the citizen can do against it, with the time limits the law gives (救济途径); absent where none applies. */
  remedy?: string;
  /** Where to ask (联系方式). */
  contact: string;
  /** 落款: the agency's name and the date in words, where the seal goes. */
  seal: { agencyName: string; date: string };
  /** The whole document as plain text: what the mail carries. */
  text: string;
}

/** A document as a list entry (tracking page, console): what identifies it, not its content. */
export function documentSummary(d: OfficialDocument) {
  return { documentId: d.documentId, documentNo: d.documentNo, title: d.title, issuedDate: d.issuedDate, language: d.language };
}

/**
 * Turns a change's citizen notices into official documents as the store commits them: which
 * notices are documents and in which series, and the document once its number is allocated
 * (functions/notices/official.ts; the store allocates the number in the commit's transaction).
 */
export interface DocumentIssuer {
  series(notice: NoticeIntent, c: CaseRecord, issuedAt: string): DocumentSeries | undefined;
  issue(notice: NoticeIntent, c: CaseRecord, seq: number, issuedAt: string): OfficialDocument;
}
