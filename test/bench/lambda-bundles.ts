/**
 * Each Lambda as CDK bundles it (infra/constructs/function.ts LAMBDA_BUNDLING: esbuild, ESM,
 * node22, minified, linked source map, AWS SDK bundled): its size and how long a fresh `node`
 * with the function's NODE_OPTIONS takes to import it (module load and top-level code, the part
 * of a cold start the code controls), next to a handler that imports only the DynamoDB document
 * client, bundled the same way. Every function is timed in each of the rounds in turn (median of
 * the rounds), so a busy machine slows all of them alike and the ratios stay comparable.
 * Measured only: nothing here changes a handler.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { FUNCTIONS_DIR, LAMBDA_BUNDLING, LAMBDA_NODE_OPTIONS, PROJECT_ROOT } from '../../infra/constructs/function.ts';
import { defaultRegistries } from '../../infra/stacks/registries.ts';
import type { Access } from '../../functions/adapters/access.ts';
import type { Figure } from './calendar.ts';

const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 5);
const MAX_KB = 500;
const ENCRYPTING_GOAL = 1.5;
const OTHER_GOAL = 1.2;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Entry {
  name: string;
  file: string;
  /** Puts into or reads the reporter vault: encrypts or decrypts with the Encryption SDK. */
  encrypts: boolean;
}

/** Every deployed function once: the routes, workflow tasks and jobs of the registries. */
function registryEntries(): Entry[] {
  const all: { handler: string; access: readonly Access[] }[] = [...defaultRegistries.routes, ...defaultRegistries.workflowTasks, ...defaultRegistries.jobs];
  const byHandler = new Map<string, Entry>();
  for (const { handler, access } of all) {
    const encrypts = access.some((a) => 'vault' in a);
    const seen = byHandler.get(handler);
    byHandler.set(handler, { name: handler.replace(/\.ts$/, ''), file: join(FUNCTIONS_DIR, handler), encrypts: encrypts || Boolean(seen?.encrypts) });
  }
  return [...byHandler.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Milliseconds from `import()` to its resolution in a fresh node process. */
function importTime(loader: string, bundle: string): number {
  const run = spawnSync(process.execPath, [...LAMBDA_NODE_OPTIONS.split(' '), loader, bundle], {
    encoding: 'utf8',
    timeout: 30_000,
    // What a function's environment holds, so top-level code finds its configuration.
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'cn-north-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_EC2_METADATA_DISABLED: 'true',
      CASES_TABLE: 'di-Cases',
      VAULT_TABLE: 'di-ReporterVault',
      CALENDAR_TABLE: 'di-Calendar',
      IDEMPOTENCY_TABLE: 'di-Idempotency',
      CASE_STATE_MACHINE_ARN: 'arn:aws-cn:states:cn-north-1:000000000000:stateMachine:case-lifecycle',
      POWERTOOLS_SERVICE_NAME: 'disclosure-intake',
    },
  });
  const ms = Number(run.stdout.trim());
  if (run.status !== 0 || !Number.isFinite(ms)) throw new Error(`importing ${bundle} failed: ${run.stderr.slice(0, 500)}`);
  return ms;
}

/** esbuild with the options CDK passes it for LAMBDA_BUNDLING. */
async function bundle(entry: string, outfile: string): Promise<void> {
  const b = LAMBDA_BUNDLING;
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: b.format,
    target: b.target,
    mainFields: b.mainFields,
    banner: { js: b.banner },
    minify: b.minify,
    sourcemap: b.sourceMap ? 'linked' : false,
    sourcesContent: b.sourcesContent,
    charset: b.charset,
    external: b.externalModules,
    nodePaths: [join(PROJECT_ROOT, 'node_modules')],
    logLevel: 'error',
  });
}

interface Measured {
  name: string;
  encrypts?: boolean;
  bytes: number;
  gzipBytes: number;
  times: number[];
}

/** Builds every entry, then times each in every round, interleaved. */
async function measure(dir: string, entries: { name: string; file: string; encrypts?: boolean }[]): Promise<Measured[]> {
  const loader = join(dir, 'load.mjs');
  await writeFile(loader, 'const t0 = performance.now();\nawait import(process.argv[2]);\nprocess.stdout.write(String(performance.now() - t0));\n');
  const built: (Measured & { outfile: string })[] = [];
  for (const [i, entry] of entries.entries()) {
    const outfile = join(dir, `fn-${i}`, 'index.mjs');
    await bundle(entry.file, outfile);
    importTime(loader, outfile); // page cache warm, as a reused Lambda host's disk would be
    built.push({ ...entry, outfile, bytes: (await stat(outfile)).size, gzipBytes: gzipSync(await readFile(outfile)).length, times: [] });
  }
  for (let round = 0; round < ROUNDS; round++) for (const b of built) b.times.push(importTime(loader, b.outfile));
  return built;
}

const BASELINE =
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\n" +
  'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nexport const handler = async () => ({ statusCode: 200, body: String(Boolean(db)) });\n';

// zod against zod/mini on the same request shape (a complaint's fields), each alone in a bundle.
const ZOD_PROBES = {
  zod:
    "import * as z from 'zod';\nconst s = z.object({ category: z.enum(['a', 'b']), subject: z.string().trim().min(1).max(200), description: z.string().min(1).max(5000), " +
    'reporter: z.object({ anonymous: z.boolean(), name: z.string().max(50).optional(), email: z.email().optional(), phone: z.string().regex(/^1\\d{10}$/).optional() }) }).strict();\n' +
    'export const handler = async (e) => s.safeParse(e);\n',
  'zod/mini':
    "import * as z from 'zod/mini';\nconst s = z.strictObject({ category: z.enum(['a', 'b']), subject: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), description: z.string().check(z.minLength(1), z.maxLength(5000)), " +
    'reporter: z.object({ anonymous: z.boolean(), name: z.optional(z.string().check(z.maxLength(50))), email: z.optional(z.email()), phone: z.optional(z.string().check(z.regex(/^1\\d{10}$/))) }) });\n' +
    'export const handler = async (e) => z.safeParse(s, e);\n',
};

export async function lambdaBundleFigures(): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'di-bundles-'));
  try {
    const baselineEntry = join(dir, 'baseline-entry.ts');
    await writeFile(baselineEntry, BASELINE);
    const probes = await Promise.all(
      Object.entries(ZOD_PROBES).map(async ([name, source]) => {
        const file = join(dir, `probe-${name.replace('/', '-')}.mjs`);
        await writeFile(file, source);
        return { name: `probe: ${name} alone (a complaint-shaped schema)`, file };
      }),
    );
    const functions = registryEntries();
    const measured = await measure(dir, [{ name: 'baseline (DynamoDB document client only)', file: baselineEntry }, ...functions, ...probes]);
    const base = median(measured[0]!.times);
    const kb = (b: number) => Math.round(b / 1024);
    const ratio = (m: Measured) => median(m.times) / base;
    const figures: Figure[] = [];
    for (const m of measured) {
      let verdict = '';
      if (m !== measured[0] && m.encrypts !== undefined) {
        const goal = m.encrypts ? ENCRYPTING_GOAL : OTHER_GOAL;
        const met = ratio(m) <= goal && m.bytes <= MAX_KB * 1024;
        verdict = ` = ${ratio(m).toFixed(2)}x baseline (goal ${goal}x${m.encrypts ? ', encrypts' : ''}, ≤${MAX_KB} KB: ${met ? 'met' : 'UNMET'})`;
      } else if (m !== measured[0]) {
        verdict = ` = ${ratio(m).toFixed(2)}x baseline`;
      }
      figures.push({ name: `lambda ${m.name}: ${kb(m.bytes)} KB minified, ${kb(m.gzipBytes)} KB gzipped; cold import${verdict}`, value: Math.round(median(m.times)), unit: 'ms' });
    }
    const fns = measured.filter((m) => m.encrypts !== undefined);
    const encrypting = fns.filter((m) => m.encrypts);
    const others = fns.filter((m) => !m.encrypts);
    const round2 = (x: number) => Math.round(x * 100) / 100;
    figures.push(
      { name: 'lambda: largest bundle', value: kb(Math.max(...fns.map((m) => m.bytes))), unit: 'KB' },
      { name: `lambda: worst cold import / baseline, functions that encrypt (goal ${ENCRYPTING_GOAL}x)`, value: round2(Math.max(...encrypting.map(ratio))), unit: 'x' },
      { name: `lambda: worst cold import / baseline, all others (goal ${OTHER_GOAL}x)`, value: round2(Math.max(...others.map(ratio))), unit: 'x' },
      { name: 'lambda: median cold import of all functions / baseline', value: round2(median(fns.map(ratio))), unit: 'x' },
      { name: `lambda: functions meeting both goals`, value: fns.filter((m) => ratio(m) <= (m.encrypts ? ENCRYPTING_GOAL : OTHER_GOAL) && m.bytes <= MAX_KB * 1024).length, unit: `of ${fns.length}` },
    );
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
