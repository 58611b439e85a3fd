import { z } from 'zod';
import { checkNumberFormat } from '../domain/notices/document-number.ts';
import { config } from '../shared/config.ts';

/** The agency as its official notices name it; from AGENCY_JSON, each field defaulting to a placeholder agency. */
const agencySchema = z.object({
  /** The agency's key in document-number sequences: never change it once documents are issued. */
  code: z.string().regex(/^[A-Za-z0-9-]+$/).default('agency'),
  name: z.string().min(1).default('某市人民政府办公室'),
  nameEn: z.string().min(1).default("General Office of the Municipal People's Government"),
  /** The short name in document numbers (某府办投诉〔2026〕第 12 号). */
  shortName: z.string().min(1).default('某府办'),
  phone: z.string().default('0000-12345678'),
  address: z.string().default('某市某区政务服务中心'),
  addressEn: z.string().optional(),
  hours: z.string().default('工作日 9:00—12:00、13:30—17:30'),
  hoursEn: z.string().default('working days 9:00–12:00 and 13:30–17:30'),
  /** Where an applicant seeks administrative reconsideration (行政复议机关) and sues (有管辖权的人民法院). */
  reviewBody: z.string().default('某市人民政府'),
  reviewBodyEn: z.string().default("the Municipal People's Government"),
  court: z.string().default('有管辖权的人民法院'),
  courtEn: z.string().default("the competent people's court"),
  /** The agency's own rules on complaints (the seed: 政务公开投诉举报制度) and on public comments (重大决策预公开制度). */
  complaintRules: z.string().default('《政务公开投诉举报制度》'),
  complaintRulesEn: z.string().default('the Rules on Complaints and Reports about Government Openness'),
  consultationRules: z.string().default('《重大决策预公开制度（试行）》'),
  consultationRulesEn: z.string().default('the Rules on Pre-disclosure of Major Decisions (Trial)'),
});

export type AgencySettings = z.output<typeof agencySchema>;

/** The default number formats: one sequence per case kind; {kind} is the kind's word below. */
const DEFAULT_FORMATS: Record<string, string> = {
  complaint: '{agency}投诉〔{year}〕第 {n} 号',
  'disclosure-request': '{agency}依申请公开〔{year}〕第 {n} 号',
  comment: '{agency}征求意见〔{year}〕第 {n} 号',
  consultation: '{agency}征求意见〔{year}〕第 {n} 号',
};

export interface OfficialSettings {
  agency: AgencySettings;
  numberFormat(kind: string): string;
}

/** Reads and checks the settings: a malformed AGENCY_JSON or number format fails loudly, never issues a wrong document. */
export function officialSettings(agencyJson = config.agencyJson, formatsJson = config.documentNumberFormatsJson): OfficialSettings {
  const agency = agencySchema.parse(agencyJson ? JSON.parse(agencyJson) : {});
  const formats = { ...DEFAULT_FORMATS, ...z.record(z.string(), z.string()).parse(formatsJson ? JSON.parse(formatsJson) : {}) };
  for (const format of Object.values(formats)) checkNumberFormat(format);
  return { agency, numberFormat: (kind) => formats[kind] ?? '{agency}〔{year}〕第 {n} 号' };
}
