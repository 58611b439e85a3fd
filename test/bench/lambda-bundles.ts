/**
 * Each Lambda as CDK bundles it (esbuild, ESM, node22, minified, AWS SDK bundled): its size and
 * how long a fresh `node` takes to import it (module load and top-level code, the part of a
 * cold start the code controls), median of 5 processes, next to a handler that imports only
 * @aws-sdk/lib-dynamodb. Measured only: nothing here changes a handler.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROOT } from '../browser/browser.ts';
import type { Figure } from './calendar.ts';

const RUNS = 5;
// As infra/constructs/function.ts bundles them.
const REQUIRE_SHIM = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function handlerEntries(): Promise<{ name: string; file: string }[]> {
  const entries: { name: string; file: string }[] = [];
  for (const dir of ['functions/http', 'functions/workflow']) {
    for (const file of (await readdir(join(ROOT, dir))).filter((f) => f.endsWith('.ts')).sort()) {
      const source = await readFile(join(ROOT, dir, file), 'utf8');
      if (/export (const|async function|function) handler\b/.test(source)) entries.push({ name: `${basename(dir)}/${basename(file, '.ts')}`, file: join(ROOT, dir, file) });
    }
  }
  return entries;
}

/** Milliseconds from `import()` to its resolution in a fresh node process. */
function importTime(loader: string, bundle: string): number {
  const run = spawnSync(process.execPath, [loader, bundle], {
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

export async function lambdaBundleFigures(): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'di-bundles-'));
  try {
    const baselineEntry = join(dir, 'baseline-entry.ts');
    await writeFile(
      baselineEntry,
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\n" +
        'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nexport const handler = async () => ({ statusCode: 200, body: String(Boolean(db)) });\n',
    );
    const entries = [{ name: 'baseline (@aws-sdk/lib-dynamodb only)', file: baselineEntry }, ...(await handlerEntries())];
    const loader = join(dir, 'load.mjs');
    await writeFile(loader, "const t0 = performance.now();\nawait import(process.argv[2]);\nprocess.stdout.write(String(performance.now() - t0));\n");
    const measured: { name: string; bytes: number; gzipBytes: number; ms: number }[] = [];
    for (const [i, entry] of entries.entries()) {
      const outfile = join(dir, `fn-${i}`, 'index.mjs');
      await build({
        entryPoints: [entry.file],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: { js: REQUIRE_SHIM },
        minify: true,
        charset: 'utf8',
        nodePaths: [join(ROOT, 'node_modules')],
        logLevel: 'error',
      });
      const bytes = (await stat(outfile)).size;
      const gzipBytes = gzipSync(await readFile(outfile)).length;
      importTime(loader, outfile); // page cache warm, as a reused Lambda host's disk would be
      const ms = median(Array.from({ length: RUNS }, () => importTime(loader, outfile)));
      measured.push({ name: entry.name, bytes, gzipBytes, ms });
    }
    const base = measured[0]!;
    const kb = (b: number) => Math.round(b / 1024);
    const figures: Figure[] = [];
    for (const m of measured) {
      const relative = m === base ? '' : ` = ${(Math.round((m.ms / base.ms) * 10) / 10).toFixed(1)}x baseline`;
      figures.push({ name: `lambda ${m.name}: ${kb(m.bytes)} KB minified, ${kb(m.gzipBytes)} KB gzipped; cold import${relative}`, value: Math.round(m.ms), unit: 'ms' });
    }
    const handlers = measured.slice(1);
    figures.push({ name: 'lambda: median cold import of all handlers / baseline', value: Math.round((median(handlers.map((m) => m.ms)) / base.ms) * 10) / 10, unit: 'x' });
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
