import * as z from 'zod';
import { config } from './config.ts';

const bilingualText = z.object({ zh: z.string().min(1), en: z.string().min(1) });

const agencySchema = z.object({
  name: bilingualText,
  hotline: z.string().min(1),
  officeHours: bilingualText,
  /** Who sees what of a citizen's submission: one short paragraph per point. */
  privacy: z.array(bilingualText).min(1),
});

export type Agency = z.infer<typeof agencySchema>;

/** Used when AGENCY_JSON is not set, so a fresh checkout shows a complete start page. */
const DEFAULT_AGENCY: Agency = {
  name: { zh: '某市人民政府办公室', en: 'Municipal Government General Office' },
  hotline: '12345',
  officeHours: { zh: '工作日 上午 9:00–12:00，下午 13:30–17:30（法定节假日除外）', en: 'Working days 9:00–12:00 and 13:30–17:30 (closed on public holidays)' },
  privacy: [
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
  ],
};

let cached: { json: string; agency: Agency } | undefined;

/** The agency this deployment serves, from AGENCY_JSON; a malformed value fails loudly. */
export function agency(): Agency {
  const json = config.agencyJson.trim();
  if (cached?.json === json) return cached.agency;
  let raw: unknown;
  try {
    raw = json ? JSON.parse(json) : DEFAULT_AGENCY;
  } catch {
    throw new Error('AGENCY_JSON is not valid JSON');
  }
  const parsed = agencySchema.safeParse(raw);
  if (!parsed.success) throw new Error(`AGENCY_JSON is invalid: ${z.prettifyError(parsed.error)}`);
  cached = { json, agency: parsed.data };
  return parsed.data;
}
