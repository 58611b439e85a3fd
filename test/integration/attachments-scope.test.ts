import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from './harness.ts';
import { staffSession, stopKeepingLogs } from './staff-session.ts';

/**
 * Files beyond the citizen's first submission: a clarification answer's documents, staff
 * documents with an action (a reply) and with a case entered by staff; the malware scan gating
 * every link (the S3 stand-in tags each upload as GuardDuty would; the EICAR test file is a
 * threat); and who may open what: the case's handler and its citizen, nobody else.
 */
const START = '2026-11-02T09:00:00+08:00';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 0x20)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(120, 2)]);
const EICAR = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*')]);

let rt: LocalRuntime;
const { staff, act, signIn, tokens } = staffSession(() => rt);
const tokensOf = (who: string) => tokens[who];

async function upload(file: Buffer, contentType = 'application/pdf'): Promise<string> {
  const t = await rt.fetchJson('POST', '/v1/uploads', { fileName: 'doc', contentType, size: file.length });
  expect(t.status, t.text).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(t.body.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file)]), 'doc');
  expect((await fetch(t.body.url, { method: 'POST', body: form })).status).toBe(204);
  return t.body.uploadId;
}

interface Link {
  id: string;
  scan: string;
  url?: string;
  addedBy?: string;
  action?: string;
}
const track = async (r: { trackingNo: string; accessCode: string }) =>
  rt.fetchJson('GET', `/v1/track/${r.trackingNo}`, undefined, { 'x-access-code': r.accessCode });
const ids = (links: Link[]) => links.map((l) => l.id).sort();
const opens = async (url: string | undefined) => (url ? (await fetch(url)).status : 0);

async function caseIdOf(trackingNo: string, kind = 'complaint') {
  const list = await staff('handler', 'GET', `/v1/cases?queue=unit&kind=${kind}`);
  return list.body.items.find((i: { trackingNo: string }) => i.trackingNo === trackingNo)?.caseId as string;
}

beforeAll(async () => {
  rt = await startLocalRuntime({ virtualClock: START });
  await signIn({
    handler: { sub: 'h-1', name: '王办理', groups: ['handler'], unit: 'office' },
    other: { sub: 'h-2', name: '李科员', groups: ['handler'], unit: 'policy' },
    security: { sub: 'so-1', name: '周保密', groups: ['security-officer'], unit: 'policy' },
    head: { sub: 'dh-1', name: '吴主任', groups: ['disclosure-head'], unit: 'finance' },
  });
}, 120_000);
afterAll(() => stopKeepingLogs(rt, 'attachments-scope'));

describe('malware scan', () => {
  it('the forms can tell that files are taken here', async () => {
    expect((await rt.fetchJson('GET', '/v1/config')).body).toMatchObject({ attachments: true });
  });

  it('a file the scan found infected is refused at submission; clean files carry scan "clean" and open', async () => {
    const bad = await upload(EICAR);
    const good = await upload(PDF);
    const body = (attachments: string[]) => ({
      category: 'late-disclosure',
      subject: '扫描测试',
      description: '见附件。',
      respondentUnit: '某局',
      reporter: { anonymous: true },
      attachments,
    });
    const refused = await rt.fetchJson('POST', '/v1/complaints', body([good, bad]));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({ path: 'attachments.1', messageEn: expect.stringMatching(/malware/) });
    const ok = await rt.fetchJson('POST', '/v1/complaints', body([good]));
    expect(ok.status, ok.text).toBe(201);
    const tracked = await track(ok.body);
    expect(tracked.body.attachments).toEqual([expect.objectContaining({ id: good, scan: 'clean', url: expect.any(String) })]);
    expect(await opens(tracked.body.attachments[0].url)).toBe(200);
  });
});

describe('attachments beyond the first submission', () => {
  it('clarification answer (citizen) and reply documents (staff) join the request; the citizen sees the reply documents once the reply went out', async () => {
    const own = await upload(PNG, 'image/png');
    const submitted = await rt.fetchJson('POST', '/v1/disclosure-requests', {
      applicant: { type: 'natural-person', name: '欧阳附件', email: 'scope-applicant-8812@example.cn' },
      description: '2026 年本区绿化工程合同',
      formats: ['electronic'],
      delivery: 'online',
      attachments: [own],
    });
    expect(submitted.status, submitted.text).toBe(201);
    const r = submitted.body as { trackingNo: string; accessCode: string };
    const caseId = await caseIdOf(r.trackingNo, 'disclosure-request');
    expect((await act('handler', caseId, { type: 'request-clarification', text: '请写明工程名称。' })).status).toBe(200);

    const answerFile = await upload(PDF);
    const wrong = await rt.fetchJson('POST', `/v1/track/${r.trackingNo}/clarification`, { text: '见附件。', attachments: [await upload(Buffer.from('plain text, not a PDF'))] }, { 'x-access-code': r.accessCode });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('attachments.0');
    const answered = await rt.fetchJson('POST', `/v1/track/${r.trackingNo}/clarification`, { text: '工程名称见附件。', attachments: [answerFile] }, { 'x-access-code': r.accessCode });
    expect(answered.status, answered.text).toBe(201);

    // Staff attach the reply's documents to the draft; an internal note's file never reaches the citizen.
    const noteFile = await upload(PDF);
    const noted = await act('handler', caseId, { type: 'note', text: '内部核对材料', attachments: [noteFile] });
    expect(noted.status, noted.text).toBe(200);
    const replyFile = await upload(PDF);
    const drafted = await act('handler', caseId, { type: 'draft-reply', outcome: 'disclose', text: '现提供合同文本。', attachments: [replyFile] });
    expect(drafted.status, drafted.text).toBe(200);

    const staffView = await staff('handler', 'GET', `/v1/cases/${caseId}`);
    const links = staffView.body.attachments as Link[];
    expect(ids(links)).toEqual([own, answerFile, noteFile, replyFile].sort());
    expect(links.find((l) => l.id === answerFile)).toMatchObject({ addedBy: 'citizen', action: 'clarification' });
    expect(links.find((l) => l.id === replyFile)).toMatchObject({ addedBy: 'staff', action: 'draft-reply' });
    for (const l of links) expect(await opens(l.url)).toBe(200);

    // Before the reply is approved the citizen sees only their own files.
    expect(ids((await track(r)).body.attachments)).toEqual([own, answerFile].sort());
    expect((await act('security', caseId, { type: 'review', decision: 'approve' })).status).toBe(200);
    expect((await act('head', caseId, { type: 'approve' })).status).toBe(200);
    const afterReply = (await track(r)).body.attachments as Link[];
    expect(ids(afterReply)).toEqual([own, answerFile, replyFile].sort());
    for (const l of afterReply) expect(await opens(l.url)).toBe(200);

    // The case's export for the archive carries every file (internal ones too) with a link, and the ledger.
    const exported = await rt.fetchJson('GET', `/v1/cases/${caseId}/export`, undefined, { authorization: `Bearer ${tokensOf('handler')}` });
    expect(exported.status, exported.text).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(`attachment; filename="case-${r.trackingNo}.json"`);
    expect(exported.body.case).toMatchObject({ caseId, trackingNo: r.trackingNo, status: 'replied' });
    expect(exported.body.case.history.map((e: { event: string }) => e.event)).toEqual(expect.arrayContaining(['clarified', 'replied']));
    expect(ids(exported.body.attachments)).toEqual([own, answerFile, noteFile, replyFile].sort());
    for (const l of exported.body.attachments as Link[]) expect(await opens(l.url)).toBe(200);
    expect(exported.text).not.toContain('欧阳附件');
    expect(exported.text).not.toContain('scope-applicant-8812');
    expect((await staff('other', 'GET', `/v1/cases/${caseId}/export`)).status).toBe(403);

    // Another unit's handler cannot see the case at all; another citizen's code shows nothing of it.
    expect((await staff('other', 'GET', `/v1/cases/${caseId}`)).status).toBe(403);
    const stranger = await rt.fetchJson('POST', '/v1/complaints', { category: 'other', subject: '他人投诉', description: '无关。', respondentUnit: '某局', reporter: { anonymous: true } });
    const theirs = await track(stranger.body);
    expect(theirs.body.attachments).toEqual([]);
    expect(JSON.stringify(theirs.body)).not.toContain(replyFile);
    const crossed = await rt.fetchJson('GET', `/v1/track/${r.trackingNo}`, undefined, { 'x-access-code': stranger.body.accessCode });
    expect(crossed.status).toBe(404);
    expect(JSON.stringify(crossed.body)).not.toContain(own);
  });

  it('staff enter a paper case with its documents; the documents are checked and the citizen sees them', async () => {
    const scanned = await upload(PDF);
    const entered = await staff('handler', 'POST', '/v1/cases', {
      channel: 'letter',
      category: 'late-disclosure',
      subject: '来信投诉',
      description: '来信附材料。',
      respondentUnit: '某局',
      reporter: { anonymous: true },
      attachments: [scanned],
    });
    expect(entered.status, entered.text).toBe(201);
    const view = await staff('handler', 'GET', `/v1/cases/${entered.body.caseId}`);
    expect(view.body.attachments).toEqual([expect.objectContaining({ id: scanned, addedBy: 'staff', action: 'intake', scan: 'clean' })]);
    expect(await opens(view.body.attachments[0].url)).toBe(200);
    const tracked = await track(entered.body);
    expect(ids(tracked.body.attachments)).toEqual([scanned]);
    const missing = await staff('handler', 'POST', '/v1/cases', {
      channel: 'letter',
      category: 'other',
      subject: '来信',
      description: '缺附件。',
      respondentUnit: '某局',
      reporter: { anonymous: true },
      attachments: ['6b1f8f0e-5a6e-4c1e-9d7a-1f2e3d4c5b6a'],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].path).toBe('attachments.0');
  });
});
