/**
 * Deployment profiles (chosen by the region), stages, key protection and monitoring.
 * China: no Cognito, SES or SNS SMS; staff tokens from the agency's OIDC issuer through the HTTP
 * API's JWT authorizer; mail through SMTP with its secret. Global: Cognito and SES.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation template JSON is untyped */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { defaultRegistries } from '../../infra/stacks/registries.ts';
import { buildTestApp, type TestApp } from './build-test-app.ts';
import { actionsOf, statementsByRole } from './iam.ts';

const CHINA = {
  region: 'cn-north-1',
  oidcIssuer: 'https://id.example.gov.cn',
  oidcAudience: 'disclosure-console',
  smtpSecretName: 'disclosure/smtp',
};
const PROD = {
  stage: 'prod',
  mailDomain: 'xinfang.anyagency.gov.cn',
  supervisorEmails: 'duban@xinfang.anyagency.gov.cn',
  units: JSON.stringify([{ code: 'office', name: '办公室', email: 'office@xinfang.anyagency.gov.cn' }]),
  breakGlassRoleArn: 'arn:aws-cn:iam::111122223333:role/key-custodian',
  alarmEmail: 'ops@xinfang.anyagency.gov.cn',
};

const resources = (template: Template, type: string) => Object.values(template.findResources(type)) as { Properties: Record<string, any> }[];
const types = (t: TestApp) => [t.stateful, t.stateless].flatMap((tpl) => Object.values(tpl.toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type));
const env = (t: TestApp) => resources(t.stateless, 'AWS::Lambda::Function')[0]!.Properties.Environment.Variables as Record<string, unknown>;
const findings = (t: TestApp) =>
  t.report.pluginReports.flatMap((p) => p.violations.map((v) => `${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`));

describe('China profile (cn-* region)', () => {
  const t = buildTestApp(defaultRegistries, { context: CHINA });

  it('has no Cognito, no SES and no SNS SMS', () => {
    const all = types(t);
    expect(all.filter((type) => /^AWS::(Cognito|SES)::/.test(type))).toEqual([]);
    for (const sub of resources(t.stateful, 'AWS::SNS::Subscription')) expect(sub.Properties.Protocol).not.toBe('sms');
    expect(JSON.stringify([t.stateful.toJSON(), t.stateless.toJSON()])).not.toMatch(/ses:Send|SmsConfiguration|cognito-idp/);
    // SMS is sns:Publish to a phone number (Resource "*"): no role may do that.
    for (const [role, statements] of statementsByRole(t.stateless)) {
      expect(statements.filter((s) => actionsOf(s).some((a) => a.startsWith('sns:')) && s.Resource === '*'), role).toEqual([]);
    }
  });

  it('puts staff routes behind a JWT authorizer on the configured OIDC issuer and audience', () => {
    const [authorizer] = resources(t.stateless, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer!.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: CHINA.oidcIssuer, Audience: [CHINA.oidcAudience] },
    });
    for (const route of resources(t.stateless, 'AWS::ApiGatewayV2::Route')) {
      const def = defaultRegistries.routes.find((r) => `${r.method} ${r.path}` === route.Properties.RouteKey)!;
      expect(route.Properties.AuthorizationType ?? 'NONE', route.Properties.RouteKey).toBe(def.auth === 'staff' ? 'JWT' : 'NONE');
    }
  });

  it('tells functions the issuer, its claims and the SMTP transport', () => {
    expect(env(t)).toMatchObject({
      JWT_ISSUER: CHINA.oidcIssuer,
      JWT_AUDIENCE: CHINA.oidcAudience,
      JWT_JWKS_URL: `${CHINA.oidcIssuer}/.well-known/jwks.json`,
      JWT_GROUPS_CLAIM: 'groups',
      JWT_UNIT_CLAIM: 'unit',
      MAIL_TRANSPORT: 'smtp',
      SMTP_SECRET_ID: CHINA.smtpSecretName,
    });
  });

  it('lets only the functions that send mail (notices, the daily digest) read the SMTP secret', () => {
    const readers = [...statementsByRole(t.stateless)]
      .filter(([, statements]) => statements.some((s) => actionsOf(s).includes('secretsmanager:GetSecretValue')))
      .map(([role]) => role);
    const senders = [t.built.stateless.taskFunctions.get('SendNotices')!, t.built.stateless.jobFunctions.get('DailyDigest')!];
    expect(readers.sort()).toEqual(senders.map((s) => t.built.stateless.getLogicalId(s.role.node.defaultChild as any)).sort());
  });

  it('builds no CloudFront distribution without an ICP domain and IAM certificate; with them, uses the certificate', () => {
    t.stateless.resourceCountIs('AWS::CloudFront::Distribution', 0);
    const withSite = buildTestApp(defaultRegistries, { context: { ...CHINA, siteDomain: 'xinfang.anyagency.gov.cn', siteCertificateId: 'ASCAEXAMPLE123' } });
    const [distribution] = resources(withSite.stateless, 'AWS::CloudFront::Distribution');
    expect(distribution!.Properties.DistributionConfig).toMatchObject({
      Aliases: ['xinfang.anyagency.gov.cn'],
      ViewerCertificate: { IamCertificateId: 'ASCAEXAMPLE123', SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
    });
  });

  it('refuses to synth without the issuer, the audience or the SMTP secret', () => {
    for (const key of ['oidcIssuer', 'oidcAudience', 'smtpSecretName'] as const) {
      expect(() => buildTestApp(defaultRegistries, { context: { ...CHINA, [key]: '' } }), key).toThrow(/China regions/);
    }
  });

  it('has no unacknowledged cdk-nag finding, web deployment included', () => {
    const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title>');
    const site = { siteDomain: 'xinfang.anyagency.gov.cn', siteCertificateId: 'ASCAEXAMPLE123' };
    expect(findings(buildTestApp(defaultRegistries, { context: { ...CHINA, ...site }, webDistDir: dist }))).toEqual([]);
    expect(findings(t)).toEqual([]);
  });
});

describe('global profile (any other region)', () => {
  const t = buildTestApp(defaultRegistries, { context: { region: 'eu-west-1' } });

  it('has the Cognito user pool, SES identity and a JWT authorizer on the pool issuer', () => {
    t.stateful.resourceCountIs('AWS::Cognito::UserPool', 1);
    t.stateful.resourceCountIs('AWS::SES::EmailIdentity', 1);
    const [authorizer] = resources(t.stateless, 'AWS::ApiGatewayV2::Authorizer');
    expect(JSON.stringify(authorizer!.Properties.JwtConfiguration.Issuer)).toContain('https://cognito-idp.');
    expect(env(t)).toMatchObject({ MAIL_TRANSPORT: 'ses', JWT_GROUPS_CLAIM: 'cognito:groups', JWT_UNIT_CLAIM: 'custom:unit' });
    expect(env(t).SMTP_SECRET_ID).toBeUndefined();
  });

  it('has no unacknowledged cdk-nag finding with a region set', () => {
    expect(findings(t)).toEqual([]);
  });
});

describe('stages', () => {
  it('dev and prod are separate stacks with separate resource names', () => {
    const dev = buildTestApp(defaultRegistries);
    const prod = buildTestApp(defaultRegistries, { context: { ...PROD, region: 'eu-west-1' } });
    expect([dev.built.stateful.stackName, dev.built.stateless.stackName]).toEqual(['DisclosureStateful-dev', 'DisclosureStateless-dev']);
    expect([prod.built.stateful.stackName, prod.built.stateless.stackName]).toEqual(['DisclosureStateful-prod', 'DisclosureStateless-prod']);
    expect(resources(prod.stateful, 'AWS::DynamoDB::Table').map((r) => r.Properties.TableName)).toContain('DisclosureStateful-prod-Cases');
  });

  it('prod refuses placeholder values (example.*) and missing operator settings', () => {
    expect(() => buildTestApp(defaultRegistries, { context: { stage: 'prod', region: 'eu-west-1' } })).toThrow(/placeholder.*mailDomain/);
    expect(() => buildTestApp(defaultRegistries, { context: { ...PROD, ...CHINA } })).toThrow(/placeholder.*oidcIssuer/);
    expect(() => buildTestApp(defaultRegistries, { context: { ...PROD, region: 'eu-west-1', breakGlassRoleArn: '' } })).toThrow(/breakGlassRoleArn/);
    expect(() => buildTestApp(defaultRegistries, { context: { ...CHINA, stage: 'test' } })).toThrow(/dev or prod/);
    const ok = buildTestApp(defaultRegistries, { context: { ...PROD, ...CHINA, oidcIssuer: 'https://id.anyagency.gov.cn' } });
    expect(findings(ok)).toEqual([]);
  });
});

describe('keys and monitoring', () => {
  const t = buildTestApp(defaultRegistries, { context: { region: 'eu-west-1', breakGlassRoleArn: 'arn:aws:iam::111122223333:role/key-custodian' } });

  it('every key policy denies ScheduleKeyDeletion and DisableKey to all but the break-glass role', () => {
    const keys = resources(t.stateful, 'AWS::KMS::Key');
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      expect(key.Properties.KeyPolicy.Statement).toContainEqual({
        Sid: 'OnlyBreakGlassMayDisableOrDelete',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: ['kms:DisableKey', 'kms:ScheduleKeyDeletion'],
        Resource: '*',
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/key-custodian' } },
      });
    }
  });

  it('alarms on any attempt to disable or delete a key (CloudTrail via EventBridge)', () => {
    const [rule] = resources(t.stateful, 'AWS::Events::Rule');
    expect(rule!.Properties.EventPattern).toMatchObject({
      source: ['aws.kms'],
      detail: { eventName: ['ScheduleKeyDeletion', 'DisableKey'] },
    });
    expect(resources(t.stateful, 'AWS::CloudWatch::Alarm').map((a) => a.Properties.MetricName)).toEqual(['TriggeredRules']);
  });

  it('alarms on failed and timed-out executions, API 5xx, throttles of every function, SES bounces and complaints; one dashboard', () => {
    const alarms = resources(t.stateless, 'AWS::CloudWatch::Alarm').map((a) => `${a.Properties.Namespace} ${a.Properties.MetricName}`);
    const count = (name: string) => alarms.filter((a) => a === name).length;
    expect(count('AWS/States ExecutionsFailed')).toBe(defaultRegistries.stateMachines.length);
    expect(count('AWS/States ExecutionsTimedOut')).toBe(defaultRegistries.stateMachines.length);
    expect(count('AWS/ApiGateway 5xx')).toBe(1);
    expect(count('AWS/Lambda Throttles')).toBe(defaultRegistries.routes.length + defaultRegistries.workflowTasks.length + defaultRegistries.jobs.length);
    expect(count('AWS/SES Reputation.BounceRate')).toBe(1);
    expect(count('AWS/SES Reputation.ComplaintRate')).toBe(1);
    for (const alarm of resources(t.stateless, 'AWS::CloudWatch::Alarm')) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    t.stateless.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const china = buildTestApp(defaultRegistries, { context: CHINA });
    expect(resources(china.stateless, 'AWS::CloudWatch::Alarm').filter((a) => a.Properties.Namespace === 'AWS/SES')).toEqual([]);
  });
});

describe('SMS per profile', () => {
  const smsRoles = (t: TestApp) =>
    [...statementsByRole(t.stateless)].filter(([, statements]) => statements.some((s) => actionsOf(s).includes('sms-voice:SendTextMessage'))).map(([role]) => role);

  it('global: End User Messaging, only the notice sender may SendTextMessage', () => {
    const t = buildTestApp(defaultRegistries);
    expect(env(t).SMS_TRANSPORT).toBe('aws');
    expect(smsRoles(t)).toHaveLength(1);
    expect(smsRoles(t)[0]).toMatch(/SendNotices/);
  });

  it('China: off unless the agency names its gateway; never End User Messaging', () => {
    const off = buildTestApp(defaultRegistries, { context: CHINA });
    expect(env(off).SMS_TRANSPORT).toBe('off');
    expect(smsRoles(off)).toEqual([]);
    const gateway = buildTestApp(defaultRegistries, { context: { ...CHINA, smsGatewayUrl: 'https://sms.example.gov.cn/send' } });
    expect(env(gateway)).toMatchObject({ SMS_TRANSPORT: 'gateway', SMS_GATEWAY_URL: 'https://sms.example.gov.cn/send' });
    expect(smsRoles(gateway)).toEqual([]);
  });
});
