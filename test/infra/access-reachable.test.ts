/**
 * The other half of least privilege (permissions.test.ts checks the template against the
 * declarations): every access a route or task declares must be reachable from its handler's
 * code. esbuild bundles each handler as CDK does (tree-shaken, dependencies left out) and the
 * project modules that end up in the bundle are read for the AWS calls they make. This is an
 * upper bound per module (a module that can Scan counts even if this handler never calls that
 * method), so it catches access no code could use: a table the handler never reaches, an action
 * no reachable adapter makes, the vault or mail from a handler that imports neither.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { Access } from '../../functions/adapters/access.ts';
import { FUNCTIONS_DIR, PROJECT_ROOT } from '../../infra/constructs/function.ts';
import { defaultRegistries } from '../../infra/stacks/registries.ts';
import { tables } from '../../infra/tables.ts';

/** SDK command classes -> the IAM actions they need (TransactWrite: any of its item actions). */
const DYNAMO_COMMANDS: Record<string, string[]> = {
  Get: ['GetItem'],
  GetItem: ['GetItem'],
  Put: ['PutItem'],
  PutItem: ['PutItem'],
  Update: ['UpdateItem'],
  UpdateItem: ['UpdateItem'],
  Delete: ['DeleteItem'],
  DeleteItem: ['DeleteItem'],
  Query: ['Query'],
  Scan: ['Scan'],
  TransactWrite: ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
};
const TABLE_OF_CONFIG: Record<string, string> = {
  casesTable: 'Cases',
  calendarTable: 'Calendar',
  idempotencyTable: 'Idempotency',
  vaultTable: 'ReporterVault',
};
const INDEXES = tables.flatMap((t) => t.indexes.map((i) => i.name));

/** What the project modules in a handler's bundle can do, as capability strings. */
async function reachable(handler: string): Promise<{ modules: string[]; can: Set<string> }> {
  const result = await build({
    entryPoints: [join(FUNCTIONS_DIR, handler)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'silent',
    outdir: '/tmp/access-reachable',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  const modules = Object.entries(output!.inputs)
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([file]) => relative(PROJECT_ROOT, join(PROJECT_ROOT, file)));
  const can = new Set<string>();
  for (const file of modules) {
    const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    const tablesHere = [...text.matchAll(/config\.(\w+Table)\b/g)].map((m) => TABLE_OF_CONFIG[m[1]!]).filter(Boolean);
    const actions = [...text.matchAll(/new (\w+?)Command\(/g)].flatMap((m) => DYNAMO_COMMANDS[m[1]!] ?? []);
    for (const table of tablesHere) for (const action of actions) can.add(`${table}:${action}`);
    for (const index of INDEXES) if (tablesHere.includes('Cases') && text.includes(`'${index}'`)) can.add(`Cases/index/${index}`);
    if (text.includes("'@aws-lambda-powertools/idempotency")) {
      for (const action of ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem']) can.add(`Idempotency:${action}`);
    }
    if (/new StartExecutionCommand\(/.test(text)) can.add('workflow:start');
    if (/new SendTaskSuccessCommand\(/.test(text)) can.add('workflow:resume');
    if (/new DescribeExecutionCommand\(/.test(text) && /new StartExecutionCommand\(/.test(text)) can.add('workflow:reconcile');
    if (/\bawait encrypt\(/.test(text)) can.add('vault:put');
    if (/\bawait decrypt\(/.test(text)) can.add('vault:read');
    if (/new SendEmailCommand\(|sendMail\(/.test(text)) can.add('mail:send');
    if (/new SendTextMessageCommand\(|postToSmsGateway\(/.test(text)) can.add('sms:send');
    if (/\bcreatePresignedPost\(/.test(text)) can.add('attachments:upload');
    if (/new GetObjectTaggingCommand\(|getSignedUrl\(/.test(text)) can.add('attachments:read');
    if (/new GetObjectCommand\(\{[^}]*Range:/.test(text)) can.add('attachments:inspect');
  }
  return { modules, can };
}

/** The capabilities a declaration claims, in the same vocabulary. */
function claimed(access: readonly Access[]): string[] {
  return access.flatMap((a) => {
    if ('table' in a) return 'index' in a ? [`${a.table}/index/${a.index}`] : a.actions.map((x) => `${a.table}:${x}`);
    if ('vault' in a) return a.vault === 'put' ? ['vault:put', 'ReporterVault:PutItem'] : ['vault:read', 'ReporterVault:GetItem'];
    if ('workflow' in a) return [`workflow:${a.workflow}`];
    if ('sms' in a) return ['sms:send'];
    if ('attachments' in a) return [`attachments:${a.attachments}`];
    return ['mail:send'];
  });
}

const entries = [
  ...defaultRegistries.routes.map((r) => ({ name: `${r.method} ${r.path}`, handler: r.handler, access: r.access })),
  ...defaultRegistries.workflowTasks.map((t) => ({ name: `task ${t.name}`, handler: t.handler, access: t.access })),
  ...defaultRegistries.jobs.map((j) => ({ name: `job ${j.name}`, handler: j.handler, access: j.access })),
];

describe('declared access is reachable from the code', () => {
  it.each(entries)('$name', async ({ handler, access }) => {
    const { can } = await reachable(handler);
    const unused = claimed(access).filter((c) => !can.has(c));
    expect(unused, `declared but no reachable code does it (reachable: ${[...can].sort().join(', ')})`).toEqual([]);
  });

  it('the check can fail: a declaration the code cannot reach is caught', async () => {
    const { can } = await reachable('http/health.ts');
    expect(can.size).toBe(0);
    expect(claimed([{ table: 'Cases', actions: ['GetItem'] }]).filter((c) => !can.has(c))).toEqual(['Cases:GetItem']);
  });

  it('finds the vault, the workflow and mail where they are', async () => {
    expect([...(await reachable('workflow/send-notices.ts')).can]).toEqual(expect.arrayContaining(['vault:read', 'mail:send', 'Cases:Query']));
    expect([...(await reachable('http/complaint-submit.ts')).can]).toEqual(expect.arrayContaining(['vault:put', 'workflow:start', 'Cases:PutItem', 'Cases:GetItem']));
  });
});
