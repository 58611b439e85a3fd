import { SFNClient } from '@aws-sdk/client-sfn';
import { expect } from 'vitest';
import type { LocalEmail, LocalRuntime } from './harness.ts';

/**
 * What a story test does as staff on the local runtime: calls with a named sign-in (every staff
 * answer kept, so a test can check no identity leaked into any), actions on the case's current
 * version, and waiting for an e-mail the workflow sends a moment later.
 */
export function staffSession(rt: () => LocalRuntime) {
  const tokens: Record<string, string> = {};
  const bodies: string[] = [];

  async function staff(who: string, method: string, path: string, body?: unknown) {
    const res = await rt().fetchJson(method, path, body, { authorization: `Bearer ${tokens[who]}` });
    bodies.push(res.text);
    return res;
  }

  async function act(who: string, caseId: string, body: Record<string, unknown>) {
    const current = await staff(who, 'GET', `/v1/cases/${caseId}`);
    expect(current.status, current.text).toBe(200);
    return staff(who, 'POST', `/v1/cases/${caseId}/actions`, { expectedVersion: current.body.version, ...body });
  }

  /** An anonymous complaint from the web form (nobody to e-mail: only staff notices follow); 201 checked. */
  async function submitAnonymous(subject: string, category = 'other'): Promise<{ trackingNo: string; accessCode: string }> {
    const res = await rt().fetchJson('POST', '/v1/complaints', { category, subject, description: `${subject}。`, respondentUnit: '某局', reporter: { anonymous: true } });
    expect(res.status, res.text).toBe(201);
    return res.body;
  }

  async function waitForEmail(predicate: (m: LocalEmail) => boolean, timeoutMs = 15_000): Promise<LocalEmail> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = (await rt().emails()).find(predicate);
      if (found) return found;
      if (Date.now() > until) throw new Error(`no such e-mail; have: ${(await rt().emails()).map((m) => `${m.to} «${m.subject}»`).join('; ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Signs staff in under the names the story uses. */
  async function signIn(users: Record<string, { sub: string; name: string; groups: string[]; unit: string }>) {
    for (const [who, user] of Object.entries(users)) tokens[who] = await rt().login(user);
  }

  return { tokens, bodies, staff, act, waitForEmail, signIn, submitAnonymous };
}

/** Stops the runtime, keeping its own account of what happened for whoever reads a failed CI run. */
export async function stopKeepingLogs(rt: LocalRuntime | undefined, name: string) {
  if (rt) {
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir('test-artifacts', { recursive: true });
    await writeFile(`test-artifacts/${name}-runtime.log`, rt.logs());
  }
  await rt?.stop();
}

/** The runtime's Step Functions stand-in, its state machine's ARN and an execution's (named as the China profile would). */
export function localStepFunctions(rt: LocalRuntime) {
  expect(rt.stepFunctionsEndpoint, rt.logs().slice(0, 2000)).not.toBe('');
  const sfn = new SFNClient({ endpoint: rt.stepFunctionsEndpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const machine = 'arn:aws-cn:states:cn-north-1:000000000000:stateMachine:case-lifecycle';
  return { sfn, machine, executionArn: (name: string) => `${machine.replace(':stateMachine:', ':execution:')}:${name}` };
}
