import * as z from 'zod';
import { parseAgency, type Agency } from '../shared/agency.ts';
import { checkNumberFormat } from '../domain/notices/document-number.ts';
import { config } from '../shared/config.ts';

/** The default number formats: one sequence per case kind; {kind} is the kind's word below. */
const DEFAULT_FORMATS: Record<string, string> = {
  complaint: '{agency}投诉〔{year}〕第 {n} 号',
  'disclosure-request': '{agency}依申请公开〔{year}〕第 {n} 号',
  comment: '{agency}征求意见〔{year}〕第 {n} 号',
  consultation: '{agency}征求意见〔{year}〕第 {n} 号',
};

export interface OfficialSettings {
  agency: Agency;
  numberFormat(kind: string): string;
}

let cached: { key: string; settings: OfficialSettings } | undefined;

/**
 * Reads and checks the settings: a malformed AGENCY_JSON or number format fails loudly, never
 * issues a wrong document. Parsed once per value: the store asks for them for every notice.
 */
export function officialSettings(agencyJson = config.agencyJson, formatsJson = config.documentNumberFormatsJson): OfficialSettings {
  const key = `${agencyJson}\u0000${formatsJson}`;
  if (cached?.key !== key) cached = { key, settings: parseSettings(agencyJson, formatsJson) };
  return cached.settings;
}

function parseSettings(agencyJson: string, formatsJson: string): OfficialSettings {
  const agency = parseAgency(agencyJson);
  const formats = { ...DEFAULT_FORMATS, ...z.record(z.string(), z.string()).parse(formatsJson ? JSON.parse(formatsJson) : {}) };
  for (const format of Object.values(formats)) checkNumberFormat(format);
  return { agency, numberFormat: (kind) => formats[kind] ?? '{agency}〔{year}〕第 {n} 号' };
}
