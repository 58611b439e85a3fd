import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CasePageQuery } from '../../domain/cases/ports.ts';
import { Invalid } from '../../domain/errors.ts';
import { dynamo } from './client.ts';

/** At most this many reads for one page: a filter that matches little answers a short page with a cursor, not a long wait. */
const MAX_READS = 10;

type Key = Record<string, string>;

const encode = (key: Key) => Buffer.from(JSON.stringify(key)).toString('base64url');

function decode(cursor: string, keyNames: string[]): Key {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (key && typeof key === 'object' && keyNames.every((k) => typeof (key as Key)[k] === 'string') && Object.keys(key).length === keyNames.length) return key as Key;
  } catch {
    // Falls through to the refusal below.
  }
  throw new Invalid('cursor', '翻页参数无效，请从第一页重新查看', 'The paging cursor is not valid: start again from the first page');
}

/** The FilterExpression for what the store can check itself, with its names and values. */
function filterOf(q: CasePageQuery) {
  // Every attribute by a name placeholder: no reserved word can break the expression.
  const names: Record<string, string> = { '#deadlines': 'deadlines', '#assignee': 'assignee', '#subject': 'subject', '#description': 'description', '#openDueAt': 'openDueAt' };
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  names['#kind'] = 'kind';
  parts.push(`#kind IN (${q.kinds.map((k, i) => ((values[`:k${i}`] = k), `:k${i}`)).join(', ')})`);
  if (q.status) {
    names['#status'] = 'status';
    values[':status'] = q.status;
    parts.push('#status = :status');
  }
  if (q.state) {
    names['#st'] = 'state';
    values[':open'] = 'open';
    const open = q.openDeadlines.map((d, i) => ((names[`#d${i}`] = d), `#deadlines.#d${i}.#st = :open`)).join(' OR ');
    parts.push(q.state === 'open' ? `(${open})` : `NOT (${open})`);
  }
  if (q.assignee === null) parts.push('attribute_not_exists(#assignee)');
  else if (q.assignee !== undefined) {
    values[':assignee'] = q.assignee;
    parts.push('#assignee = :assignee');
  }
  if (q.text) {
    values[':text'] = q.text;
    parts.push('(contains(#subject, :text) OR contains(#description, :text))');
  }
  // On the openDeadlines index openDueAt is the sort key: DynamoDB takes it in the key condition only.
  if (!('openUnit' in q.by)) {
    if (q.due?.from) {
      values[':dueFrom'] = q.due.from;
      parts.push('#openDueAt >= :dueFrom');
    }
    if (q.due?.to) {
      values[':dueTo'] = q.due.to;
      parts.push('#openDueAt < :dueTo');
    }
  }
  const expression = parts.join(' AND ');
  // DynamoDB refuses names the expression does not use.
  for (const n of Object.keys(names)) if (!expression.includes(n)) delete names[n];
  return { FilterExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

/** The due-time range as a key condition on the openDeadlines index (its sort key). */
function dueRangeOf(q: CasePageQuery): { expression: string; names: Record<string, string>; values: Record<string, string> } {
  if (!('openUnit' in q.by) || !q.due) return { expression: '', names: {}, values: {} };
  const names = { '#due': 'openDueAt' };
  // An overdue deadline is due before now; "soon" is due between now and the limit.
  if (q.due.from && q.due.to) return { expression: ' AND #due BETWEEN :dueFrom AND :dueTo', names, values: { ':dueFrom': q.due.from, ':dueTo': q.due.to } };
  if (q.due.to) return { expression: ' AND #due < :dueTo', names, values: { ':dueTo': q.due.to } };
  return { expression: ' AND #due >= :dueFrom', names, values: { ':dueFrom': q.due.from! } };
}

/**
 * One page of a queue from the byUnit or byAssignee index (newest first) or the openDeadlines
 * index (nearest deadline first). DynamoDB's own paging
 * (Limit, LastEvaluatedKey) carries the position: the cursor is the index key of the last case
 * returned, so the next page starts right after it, however many cases came in since.
 */
export async function queryCasePage(table: string, q: CasePageQuery): Promise<{ items: Record<string, unknown>[]; cursor?: string }> {
  // A unit's open cases come from the sparse openDeadlines index, nearest deadline first: the
  // inbox then reads what is open, however many closed cases the unit has (flat as the table grows).
  const [index, keyName, keyValue, sortKey, forward] =
    'openUnit' in q.by
      ? ['openDeadlines', 'openUnit', q.by.openUnit, 'openDueAt', true]
      : 'unit' in q.by
        ? ['byUnit', 'unit', q.by.unit, 'receivedAt', false]
        : ['byAssignee', 'assignee', q.by.assignee, 'receivedAt', false];
  const keyNames = ['pk', 'sk', keyName, sortKey];
  const filter = filterOf(q);
  const range = dueRangeOf(q);
  const items: Record<string, unknown>[] = [];
  let start: Key | undefined = q.cursor ? decode(q.cursor, keyNames) : undefined;
  if (start && start[keyName] !== keyValue) throw new Invalid('cursor', '翻页参数与所查队列不符，请从第一页重新查看', 'The paging cursor belongs to another queue: start again from the first page');
  for (let reads = 0; reads < MAX_READS; reads++) {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: table,
        IndexName: index,
        KeyConditionExpression: `#key = :key${range.expression}`,
        ...filter,
        ExpressionAttributeNames: { ...filter.ExpressionAttributeNames, '#key': keyName, ...range.names },
        ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':key': keyValue, ...range.values },
        ScanIndexForward: forward,
        Limit: q.limit,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey as Key | undefined;
    if (items.length >= q.limit) {
      const kept = items.slice(0, q.limit);
      const last = kept[kept.length - 1]!;
      // More may follow if this read stopped early or had more matches than fit.
      const more = items.length > q.limit || start !== undefined;
      return { items: kept, ...(more ? { cursor: encode(Object.fromEntries(keyNames.map((k) => [k, String(last[k])]))) } : {}) };
    }
    if (!start) return { items };
  }
  return { items, cursor: encode(start!) };
}
