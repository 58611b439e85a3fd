/** The ten violations a complaint or report may name (huzhou-culture-2019, 政务公开投诉举报制度). */
export const categories = [
  { code: 'not-implemented', zh: '不传达贯彻、落实有关政务公开的决定和要求', en: 'Disclosure decisions not passed on or carried out' },
  { code: 'false-disclosure', zh: '公开的政务信息内容不真实，搞虚假公开', en: 'Disclosed information untrue; sham disclosure' },
  { code: 'catalogue-breach', zh: '不按本单位政务公开目录规定的内容、形式和范围公开', en: "Not disclosing per the unit's disclosure catalogue" },
  { code: 'unlawful-disclosure', zh: '违反规定公开不准公开的政务信息', en: 'Disclosing information that must not be disclosed' },
  { code: 'contrary-decision', zh: '制发违背上级政务公开决定和要求的文件或决策', en: 'Documents or decisions contrary to disclosure rules' },
  { code: 'late-disclosure', zh: '不按规定时间、期限公开或不及时更新', en: 'Disclosure late, or not updated' },
  { code: 'unapproved-disclosure', zh: '未经审查批准擅自公开', en: 'Disclosure without review and approval' },
  { code: 'leak-for-gain', zh: '故意泄露或利用尚未公开的政务信息谋取个人利益', en: 'Leaking or using undisclosed information for gain' },
  { code: 'request-mishandled', zh: '对信息申请无正当理由不受理、拖延办理或不按要求提供', en: 'Information requests refused, delayed or not served without cause' },
  { code: 'other', zh: '其他违反政务公开规定行为', en: 'Any other breach of disclosure rules' },
] as const;

export type Category = (typeof categories)[number]['code'];
export const categoryCodes = categories.map((c) => c.code) as [Category, ...Category[]];
