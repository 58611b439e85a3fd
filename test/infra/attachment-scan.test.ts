/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation template JSON is untyped */
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { defaultRegistries } from '../../infra/stacks/registries.ts';
import { buildTestApp, type TestApp } from './build-test-app.ts';
import { actionsOf, statementsByRole } from './iam.ts';

/**
 * The malware scan on AWS (GuardDuty Malware Protection for S3 where the region has it; the
 * agency's scanner or no attachments in China regions), the bucket policy that keeps unscanned
 * files closed, and the SMS gateway's token from Secrets Manager.
 */
const CHINA = { region: 'cn-north-1', oidcIssuer: 'https://id.example.gov.cn', oidcAudience: 'disclosure-console', smtpSecretName: 'disclosure/smtp' };

const resources = (template: Template, type: string) => Object.values(template.findResources(type)) as { Properties: Record<string, any> }[];
const env = (t: TestApp) => resources(t.stateless, 'AWS::Lambda::Function')[0]!.Properties.Environment.Variables as Record<string, unknown>;
const bucketDenies = (t: TestApp) =>
  resources(t.stateful, 'AWS::S3::BucketPolicy').flatMap((p) => p.Properties.PolicyDocument.Statement as any[]).filter((s) => s.Sid === 'OnlyScannedCleanFilesOpen');
const roleId = (t: TestApp, route: string) => Object.keys(t.stateless.findResources('AWS::IAM::Role')).find((id) => id.startsWith(route.replace(/[^A-Za-z0-9]/g, '')))!;
const roleTags = (t: TestApp, id: string) => ((t.stateless.toJSON().Resources[id].Properties.Tags ?? []) as { Key: string; Value: string }[]);
const findings = (t: TestApp) =>
  t.report.pluginReports.flatMap((p) => p.violations.map((v) => `${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`));

describe('global profile: GuardDuty Malware Protection for S3', () => {
  const t = buildTestApp(defaultRegistries);

  it('protects the uploads/ prefix of the attachments bucket and tags each object with its result', () => {
    const [plan] = resources(t.stateful, 'AWS::GuardDuty::MalwareProtectionPlan');
    expect(plan!.Properties.ProtectedResource.S3Bucket.ObjectPrefixes).toEqual(['uploads/']);
    expect(JSON.stringify(plan!.Properties.ProtectedResource.S3Bucket.BucketName)).toContain('Attachments');
    expect(plan!.Properties.Actions).toEqual({ Tagging: { Status: 'ENABLED' } });
    const roles = t.stateful.toJSON().Resources as Record<string, any>;
    const role = roles[plan!.Properties.Role['Fn::GetAtt'][0]];
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal.Service).toBe('malware-protection-plan.guardduty.amazonaws.com');
    const statements = statementsByRole(t.stateful).get(plan!.Properties.Role['Fn::GetAtt'][0])!;
    const actions = statements.flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject', 's3:PutObjectTagging', 'kms:Decrypt', 'events:PutRule', 's3:PutBucketNotification']));
    expect(env(t).ATTACHMENT_SCAN).toBe('guardduty');
  });

  it('denies reading any file not tagged NO_THREATS_FOUND to all but the scanner and the submission checks', () => {
    const [deny] = bucketDenies(t);
    expect(deny).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' }, Action: ['s3:GetObject', 's3:GetObjectVersion'] });
    expect(JSON.stringify(deny.Resource)).toContain('/uploads/*');
    expect(deny.Condition.StringNotEquals).toEqual({
      's3:ExistingObjectTag/GuardDutyMalwareScanStatus': 'NO_THREATS_FOUND',
      'aws:PrincipalTag/disclosure-attachments': 'inspect',
    });
    expect(JSON.stringify(deny.Condition.ArnNotEquals['aws:PrincipalArn'])).toContain('AttachmentScanRole');
  });

  it('only the routes that check uploads at submission carry the inspector tag; those that give links do not', () => {
    const tagged = (route: string) => roleTags(t, roleId(t, route)).some((tag) => tag.Key === 'disclosure-attachments' && tag.Value === 'inspect');
    for (const route of ['RoutePOSTv1complaints', 'RoutePOSTv1disclosurerequests', 'RoutePOSTv1cases', 'RoutePOSTv1casescaseIdactions', 'RoutePOSTv1tracktrackingNoclarification']) {
      expect(tagged(route), route).toBe(true);
    }
    for (const route of ['RouteGETv1casescaseId', 'RouteGETv1tracktrackingNo', 'RoutePOSTv1uploads']) expect(tagged(route), route).toBe(false);
    // The link givers read the scan tag.
    const caseGet = statementsByRole(t.stateless).get(roleId(t, 'RouteGETv1casescaseId'))!;
    expect(caseGet.flatMap(actionsOf)).toContain('s3:GetObjectTagging');
  });

  it('passes cdk-nag', () => {
    expect(findings(t).filter((f) => /AttachmentScan/.test(f))).toEqual([]);
  });
});

describe('China profile: no GuardDuty Malware Protection for S3', () => {
  it('by default takes no files: no plan, ATTACHMENT_SCAN=off', () => {
    const t = buildTestApp(defaultRegistries, { context: CHINA });
    expect(resources(t.stateful, 'AWS::GuardDuty::MalwareProtectionPlan')).toEqual([]);
    expect(env(t).ATTACHMENT_SCAN).toBe('off');
  });

  it("with the agency's scanner: files stay closed until it tags them clean", () => {
    const t = buildTestApp(defaultRegistries, { context: { ...CHINA, attachmentScan: 'scanner' } });
    expect(resources(t.stateful, 'AWS::GuardDuty::MalwareProtectionPlan')).toEqual([]);
    expect(env(t).ATTACHMENT_SCAN).toBe('scanner');
    const [deny] = bucketDenies(t);
    expect(deny.Condition.StringNotEquals['s3:ExistingObjectTag/GuardDutyMalwareScanStatus']).toBe('NO_THREATS_FOUND');
    expect(deny.Condition.ArnNotEquals).toBeUndefined();
  });

  it('refuses GuardDuty there', () => {
    expect(() => buildTestApp(defaultRegistries, { context: { ...CHINA, attachmentScan: 'guardduty' } })).toThrow(/no GuardDuty Malware Protection/);
  });

  it('the SMS gateway token comes from a Secrets Manager secret only the notice sender may read, never the environment', () => {
    const t = buildTestApp(defaultRegistries, {
      context: { ...CHINA, smsGatewayUrl: 'https://sms.example.gov.cn/send', smsGatewaySecretName: 'disclosure/sms-gateway' },
    });
    expect(env(t)).toMatchObject({ SMS_TRANSPORT: 'gateway', SMS_GATEWAY_SECRET_ID: 'disclosure/sms-gateway' });
    expect(JSON.stringify(env(t))).not.toMatch(/TOKEN/);
    const readers = [...statementsByRole(t.stateless)]
      .filter(([, st]) => st.some((s) => actionsOf(s).includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource).includes('disclosure/sms-gateway')))
      .map(([role]) => role);
    expect(readers).toHaveLength(1);
    expect(readers[0]).toMatch(/SendNotices/);
  });
});

describe('retention', () => {
  const rules = (t: TestApp) => resources(t.stateful, 'AWS::S3::Bucket').find((b) => b.Properties.BucketName && JSON.stringify(b.Properties.BucketName).includes('attachments'))!.Properties.LifecycleConfiguration.Rules as any[];

  it('keeps files as long as case records (never deleted) unless the records schedule sets a number of days', () => {
    expect(rules(buildTestApp(defaultRegistries)).some((r) => r.ExpirationInDays)).toBe(false);
    const t = buildTestApp(defaultRegistries, { context: { attachmentRetentionDays: '4018' } });
    expect(rules(t)).toEqual([expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 4018, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })]);
  });
});
