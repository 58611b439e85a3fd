import { enDate, shanghaiDate, zhDate } from '../domain/calendar/civil-date.ts';
import type { CaseRecord, NoticeIntent } from '../domain/cases/model.ts';
import { formatDocumentNumber, seriesAt, type DocumentSeries } from '../domain/notices/document-number.ts';
import type { DocumentIssuer, Language, OfficialDocument } from '../domain/notices/official-document.ts';
import { kindOf } from '../domain/kinds.ts';
import { config } from '../shared/config.ts';
import type { Agency } from '../shared/agency.ts';
import { officialSettings, type OfficialSettings } from './official-settings.ts';
import { hasEnglish, renderNotice } from './render.ts';

type Text = { zh: string; en: string };
type Remedy = 'reconsideration' | 'complaint' | 'complaint-rejected';

interface OfficialKind {
  title: Text;
  /** Per case kind where one template serves several (the supervision review); `default` otherwise. */
  basis: Record<string, Text> & { default: Text };
  remedy?: Remedy | Record<string, Remedy>;
}

const OGI = { zh: '《中华人民共和国政府信息公开条例》', en: "the Regulations of the People's Republic of China on Open Government Information" };
const complaintRules = (zh: string, en: string): Text => ({ zh: `{complaintRules}${zh}`, en: `{complaintRulesEn}, ${en}` });
const ogi = (zh: string, en: string): Text => ({ zh: `${OGI.zh}${zh}`, en: `${OGI.en}, ${en}` });

/**
 * The official notices to citizens: each is issued as a numbered document with its title, the
 * rules it is issued under and the remedy the law gives. A citizen notice not listed here (a
 * handler's relayed message) is a message, not a document: sent, but not numbered.
 */
export const officialKinds: Record<string, OfficialKind> = {
  receipt: { title: { zh: '投诉收件回执', en: 'Acknowledgement of Receipt of a Complaint' }, basis: { default: complaintRules('第三条、第四条', 'sections 3 and 4') } },
  accepted: { title: { zh: '投诉受理告知书', en: 'Notice of Acceptance of a Complaint' }, basis: { default: complaintRules('第三条第（二）项、第四条', 'section 3(2) and section 4') } },
  'not-accepted': {
    title: { zh: '投诉不予受理告知书', en: 'Notice of Non-acceptance of a Complaint' },
    basis: { default: complaintRules('第三条第（三）项', 'section 3(3)') },
    remedy: 'complaint-rejected',
  },
  transferred: { title: { zh: '投诉转办告知书', en: 'Notice of Transfer of a Complaint' }, basis: { default: complaintRules('第四条', 'section 4') } },
  extended: { title: { zh: '投诉办理期限延长告知书', en: 'Notice of Extension of the Handling Period of a Complaint' }, basis: { default: complaintRules('第四条', 'section 4') } },
  result: {
    title: { zh: '投诉办理结果告知书', en: 'Notice of the Result of a Complaint' },
    basis: { default: complaintRules('第三条第（二）项、第四条', 'section 3(2) and section 4') },
    remedy: 'complaint',
  },
  'review-concluded': {
    title: { zh: '督办复查结果告知书', en: 'Notice of the Outcome of a Supervisory Review' },
    basis: { default: complaintRules('第三条第（二）项', 'section 3(2)'), 'disclosure-request': ogi('第四十七条、第五十一条', 'Articles 47 and 51') },
    remedy: { default: 'complaint', 'disclosure-request': 'reconsideration' },
  },
  'disclosure-receipt': {
    title: { zh: '政府信息公开申请收件回执', en: 'Acknowledgement of Receipt of a Request for Government Information' },
    basis: { default: ogi('第二十九条、第三十一条、第三十三条', 'Articles 29, 31 and 33') },
  },
  'disclosure-clarification': {
    title: { zh: '政府信息公开申请补正告知书', en: 'Notice to Clarify a Request for Government Information' },
    basis: { default: ogi('第三十条', 'Article 30') },
  },
  'disclosure-extended': {
    title: { zh: '政府信息公开申请延期答复告知书', en: 'Notice of Extension of the Reply Period' },
    basis: { default: ogi('第三十三条第一款', 'Article 33(1)') },
  },
  'disclosure-closed': {
    title: { zh: '政府信息公开申请终止办理告知书', en: 'Notice that a Request for Government Information Is No Longer Processed' },
    basis: { default: ogi('第三十条', 'Article 30') },
    remedy: 'reconsideration',
  },
  'disclosure-reply': {
    title: { zh: '政府信息公开申请答复书', en: 'Reply to a Request for Government Information' },
    basis: { default: ogi('第三十三条、第三十六条、第三十七条', 'Articles 33, 36 and 37') },
    remedy: 'reconsideration',
  },
  'comment-receipt': { title: { zh: '意见收件回执', en: 'Acknowledgement of Receipt of a Comment' }, basis: { default: { zh: '{consultationRules}第五条', en: '{consultationRulesEn}, Article 5' } } },
  'comment-concluded': {
    title: { zh: '意见采纳情况告知书', en: 'Notice of How a Comment Was Used' },
    basis: { default: { zh: '{consultationRules}第一条、第五条', en: '{consultationRulesEn}, Articles 1 and 5' } },
  },
};

const REMEDIES: Record<Remedy, Text> = {
  reconsideration: {
    zh: '如对本告知不服，可以自收到之日起六十日内向{reviewBody}申请行政复议，或者自收到之日起六个月内向{court}提起行政诉讼（《中华人民共和国政府信息公开条例》第五十一条、《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条）。',
    en: 'If you disagree with this notice, you may apply to {reviewBodyEn} for administrative reconsideration within 60 days of receiving it, or bring an administrative lawsuit before {courtEn} within six months of receiving it (Regulations on Open Government Information, Article 51; Administrative Reconsideration Law, Article 20; Administrative Litigation Law, Article 46).',
  },
  complaint: {
    zh: '对办理结果不满意的，可以在查询页面评价为“不满意”，由上级督办复查；也可以依照《中华人民共和国政府信息公开条例》第五十一条，向上一级行政机关或者政府信息公开工作主管部门投诉、举报。',
    en: 'If you are not satisfied with the result, you may rate it “dissatisfied” on the tracking page for a supervisory review, or complain to the next higher administrative authority or the department in charge of open government information (Regulations on Open Government Information, Article 51).',
  },
  'complaint-rejected': {
    zh: '对不予受理决定有异议的，可以依照《中华人民共和国政府信息公开条例》第五十一条，向上一级行政机关或者政府信息公开工作主管部门投诉、举报。',
    en: 'If you disagree with this decision, you may complain to the next higher administrative authority or the department in charge of open government information (Regulations on Open Government Information, Article 51).',
  },
};

/** Whether a notice is issued as an official document (numbered, stored, printable). */
export function isOfficial(notice: Pick<NoticeIntent, 'template' | 'to'>): boolean {
  return notice.to.kind === 'reporter' && notice.template in officialKinds;
}

/** The notice's language: the one the citizen used, where the notice has it; otherwise Chinese. */
export function noticeLanguage(template: string, c: Pick<CaseRecord, 'language'>): Language {
  return c.language === 'en' && hasEnglish(template) ? 'en' : 'zh';
}

/** The sequence an official notice of this case takes its number from. */
export function documentSeries(c: Pick<CaseRecord, 'kind'>, issuedAt: string, settings: OfficialSettings = officialSettings()): DocumentSeries {
  return seriesAt(settings.agency.code, c.kind, issuedAt);
}

export interface IssueInput {
  notice: NoticeIntent;
  case: Pick<CaseRecord, 'caseId' | 'kind' | 'language'>;
  seq: number;
  issuedAt: string;
  publicBaseUrl?: string;
}

/** The official document of a notice, with the number its commit allocated: what is stored, sent and printed. */
export function issueDocument(input: IssueInput, settings: OfficialSettings = officialSettings()): OfficialDocument {
  const { notice, case: c, seq, issuedAt } = input;
  const official = officialKinds[notice.template];
  if (!official) throw new Error(`Notice template '${notice.template}' is not an official document`);
  const language = noticeLanguage(notice.template, c);
  const base = (input.publicBaseUrl ?? config.publicBaseUrl).replace(/\/+$/, '');
  const { agency } = settings;
  const series = documentSeries(c, issuedAt, settings);
  const documentNo = formatDocumentNumber(settings.numberFormat(c.kind), { agency: agency.shortName, kind: kindOf(c.kind).noun.zh, year: series.year, n: seq });
  const { subject, text: body } = renderNotice(notice.template, notice.vars, base, language);
  const issuedDate = shanghaiDate(issuedAt);
  const pick = (t: Text) => fillAgency(language === 'en' ? t.en : t.zh, agency);
  const remedyKind = typeof official.remedy === 'object' ? (official.remedy[c.kind] ?? official.remedy.default) : official.remedy;
  const agencyName = language === 'en' ? agency.nameEn : agency.name;
  const doc: Omit<OfficialDocument, 'text'> = {
    documentId: notice.noticeId,
    caseId: c.caseId,
    template: notice.template,
    language,
    series,
    seq,
    documentNo,
    issuedAt,
    issuedDate,
    agencyName,
    title: pick(official.title),
    subject: withNumber(subject, documentNo, language),
    body: body.trim(),
    basis: pick(official.basis[c.kind] ?? official.basis.default),
    ...(remedyKind ? { remedy: pick(REMEDIES[remedyKind]) } : {}),
    contact: contactLine(agency, language, base),
    seal: { agencyName, date: language === 'en' ? enDate(issuedDate) : zhDate(issuedDate) },
  };
  return { ...doc, text: plainText(doc) };
}

/** The subject with the document number inside its closing bracket: 投诉受理告知书（编号 X，某府办投诉〔2026〕第 2 号）. */
function withNumber(subject: string, documentNo: string, language: Language): string {
  if (language === 'en') return /\)$/.test(subject) ? `${subject.slice(0, -1)}, No. ${documentNo})` : `${subject} (No. ${documentNo})`;
  return /）$/.test(subject) ? `${subject.slice(0, -1)}，${documentNo}）` : `${subject}（${documentNo}）`;
}

function contactLine(agency: Agency, language: Language, base: string): string {
  if (language === 'en') {
    const address = agency.addressEn ?? agency.address;
    return `telephone ${agency.phone} (${agency.hoursEn}); address: ${address}; online: ${base}/track (with the tracking number and access code).`;
  }
  return `联系电话 ${agency.phone}（${agency.hours}）；地址：${agency.address}；网上查询：${base}/track（凭编号和查询码）。`;
}

const AGENCY_TOKEN = /\{([A-Za-z]+)\}/g;
function fillAgency(text: string, agency: Agency): string {
  return text.replace(AGENCY_TOKEN, (whole, key: string) => {
    const value = (agency as unknown as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : whole;
  });
}

/** The document as the mail carries it: heading, number, the notice, basis, remedy, contact, 落款. */
function plainText(d: Omit<OfficialDocument, 'text'>): string {
  const en = d.language === 'en';
  const label = en
    ? { no: 'No.', basis: 'Legal basis: ', remedy: 'Remedies: ', contact: 'Contact: ', footer: 'This e-mail was sent automatically; please do not reply to it.' }
    : { no: '', basis: '法律依据：', remedy: '救济途径：', contact: '联系方式：', footer: '本邮件由系统自动发送，请勿直接回复。' };
  return [
    d.agencyName,
    d.title,
    en ? `${label.no} ${d.documentNo}` : d.documentNo,
    '',
    d.body,
    '',
    `${label.basis}${d.basis}`,
    ...(d.remedy ? [`${label.remedy}${d.remedy}`] : []),
    `${label.contact}${d.contact}`,
    '',
    d.seal.agencyName,
    d.seal.date,
    '',
    label.footer,
    '',
  ].join('\n');
}

/** The issuer the store uses: citizen notices listed in officialKinds, numbered per agency, year and case kind. */
export function officialIssuer(settings: () => OfficialSettings = officialSettings): DocumentIssuer {
  return {
    series: (notice, c, issuedAt) => (isOfficial(notice) ? documentSeries(c, issuedAt, settings()) : undefined),
    issue: (notice, c, seq, issuedAt) => issueDocument({ notice, case: c, seq, issuedAt }, settings()),
  };
}
