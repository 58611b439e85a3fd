/**
 * Nothing names the `aws` partition literally: ARNs come from the stack's partition
 * (`AWS::Partition`, or the literal of the region's partition once the region is known), in the
 * templates and in the ASL files alike, so the same app deploys to aws-cn.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/constructs/function.ts';
import { defaultRegistries } from '../../infra/stacks/registries.ts';
import { buildTestApp } from './build-test-app.ts';

const LITERAL = /arn:aws:/;

const aslFiles = (dir: string) =>
  readdirSync(join(PROJECT_ROOT, dir))
    .filter((f) => f.endsWith('.asl.json'))
    .map((f) => join(dir, f));

describe('partition', () => {
  it('no ASL file names a partition literally; each writes arn:${Partition}:', () => {
    const files = [...aslFiles('state-machines'), ...aslFiles('test/fixtures/state-machines'), ...aslFiles('test/infra/fixtures')];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      expect(text, file).not.toMatch(LITERAL);
      expect(text, file).not.toMatch(/"arn:aws[\w-]*:/);
    }
  });

  it.each([
    ['environment-agnostic', {}],
    ['China (cn-north-1)', { region: 'cn-north-1', oidcIssuer: 'https://id.example.gov.cn', oidcAudience: 'disclosure-console', smtpSecretName: 'disclosure/smtp' }],
    ['global (eu-west-1)', { region: 'eu-west-1' }],
  ])('no template has a literal arn:aws: (%s)', (_name, context) => {
    const t = buildTestApp(defaultRegistries, { context });
    for (const template of [t.stateful, t.stateless]) {
      const text = JSON.stringify(template.toJSON());
      expect(text.match(/.{80}arn:aws:.{40}/g) ?? []).toEqual([]);
    }
  });

  it('substitutes the stack partition into every state machine', () => {
    const t = buildTestApp(defaultRegistries);
    for (const m of Object.values(t.stateless.findResources('AWS::StepFunctions::StateMachine')) as { Properties: { DefinitionSubstitutions: Record<string, unknown> } }[]) {
      expect(m.Properties.DefinitionSubstitutions.Partition).toEqual({ Ref: 'AWS::Partition' });
    }
  });
});
