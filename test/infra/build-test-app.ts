/**
 * Builds the real stacks in-process from made-up registries, so infra tests prove properties
 * of the generator (permissions follow the registry) rather than of today's route list.
 * Bundling is skipped; cdk.json's feature flags are applied as `cdk synth` would.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  calendarList,
  caseGet,
  caseIndex,
  casePut,
  caseQuery,
  mailSend,
  vaultPut,
  vaultRead,
  workflowResume,
  workflowStart,
} from '../../functions/adapters/access.ts';
import type { RouteDef } from '../../functions/http/routes.ts';
import { PROJECT_ROOT } from '../../infra/constructs/function.ts';
import { buildApp } from '../../infra/stacks/build.ts';
import type { Registries } from '../../infra/stacks/registries.ts';
import { tables } from '../../infra/tables.ts';

/** Any existing module under functions/ will do as an entry while bundling is skipped. */
const ENTRY = 'http/routes.ts';

const route = (method: RouteDef['method'], path: string, access: RouteDef['access'], auth: RouteDef['auth'] = 'staff'): RouteDef => ({
  method,
  path,
  handler: ENTRY,
  auth,
  summary: `test route ${method} ${path}`,
  access,
});

/** One function per kind of access, as routes and as workflow tasks. */
export const testRegistries: Registries = {
  tables,
  routes: [
    route('GET', '/v1/plain', [], 'public'),
    route('POST', '/v1/intake', [vaultPut, casePut, workflowStart], 'public'),
    route('GET', '/v1/reveal', [vaultRead('email')]),
    route('POST', '/v1/mail', [mailSend]),
    route('GET', '/v1/list', [caseIndex('byUnit'), calendarList]),
  ],
  workflowTasks: [
    { name: 'Prepare', handler: ENTRY, access: [caseGet, workflowResume] },
    { name: 'Notify', handler: ENTRY, access: [vaultRead('email'), mailSend, caseQuery] },
  ],
  jobs: [{ name: 'Morning', handler: ENTRY, at: { hour: 8, minute: 30 }, access: [caseIndex('openDeadlines'), mailSend] }],
  stateMachines: [
    {
      id: 'review',
      file: join(PROJECT_ROOT, 'test/infra/fixtures/review.asl.json'),
      envVar: 'REVIEW_STATE_MACHINE_ARN',
      tasks: ['Prepare', 'Notify'],
    },
  ],
};

const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

export interface TestApp {
  built: ReturnType<typeof buildApp>;
  stateful: Template;
  stateless: Template;
  /** cdk.out/validation-report.json of this synth. */
  report: ValidationReport;
}

export interface ValidationReport {
  pluginReports: {
    pluginName: string;
    conclusion: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

export interface TestAppOptions {
  webDistDir?: string;
  context?: Record<string, unknown>;
  /** Runs after the stacks are built and before synth, e.g. to add a deliberately bad grant. */
  tamper?: (built: ReturnType<typeof buildApp>) => void;
}

export function buildTestApp(registries: Registries = testRegistries, options: TestAppOptions = {}): TestApp {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-test-'));
  const app = new App({
    outdir,
    context: {
      ...cdkJsonContext(),
      'aws:cdk:bundling-stacks': [],
      // Let synth finish with findings so tests can read the report instead of an exception.
      '@aws-cdk/core:failSynthOnValidationErrors': false,
      ...options.context,
    },
  });
  const built = buildApp(app, { registries, webDistDir: options.webDistDir ?? join(outdir, 'no-web-dist') });
  options.tamper?.(built);
  app.synth();
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  return {
    built,
    stateful: Template.fromStack(built.stateful),
    stateless: Template.fromStack(built.stateless),
    report,
  };
}
