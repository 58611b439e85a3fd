import type { z } from 'zod';
import type { ComplaintFacts, ReporterIdentity } from '../domain/index.ts';
import type { complaintBody } from './schemas/complaints.ts';

/** Splits a submitted complaint into the case's facts and the identity that goes to the vault. */
export function splitComplaint(body: z.output<typeof complaintBody>): { facts: ComplaintFacts; identity?: ReporterIdentity } {
  const { reporter, ...rest } = body;
  const facts: ComplaintFacts = { ...rest, anonymous: reporter.anonymous, publicityConsent: reporter.anonymous ? false : reporter.publicityConsent };
  if (reporter.anonymous) return { facts };
  const { anonymous: _a, publicityConsent: _p, ...identity } = reporter;
  return { facts, identity };
}
