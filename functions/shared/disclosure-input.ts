import type { z } from 'zod';
import type { DisclosureFacts, ReporterIdentity } from '../domain/index.ts';
import type { disclosureRequestBody } from './schemas/disclosure.ts';

/** A request's facts for the case; the applicant's name, ID number and contact for the vault. */
export function splitDisclosureRequest(body: z.output<typeof disclosureRequestBody>): { facts: DisclosureFacts; identity: ReporterIdentity } {
  const { applicant, description, purpose, formats, delivery } = body;
  const { type, ...identity } = applicant;
  return { facts: { applicantType: type, description, ...(purpose ? { purpose } : {}), formats, delivery }, identity };
}
