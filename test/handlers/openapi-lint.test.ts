import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/http/routes.ts';
import { openApiDocument } from '../../functions/shared/openapi.ts';

/**
 * `redocly lint` (recommended rules, redocly.yaml) finds nothing in the OpenAPI document, and
 * does so offline: with telemetry off it opens no connection (test/support/no-network.mjs
 * reports any it tries).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const node = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath;

describe('OpenAPI document', () => {
  it('is clean under redocly lint, with no network', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(openApiDocument(routes), null, 2));
    const env = {
      ...process.env,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      NODE_OPTIONS: `--import ${join(ROOT, 'test/support/no-network.mjs')}`,
    };
    const cli = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    const run = await promisify(execFile)(node, [cli, 'lint', '--config', join(ROOT, 'test/support/redocly.yaml'), '--format', 'json', file], { cwd: dir, env, maxBuffer: 20_000_000 }).catch(
      (err: { stdout: string; stderr: string; code: number }) => err,
    );
    await rm(dir, { recursive: true, force: true });
    expect(run.stderr).not.toContain('NETWORK-ATTEMPT');
    const problems = (JSON.parse(run.stdout) as { problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] }).problems;
    expect(problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  }, 60_000);
});
