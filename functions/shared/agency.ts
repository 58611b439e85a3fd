import * as z from 'zod';
import { config } from './config.ts';

const bilingualText = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/**
 * The agency this deployment serves, in one setting (AGENCY_JSON) for every place that names it:
 * the start page (name, phone, hours, who sees what) and the official notices (number prefix,
 * address, where to seek reconsideration or sue, the rules cited). Every field has a default, so
 * a fresh checkout works and a deployment sets only what differs.
 */
const agencySchema = z.object({
  /** The agency's key in document-number sequences: never change it once documents are issued. */
  code: z.string().regex(/^[A-Za-z0-9-]+$/).default('agency'),
  name: z.string().min(1).default('某市人民政府办公室'),
  nameEn: z.string().min(1).default("General Office of the Municipal People's Government"),
  /** The short name in document numbers (某府办投诉〔2026〕第 12 号). */
  shortName: z.string().min(1).default('某府办'),
  /** The public's number: the start page's hotline and the notices' contact line. */
  phone: z.string().min(1).default('12345'),
  address: z.string().default('某市某区政务服务中心'),
  addressEn: z.string().optional(),
  hours: z.string().min(1).default('工作日 上午 9:00–12:00，下午 13:30–17:30（法定节假日除外）'),
  hoursEn: z.string().min(1).default('Working days 9:00–12:00 and 13:30–17:30 (closed on public holidays)'),
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
  /** Who sees what of a citizen's submission, for the start page: one short paragraph per point. */
  privacy: z
    .array(bilingualText)
    .min(1)
    .default([
      {
        zh: '您的姓名、身份证号、联系方式和住址加密保存，只有受理本件的工作人员经审批后才能查看，不会告诉被投诉单位。',
        en: 'Your name, ID number, contact details and address are stored encrypted. Only the staff handling your case can see them, after approval, and they are never given to the unit complained about.',
      },
      {
        zh: '投诉内容和办理经过由承办单位和督办人员查看；匿名投诉不记录任何身份信息。',
        en: 'What you report and how it is handled are seen by the handling unit and the supervisors. An anonymous report records nothing about who you are.',
      },
      {
        zh: '凭查询编号和查询码，只有您本人能在本网站查看办理进度和结果。',
        en: 'Only you, with the tracking number and access code, can see the progress and the result on this site.',
      },
    ]),
});

export type Agency = z.output<typeof agencySchema>;

/** Parses an AGENCY_JSON value ('' = every default); a malformed one fails loudly, never a wrong page or notice. */
export function parseAgency(json: string): Agency {
  let raw: unknown;
  try {
    raw = json.trim() ? JSON.parse(json) : {};
  } catch {
    throw new Error('AGENCY_JSON is not valid JSON');
  }
  const parsed = agencySchema.safeParse(raw);
  if (!parsed.success) throw new Error(`AGENCY_JSON is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

let cached: { json: string; agency: Agency } | undefined;

/** The agency this deployment serves, from AGENCY_JSON. */
export function agency(): Agency {
  const json = config.agencyJson;
  if (cached?.json === json) return cached.agency;
  cached = { json, agency: parseAgency(json) };
  return cached.agency;
}

/** What the start page shows of the agency, in both languages. */
export function publicAgency(a: Agency = agency()) {
  return {
    name: { zh: a.name, en: a.nameEn },
    hotline: a.phone,
    officeHours: { zh: a.hours, en: a.hoursEn },
    privacy: a.privacy,
  };
}

/** The agency as GET /v1/config gives it to the pages. */
export type PublicAgency = ReturnType<typeof publicAgency>;
