/**
 * Field error messages, one per rule, in Chinese and English, naming the field the way the page
 * does (GOV.UK style: "请输入主题", "主题不能超过 100 个字", not "此项必填"). Pure: the API's zod
 * mapping (validation.ts) and the pages' checks before sending use the same sentences.
 */
export interface Text {
  zh: string;
  en: string;
}

/** Field names by API field (the last part of its path; a full path wins where one name means two things). */
export type Name = [zh: string, en: string];

export const FIELD_NAMES: Record<string, Name> = {
  category: ['违规行为类别', 'the kind of breach'],
  subject: ['主题', 'a subject'],
  description: ['具体情况', 'the details'],
  respondentUnit: ['被投诉单位', 'the unit complained about'],
  reporter: ['实名或匿名', 'named or anonymous'],
  anonymous: ['实名或匿名', 'named or anonymous'],
  name: ['姓名', 'your name'],
  'applicant.name': ['申请人姓名或名称', 'the applicant’s name'],
  email: ['电子邮箱', 'an e-mail address'],
  phone: ['电话', 'a phone number'],
  workUnit: ['工作单位', 'your work unit'],
  address: ['通信地址', 'an address'],
  idNumber: ['身份证号码', 'an ID number'],
  type: ['类型', 'a type'],
  'applicant.type': ['申请人类型', 'the applicant type'],
  purpose: ['用途', 'the purpose'],
  formats: ['载体形式', 'a format'],
  delivery: ['获取信息的方式', 'how to receive it'],
  attachments: ['证据材料', 'evidence files'],
  text: ['内容', 'the text'],
  comment: ['意见', 'a comment'],
  rating: ['评价', 'a rating'],
  reason: ['理由', 'a reason'],
  result: ['办理结果', 'the result'],
  note: ['说明', 'a note'],
  workingDays: ['延长的工作日数', 'the working days'],
  assignee: ['经办人', 'the handler'],
  assigneeName: ['经办人姓名', 'the handler’s name'],
  assigneeEmail: ['经办人电子邮箱', 'the handler’s e-mail'],
  toUnit: ['转办单位', 'the unit'],
  toExternal: ['转办机关', 'the body'],
  party: ['第三方', 'the third party'],
  outcome: ['答复类型', 'the outcome'],
  subReason: ['具体理由', 'the specific reason'],
  withheld: ['不予公开的部分', 'what is withheld'],
  decision: ['审核意见', 'a decision'],
  title: ['标题', 'a title'],
  background: ['起草背景', 'the background'],
  basis: ['依据', 'the basis'],
  content: ['草案内容', 'the draft'],
  unit: ['单位', 'the unit'],
  opensAt: ['开始日期', 'the opening date'],
  closesAt: ['截止日期', 'the closing date'],
  trackingNo: ['查询编号', 'the tracking number'],
  accessCode: ['查询码', 'the access code'],
  channel: ['来源渠道', 'the channel'],
  kind: ['案件类型', 'the case type'],
  fileName: ['文件名', 'the file name'],
  contentType: ['文件类型', 'the file type'],
  size: ['文件大小', 'the file size'],
  field: ['联系方式项目', 'the contact detail'],
  year: ['年份', 'the year'],
  from: ['开始日期', 'the start date'],
  to: ['结束日期', 'the end date'],
  answerWithinWorkingDays: ['补正期限', 'the period to answer'],
  publicityConsent: ['公开同意', 'the publicity consent'],
  wantsReply: ['需要答复', 'reply wanted'],
  expectedVersion: ['版本号', 'the version'],
};

const fallbackName: Name = ['此项', 'this field'];

/** The field's name for a path such as `reporter.email` or `applicant.name`. */
export function fieldName(path: string): Name {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const last = parts[parts.length - 1] ?? '';
  const lastTwo = parts.slice(-2).join('.');
  return FIELD_NAMES[lastTwo] ?? FIELD_NAMES[last] ?? fallbackName;
}

/** "a subject" → "The subject": an English name as the subject of a sentence. */
const cap = (s: string) => {
  const the = s.replace(/^(a|an) /, 'the ');
  return the.charAt(0).toUpperCase() + the.slice(1);
};
/** "a subject" → "subject": an English name without its article, after "the" or a number. */
const bare = (s: string) => s.replace(/^(a|an|the|your) /, '');

export const messages = {
  required: (name: Name): Text => {
    const [zh, en] = name;
    return { zh: `请输入${zh}`, en: `Enter ${en}` };
  },
  choose: (name: Name): Text => {
    const [zh, en] = name;
    return { zh: `请选择${zh}`, en: `Select ${en}` };
  },
  chooseOne: (name: Name): Text => {
    const [zh, en] = name;
    return { zh: `请至少选择一种${zh}`, en: `Select at least one ${bare(en)}` };
  },
  tooLong: (name: Name, max: number, length?: number): Text => {
    const [zh, en] = name;
    const over = length !== undefined && length > max ? length - max : undefined;
    return over
      ? { zh: `${zh}不能超过 ${max} 个字，现有 ${length} 字，请删减 ${over} 字`, en: `${cap(en)} must be ${max} characters or fewer: it has ${length}, shorten it by ${over}` }
      : { zh: `${zh}不能超过 ${max} 个字`, en: `${cap(en)} must be ${max} characters or fewer` };
  },
  tooShort: (name: Name, min: number): Text => {
    const [zh, en] = name;
    return { zh: `${zh}至少 ${min} 个字`, en: `${cap(en)} must be at least ${min} characters` };
  },
  tooFew: (name: Name, min: number): Text => {
    const [zh, en] = name;
    return { zh: `${zh}至少 ${min} 项`, en: `Give at least ${min} ${bare(en)}` };
  },
  tooMany: (name: Name, max: number): Text => {
    const [zh, en] = name;
    return { zh: `${zh}最多 ${max} 项`, en: `Give at most ${max} ${bare(en)}` };
  },
  atLeast: (name: Name, min: number | bigint): Text => {
    const [zh, en] = name;
    return { zh: `${zh}不能小于 ${min}`, en: `${cap(en)} must be ${min} or more` };
  },
  atMost: (name: Name, max: number | bigint): Text => {
    const [zh, en] = name;
    return { zh: `${zh}不能大于 ${max}`, en: `${cap(en)} must be ${max} or less` };
  },
  wholeNumber: (name: Name): Text => {
    const [zh, en] = name;
    return { zh: `${zh}应为整数`, en: `${cap(en)} must be a whole number` };
  },
  email: (): Text => ({ zh: '请输入有效的电子邮箱地址，如 name@example.com', en: 'Enter an e-mail address in the correct format, like name@example.com' }),
  phone: (): Text => ({ zh: '请输入有效的电话号码，如 13800000000 或 010-12345678', en: 'Enter a phone number in the correct format, like 13800000000 or 010-12345678' }),
  idNumber: (): Text => ({ zh: '请输入 18 位身份证号码，如 11010519491231002X', en: 'Enter an 18-character ID number, like 11010519491231002X' }),
  date: (name: Name): Text => {
    const [zh, en] = name;
    return { zh: `请输入有效的${zh}，如 2026-11-05`, en: `Enter ${en} as a date, like 2026-11-05` };
  },
  format: (name: Name): Text => {
    const [zh, en] = name;
    return { zh: `请按要求的格式填写${zh}`, en: `Enter ${en} in the required format` };
  },
  /** A named complaint reaches its reporter by e-mail or phone. */
  reporterContact: (): Text => ({ zh: '请输入电子邮箱或电话，至少填写一项', en: 'Enter an e-mail address or a phone number, or both' }),
  /** A disclosure reply reaches its applicant by e-mail, phone or post. */
  applicantContact: (): Text => ({ zh: '请输入电子邮箱、电话或通信地址，至少填写一项', en: 'Enter an e-mail address, a phone number or a postal address' }),
  unknownFields: (keys: string[]): Text => ({ zh: `不认识的字段：${keys.join('、')}`, en: `Unknown fields: ${keys.join(', ')}` }),
};

/** The phone and ID number rules the API applies, for the pages to check before sending. */
export const PHONE_PATTERN = /^\+?[0-9][0-9\s-]{4,19}$/;
export const ID_NUMBER_PATTERN = /^\d{17}[\dXx]$/;
// Close to what zod's z.email() accepts, so a page never refuses what the API takes.
export const EMAIL_PATTERN = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
