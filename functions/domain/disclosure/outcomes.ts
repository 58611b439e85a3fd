import type { Label } from '../cases/kind.ts';

/** The applicant columns of the annual report's 依申请公开 table (政府信息公开工作年度报告格式). */
export const applicantTypes = [
  { code: 'natural-person', label: { zh: '自然人', en: 'Natural person' } },
  { code: 'commercial-enterprise', label: { zh: '商业企业', en: 'Commercial enterprise' } },
  { code: 'research-institution', label: { zh: '科研机构', en: 'Research institution' } },
  { code: 'public-interest-org', label: { zh: '社会公益组织', en: 'Public-interest organisation' } },
  { code: 'legal-service-org', label: { zh: '法律服务机构', en: 'Legal-service organisation' } },
  { code: 'other-org', label: { zh: '其他', en: 'Other organisation' } },
] as const satisfies readonly { code: string; label: Label }[];
export type ApplicantType = (typeof applicantTypes)[number]['code'];
export const applicantTypeCodes = applicantTypes.map((a) => a.code) as [ApplicantType, ...ApplicantType[]];

interface Outcome {
  code: string;
  label: Label;
  subReasons: readonly { code: string; label: Label }[];
}

/** Reply outcomes and their sub-reasons: the rows of the annual table's 本年度办理结果. */
export const outcomes = [
  { code: 'disclose', label: { zh: '予以公开', en: 'Disclosed' }, subReasons: [] },
  { code: 'partial', label: { zh: '部分公开', en: 'Partly disclosed' }, subReasons: [] },
  {
    code: 'withhold',
    label: { zh: '不予公开', en: 'Withheld' },
    subReasons: [
      { code: 'state-secret', label: { zh: '属于国家秘密', en: 'State secret' } },
      { code: 'law-prohibited', label: { zh: '其他法律行政法规禁止公开', en: 'Prohibited by other laws' } },
      { code: 'security-stability', label: { zh: '危及“三安全一稳定”', en: 'Endangers security or stability' } },
      { code: 'third-party-rights', label: { zh: '保护第三方合法权益', en: "Protects a third party's rights" } },
      { code: 'internal-affairs', label: { zh: '属于三类内部事务信息', en: 'Internal affairs' } },
      { code: 'process-information', label: { zh: '属于四类过程性信息', en: 'Process information' } },
      { code: 'enforcement-file', label: { zh: '属于行政执法案卷', en: 'Enforcement file' } },
      { code: 'administrative-query', label: { zh: '属于行政查询事项', en: 'Administrative query' } },
    ],
  },
  {
    code: 'unable',
    label: { zh: '无法提供', en: 'Cannot be provided' },
    subReasons: [
      { code: 'not-held', label: { zh: '本机关不掌握相关政府信息', en: 'Not held by this agency' } },
      { code: 'needs-creation', label: { zh: '没有现成信息需要另行制作', en: 'Would have to be created' } },
      { code: 'unclear-after-clarification', label: { zh: '补正后申请内容仍不明确', en: 'Still unclear after clarification' } },
    ],
  },
  {
    code: 'not-processed',
    label: { zh: '不予处理', en: 'Not processed' },
    subReasons: [
      { code: 'petition-complaint', label: { zh: '信访举报投诉类申请', en: 'A petition or complaint' } },
      { code: 'repeat', label: { zh: '重复申请', en: 'Repeated request' } },
      { code: 'publication', label: { zh: '要求提供公开出版物', en: 'Asks for a publication' } },
      { code: 'excessive', label: { zh: '无正当理由大量反复申请', en: 'Excessive repeated requests' } },
      { code: 'confirm-or-reissue', label: { zh: '要求行政机关确认或重新出具已获取信息', en: 'Asks to confirm or reissue information' } },
    ],
  },
  {
    code: 'other',
    label: { zh: '其他处理', en: 'Other' },
    subReasons: [
      { code: 'no-clarification', label: { zh: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: 'No clarification in time' } },
      { code: 'fee-unpaid', label: { zh: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: 'Fee not paid in time' } },
      { code: 'other', label: { zh: '其他', en: 'Other' } },
    ],
  },
] as const satisfies readonly Outcome[];

export type OutcomeCode = (typeof outcomes)[number]['code'];
export const outcomeCodes = outcomes.map((o) => o.code) as [OutcomeCode, ...OutcomeCode[]];
export const subReasonCodes = [...new Set(outcomes.flatMap((o) => o.subReasons.map((s) => s.code)))] as [string, ...string[]];

export const formatCodes = ['electronic', 'paper'] as const;
export const deliveryCodes = ['email', 'post', 'pickup', 'online'] as const;
