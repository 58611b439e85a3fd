/**
 * DynamoDB table shapes, as plain data: the CDK stack creates them on AWS and the local runtime
 * creates the same ones in DynamoDB Local. `envVar` is how functions learn each table's name.
 */
export interface TableDef {
  id: string;
  envVar: string;
  partitionKey: string;
  sortKey?: string;
  ttlAttribute?: string;
  indexes: { name: string; partitionKey: string; sortKey?: string }[];
}

export const tables: TableDef[] = [
  {
    // Cases, their append-only history (台账) and notice records, one partition per case;
    // tracking-number items (TRACK#<no>) point at cases, written in the same transaction.
    id: 'Cases',
    envVar: 'CASES_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      // Sparse: only cases with an open deadline carry these, so the overdue view reads
      // open cases due, never every case ever received.
      { name: 'openDeadlines', partitionKey: 'openUnit', sortKey: 'openDueAt' },
      // Sparse: open supervision reviews (after a dissatisfied rating), few at any time.
      { name: 'openReviews', partitionKey: 'reviewOpen', sortKey: 'reviewDueAt' },
      { name: 'byUnit', partitionKey: 'unit', sortKey: 'receivedAt' },
      { name: 'byAssignee', partitionKey: 'assignee', sortKey: 'receivedAt' },
      // Contact requests (CONTACT#<id> items) by status: the custodian's pending queue, a
      // handler's approvals waiting to be used. Cases never carry contactStatus.
      { name: 'contactRequests', partitionKey: 'contactStatus', sortKey: 'createdAt' },
    ],
  },
  {
    // Reporter identity and contact, encrypted field by field; cases hold only the reference.
    id: 'ReporterVault',
    envVar: 'VAULT_TABLE',
    partitionKey: 'pk',
    indexes: [],
  },
  {
    // One item per calendar year loaded by an admin (overrides the packaged schedule).
    id: 'Calendar',
    envVar: 'CALENDAR_TABLE',
    partitionKey: 'pk',
    indexes: [],
  },
  {
    // Rate-limit windows (tracking look-ups), expiring by TTL. Submissions' Idempotency-Keys
    // live in Cases (INTAKE#<hash>), written with the case they made.
    id: 'Idempotency',
    envVar: 'IDEMPOTENCY_TABLE',
    partitionKey: 'id',
    ttlAttribute: 'expiration',
    indexes: [],
  },
];
