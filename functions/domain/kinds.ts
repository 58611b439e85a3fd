import type { KindDefinition } from './cases/kind.ts';
import { complaintKind } from './complaints/definition.ts';
import { disclosureRequestKind } from './disclosure/definition.ts';
import { commentKind, consultationKind } from './consultations/definition.ts';

/** The one list of case kinds: a new kind is a definition added here, not edits across the tree. */
export const kindDefinitions = {
  complaint: complaintKind,
  'disclosure-request': disclosureRequestKind,
  consultation: consultationKind,
  comment: commentKind,
} as const satisfies Record<string, KindDefinition>;

export type CaseKind = keyof typeof kindDefinitions;
export const caseKinds = Object.keys(kindDefinitions) as CaseKind[];

export function kindOf(kind: string): KindDefinition {
  const def = (kindDefinitions as Record<string, KindDefinition>)[kind];
  if (!def) throw new Error(`Unknown case kind '${kind}'`);
  return def;
}
