/**
 * Document numbers end to end on the local runtime (the real handlers, DynamoDB Local, the state
 * machine): many citizens submit at once, then the office accepts every case at once, each
 * acceptance sent twice in parallel (one of the two is refused as stale). The official notices
 * issued carry the numbers 1..2N of the year's complaint series, each once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequenceFaults } from '../../functions/domain/notices/document-number.ts';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';

const N = 15;
const HANDLER = { sub: 'h-office', name: '王芳', groups: ['handler'], unit: 'office' };
let rt: LocalRuntime;

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: '2026-11-02T09:00:00+08:00' });
}, 60_000);
afterAll(() => rt?.stop());

describe('document numbers through the API', () => {
  it('has no gap and no duplicate when submissions and decisions arrive at once', async () => {
    const submitted = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        rt.fetchJson('POST', '/v1/complaints', {
          category: 'other',
          subject: `并发投诉 ${i + 1}`,
          description: '用于检验文号连续。',
          respondentUnit: '某局',
          reporter: i % 3 === 0 ? { anonymous: true } : { anonymous: false, name: '张三', email: `c${i}@example.net` },
        }),
      ),
    );
    expect(submitted.map((r) => r.status)).toEqual(Array(N).fill(201));
    const token = await rt.login(HANDLER);
    const auth = { authorization: `Bearer ${token}` };
    const list = await rt.fetchJson('GET', '/v1/cases?queue=unit', undefined, auth);
    const ids = (list.body.items as { caseId: string; version?: number }[]).map((c) => c.caseId);
    expect(ids).toHaveLength(N);
    const versions = await Promise.all(ids.map((id) => rt.fetchJson('GET', `/v1/cases/${id}`, undefined, auth)));
    const answers = await Promise.all(
      versions.flatMap((v) => [0, 1].map(() => rt.fetchJson('POST', `/v1/cases/${v.body.caseId}/actions`, { type: 'accept', expectedVersion: v.body.version }, auth))),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(N);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);

    const lists = await Promise.all(ids.map((id) => rt.fetchJson('GET', `/v1/cases/${id}/documents`, undefined, auth)));
    const numbers = lists.flatMap((l) => (l.body.documents as { documentNo: string }[]).map((d) => Number(/第 (\d+) 号/.exec(d.documentNo)![1])));
    expect(numbers).toHaveLength(2 * N);
    expect(sequenceFaults(numbers)).toEqual({ gaps: [], duplicates: [] });
    expect(Math.max(...numbers)).toBe(2 * N);
  }, 240_000);
});
