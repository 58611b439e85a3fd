/** One plain line per category, under its label (the labels are in functions/domain/complaints/categories.ts). */
export const CATEGORY_HELP: Record<string, { zh: string; en: string }> = {
  'not-implemented': {
    zh: '例如：上级已要求公开的事项，本单位没有传达或没有落实。',
    en: 'E.g. a higher authority required something to be disclosed and this unit did not act on it.',
  },
  'false-disclosure': { zh: '公开的信息与事实不符，或只做表面文章。', en: 'What was published does not match the facts, or is only for show.' },
  'catalogue-breach': {
    zh: '政务公开目录中应公开的内容缺失、不全，或形式、范围不符合规定。',
    en: "Items in the unit's disclosure catalogue are missing, incomplete or published in the wrong form.",
  },
  'unlawful-disclosure': {
    zh: '公开了涉及国家秘密、商业秘密或个人隐私等不应公开的信息。',
    en: 'Published information that must stay confidential, such as state secrets, trade secrets or personal privacy.',
  },
  'contrary-decision': {
    zh: '本单位印发的文件或作出的决定与上级政务公开要求相抵触。',
    en: 'The unit issued a document or decision that contradicts higher-level disclosure rules.',
  },
  'late-disclosure': { zh: '超过规定时限才公开，或公开后长期不更新。', en: 'Published after the required time, or never updated.' },
  'unapproved-disclosure': { zh: '信息未经保密审查和批准就擅自发布。', en: 'Information released without the required review and approval.' },
  'leak-for-gain': {
    zh: '有人提前泄露尚未公开的信息，或利用它为自己谋取利益。',
    en: 'Someone leaked information not yet public, or used it for personal gain.',
  },
  'request-mishandled': {
    zh: '申请政府信息公开时，无正当理由不受理、拖延办理或不按要求提供。',
    en: 'An information request was refused, delayed or not served as required, without good reason.',
  },
  other: { zh: '以上都不符合的其他违反政务公开规定的行为。', en: 'Any other breach of disclosure rules not listed above.' },
};
