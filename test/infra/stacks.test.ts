/** The stacks' fixed properties, from made-up registries (see build-test-app.ts). */
/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation template JSON is untyped */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tables } from '../../infra/tables.ts';
import { buildTestApp, testRegistries } from './build-test-app.ts';

const t = buildTestApp();
const resources = (template: typeof t.stateful, type: string) =>
  Object.values(template.findResources(type)) as { Properties: Record<string, any> }[];

describe('stateful stack', () => {
  it('has one table per TableDef, each with PITR, deletion protection and retention', () => {
    const found = t.stateful.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(found)).toHaveLength(tables.length);
    for (const table of Object.values(found) as { Properties: any; DeletionPolicy: string; UpdateReplacePolicy: string }[]) {
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
    }
  });

  it('encrypts every table with a customer-managed key', () => {
    for (const table of resources(t.stateful, 'AWS::DynamoDB::Table')) {
      expect(table.Properties.SSESpecification, table.Properties.TableName).toMatchObject({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } });
    }
  });

  it('sets TTL and ALL-projection indexes where the registry says', () => {
    for (const def of tables) {
      const [table] = resources(t.stateful, 'AWS::DynamoDB::Table').filter((r) => r.Properties.TableName === `DisclosureStateful-dev-${def.id}`);
      expect(table, def.id).toBeDefined();
      const { Properties: p } = table!;
      expect(p.TimeToLiveSpecification?.AttributeName).toBe(def.ttlAttribute);
      expect((p.GlobalSecondaryIndexes ?? []).map((i: any) => [i.IndexName, i.Projection.ProjectionType])).toEqual(
        def.indexes.map((i) => [i.name, 'ALL']),
      );
    }
  });

  it('encrypts the vault table with a customer-managed key that rotates', () => {
    const { stateful } = t.built;
    const keyId = stateful.getLogicalId(stateful.vaultTableKey.node.defaultChild as any);
    t.stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'DisclosureStateful-dev-ReporterVault',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
    t.stateful.hasResource('AWS::KMS::Key', { Properties: Match.objectLike({ EnableKeyRotation: true }), DeletionPolicy: 'Retain' });
    // Every key (table at rest, reporter fields, alarm topic) rotates.
    for (const key of resources(t.stateful, 'AWS::KMS::Key')) expect(key.Properties.EnableKeyRotation).toBe(true);
  });

  it('keeps staff sign-up closed, with MFA (TOTP) required, custom:unit, the groups and a strong password policy', () => {
    t.stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Schema: Match.arrayWith([Match.objectLike({ Name: 'unit', AttributeDataType: 'String', Mutable: true })]),
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true, RequireUppercase: true }) },
    });
    const groups = resources(t.stateful, 'AWS::Cognito::UserPoolGroup').map((g) => g.Properties.GroupName).sort();
    expect(groups).toEqual(['admin', 'custodian', 'disclosure-head', 'handler', 'security-officer', 'supervisor']);
  });
});

describe('stateless stack', () => {
  it('runs every function on nodejs22.x, arm64, traced, one per route and task', () => {
    const fns = resources(t.stateless, 'AWS::Lambda::Function');
    expect(fns).toHaveLength(testRegistries.routes.length + testRegistries.workflowTasks.length + testRegistries.jobs.length);
    for (const fn of fns) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.MemorySize).toBe(512);
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
    }
  });

  it('schedules each job daily in Shanghai time, passing the time it fired for', () => {
    const schedules = resources(t.stateless, 'AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(testRegistries.jobs.length);
    const [schedule] = schedules;
    expect(schedule!.Properties).toMatchObject({
      ScheduleExpression: 'cron(30 8 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: { Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }) },
    });
    const job = t.built.stateless.jobFunctions.get('Morning')!;
    expect(JSON.stringify(schedule!.Properties.Target.Arn)).toContain(t.built.stateless.getLogicalId(job.function.node.defaultChild as never));
  });

  it('gives functions the environment functions/shared/config.ts reads', () => {
    const [fn] = resources(t.stateless, 'AWS::Lambda::Function');
    const env = Object.keys(fn!.Properties.Environment.Variables);
    for (const name of [
      ...tables.map((d) => d.envVar),
      ...testRegistries.stateMachines.map((d) => d.envVar),
      'MAIL_FROM', 'MAIL_TRANSPORT', 'SUPERVISOR_EMAILS', 'UNITS_JSON', 'JWT_ISSUER', 'JWT_JWKS_URL', 'JWT_AUDIENCE',
      'JWT_GROUPS_CLAIM', 'JWT_UNIT_CLAIM',
      'VAULT_KMS_KEY_ARN', 'PUBLIC_BASE_URL', 'POWERTOOLS_SERVICE_NAME', 'NODE_OPTIONS',
    ]) {
      expect(env, name).toContain(name);
    }
    expect(JSON.parse(fn!.Properties.Environment.Variables.UNITS_JSON)[0].code).toBe('office');
  });

  it('times out HTTP functions at 10 s, tasks and jobs at 30 s', () => {
    const timeouts = resources(t.stateless, 'AWS::Lambda::Function').map((f) => [f.Properties.Description, f.Properties.Timeout]);
    for (const [description, timeout] of timeouts) expect(timeout, description).toBe(/^(workflow task|scheduled job)/.test(description) ? 30 : 10);
  });

  it('routes each RouteDef to its own Lambda integration (payload 2.0); staff routes behind the JWT authorizer, public ones open', () => {
    const routes = resources(t.stateless, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey).sort();
    expect(routes).toEqual(testRegistries.routes.map((r) => `${r.method} ${r.path}`).sort());
    for (const r of resources(t.stateless, 'AWS::ApiGatewayV2::Route')) {
      const def = testRegistries.routes.find((d) => `${d.method} ${d.path}` === r.Properties.RouteKey)!;
      expect(r.Properties.AuthorizationType ?? 'NONE', def.path).toBe(def.auth === 'staff' ? 'JWT' : 'NONE');
    }
    for (const i of resources(t.stateless, 'AWS::ApiGatewayV2::Integration')) expect(i.Properties.PayloadFormatVersion).toBe('2.0');
    t.stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ Format: Match.not(Match.stringLikeRegexp('sourceIp')) }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }),
    });
  });

  it('creates STANDARD state machines that log errors without execution data and may invoke their tasks', () => {
    const machines = resources(t.stateless, 'AWS::StepFunctions::StateMachine');
    expect(machines).toHaveLength(testRegistries.stateMachines.length);
    for (const m of machines) {
      expect(m.Properties.StateMachineType).toBe('STANDARD');
      expect(m.Properties.LoggingConfiguration).toMatchObject({ Level: 'ERROR', IncludeExecutionData: false });
      expect(m.Properties.TracingConfiguration).toEqual({ Enabled: true });
      expect(Object.keys(m.Properties.DefinitionSubstitutions).sort()).toEqual(['NotifyFunctionArn', 'Partition', 'PrepareFunctionArn']);
    }
    t.stateless.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'lambda:InvokeFunction', Resource: Match.arrayWith([Match.objectLike({ 'Fn::GetAtt': Match.anyValue() })]) })]) },
    });
  });

  it('serves pages and /v1/* from one CloudFront origin with strict headers and no error-page rewrite', () => {
    t.stateless.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        CacheBehaviors: [Match.objectLike({ PathPattern: '/v1/*', AllowedMethods: Match.arrayWith(['PUT', 'POST', 'DELETE']) })],
        CustomErrorResponses: Match.absent(),
      }),
    });
    const [policy] = resources(t.stateless, 'AWS::CloudFront::ResponseHeadersPolicy');
    const security = policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(JSON.stringify(security.ContentSecurityPolicy.ContentSecurityPolicy)).toContain("frame-ancestors 'none'");
    expect(security.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
    t.stateless.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
  });

  it('deploys no web content when web/dist is absent', () => {
    t.stateless.resourceCountIs('Custom::CDKBucketDeployment', 0);
  });
});
