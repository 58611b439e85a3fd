/**
 * cdk-nag (AwsSolutions) runs on every synth as a validation plugin; findings land in
 * validation-report.json. Every finding must be fixed or acknowledged with a reason.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { defaultRegistries } from '../../infra/stacks/registries.ts';
import { buildTestApp, testRegistries, type TestApp } from './build-test-app.ts';

const findings = (t: TestApp, severity?: string) =>
  t.report.pluginReports.flatMap((p) =>
    p.violations
      .filter((v) => !severity || v.severity === severity)
      .map((v) => `${p.pluginName} ${v.severity} ${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`),
  );

describe('cdk-nag AwsSolutions', () => {
  it('reports nothing unacknowledged for the generated stacks, web deployment included', () => {
    const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title>');
    const t = buildTestApp(testRegistries, { webDistDir: dist });
    expect(t.stateless.findResources('Custom::CDKBucketDeployment')).not.toEqual({});
    // An empty report is also what a missing plugin gives: the next test proves cdk-nag runs.
    expect(findings(t, 'error')).toEqual([]);
    expect(findings(t).filter((f) => f.startsWith('AwsSolutions'))).toEqual([]);
  });

  it('still catches a new wildcard (acknowledgements are exact, not blanket)', () => {
    const t = buildTestApp(testRegistries, {
      tamper: ({ stateless }) =>
        stateless.routeFunctions.get('GET /v1/plain')!.function.addToRolePolicy(
          new PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::some-bucket/*'] }),
        ),
    });
    expect(findings(t, 'error')).toEqual([
      expect.stringContaining('AwsSolutions-IAM5[Resource::arn:aws:s3:::some-bucket/*]'),
    ]);
  });

  it('passes for the real registries (routes, tasks and state machines as they are today)', () => {
    const t = buildTestApp(defaultRegistries);
    expect(findings(t, 'error')).toEqual([]);
  });
});
