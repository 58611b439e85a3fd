/**
 * Everything that can be rebuilt from source: one function per route and per workflow task, the
 * HTTP API, the state machines and the web hosting. Generated from the registries, so adding a
 * route, task or state machine there needs no change here.
 */
import { join } from 'node:path';
import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { grantAccess, type AccessTargets } from '../constructs/access.ts';
import { AppFunction, PROJECT_ROOT } from '../constructs/function.ts';
import { acknowledgeWildcardResource } from '../constructs/nag.ts';
import { HttpApi } from '../constructs/http-api.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { WebHosting } from '../constructs/web-hosting.ts';
import { stateMachineArn, Workflows } from '../constructs/workflows.ts';
import { VAULT_TABLE_ID, type Registries } from './registries.ts';
import type { Settings } from './settings.ts';
import { attachmentsBucketName, tableName, type StatefulStack } from './stateful-stack.ts';

export interface StatelessStackProps extends StackProps {
  registries: Registries;
  settings: Settings;
  stateful: StatefulStack;
  /** Built web pages; defaults to web/dist. Deployed only if present at synth time. */
  webDistDir?: string;
}

const HTTP_TIMEOUT = Duration.seconds(10);
const TASK_TIMEOUT = Duration.seconds(30);

export class StatelessStack extends Stack {
  /** Route functions by "METHOD path", task functions by task name. */
  readonly routeFunctions = new Map<string, AppFunction>();
  readonly taskFunctions = new Map<string, AppFunction>();
  readonly jobFunctions = new Map<string, AppFunction>();
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { registries, settings, stateful } = props;
    this.addStackDependency(stateful, 'tables are referred to by name');
    // Table ARNs built here from the fixed names (see tableName): readable policies, exact cdk-nag findings.
    const tableArn = (def: (typeof registries.tables)[number]) =>
      this.formatArn({ service: 'dynamodb', resource: 'table', resourceName: tableName(stateful.stackName, def) });
    const vaultDef = registries.tables.find((def) => def.id === VAULT_TABLE_ID);
    if (!vaultDef) throw new Error(`infra/tables.ts must define the ${VAULT_TABLE_ID} table`);
    const accessTargets: AccessTargets = {
      tables: new Map(
        registries.tables
          .filter((def) => def.id !== VAULT_TABLE_ID)
          .map((def) => [def.id, { arn: tableArn(def), indexes: def.indexes.map((i) => i.name) }]),
      ),
      vaultTableArn: tableArn(vaultDef),
      vaultTableKey: stateful.vaultTableKey,
      dataTableKey: stateful.dataTableKey,
      reporterKey: stateful.reporterKey,
      stateMachineArns: registries.stateMachines.map((def) => stateMachineArn(this, def)),
      grantMail: (fn) => {
        if (stateful.mailIdentity) stateful.mailIdentity.grantSendEmail(fn.function);
        else smtpSecret!.grantRead(fn.function);
      },
      attachmentsBucketArn: `arn:${Aws.PARTITION}:s3:::${attachmentsBucketName(settings.stage)}`,
      attachmentsKey: stateful.attachmentsKey,
      grantSms: (fn) => {
        // China: the agency's gateway is reached over HTTPS; its token, if any, is a secret.
        if (settings.profile !== 'global') return void smsGatewaySecret?.grantRead(fn.function);
        // SendTextMessage chooses among the account's phone numbers, pools and sender ids of this region.
        const resource = this.formatArn({ service: 'sms-voice', resource: '*' });
        fn.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['sms-voice:SendTextMessage'], resources: [resource] }));
        acknowledgeWildcardResource(fn.role, resource, 'End User Messaging SMS: SendTextMessage may use any origination identity of this account and region (phone number, pool or sender id).');
      },
    };
    // China profile: the SMS gateway's bearer token, never a plain environment variable; created by the operator.
    const smsGatewaySecret = settings.smsGatewaySecretName
      ? secretsmanager.Secret.fromSecretNameV2(this, 'SmsGatewaySecret', settings.smsGatewaySecretName)
      : undefined;
    // China profile: the SMTP relay's credentials (no SES there); created by the operator.
    const smtpSecret = settings.smtpSecretName
      ? secretsmanager.Secret.fromSecretNameV2(this, 'SmtpSecret', settings.smtpSecretName)
      : undefined;

    // Created before the functions so their environment can name it; it refers to nothing
    // that refers back (the API's id is known before its routes exist).
    const api = new HttpApi(this, 'Http', {
      rateLimit: settings.apiRateLimit,
      burstLimit: settings.apiBurstLimit,
    });
    // China: CloudFront only on an ICP-registered siteDomain with its IAM server certificate.
    const hosted = settings.profile === 'global' || Boolean(settings.siteCertificateId);
    const web = hosted
      ? new WebHosting(this, 'Web', {
          apiDomainName: api.domainName,
          // The API also answers on its own URL; the sign-in provider's token endpoint is called after sign-in.
          connectSources: [
            api.api.apiEndpoint,
            ...(stateful.userPoolDomain ? [stateful.userPoolDomain.baseUrl()] : []),
            ...(settings.oidc ? [new URL(settings.oidc.issuer).origin] : []),
            // Evidence files go straight from the browser to the bucket (presigned POST).
            `https://${attachmentsBucketName(settings.stage)}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`,
          ],
          distDir: props.webDistDir ?? join(PROJECT_ROOT, 'web', 'dist'),
          siteDomain: settings.siteDomain,
          siteCertificateArn: settings.siteCertificateArn,
          siteIamCertificateId: settings.siteCertificateId,
          china: settings.profile === 'china',
        })
      : undefined;
    const publicUrl = settings.publicBaseUrl ?? web?.url ?? api.api.apiEndpoint;

    const staff = stateful.userPool ? this.cognitoClient(stateful, settings, publicUrl) : undefined;
    const identity = staff
      ? {
          issuer: staff.issuer,
          audience: staff.client.userPoolClientId,
          jwksUrl: `${staff.issuer}/.well-known/jwks.json`,
          groupsClaim: 'cognito:groups',
          unitClaim: 'custom:unit',
        }
      : settings.oidc!;
    web?.deployPages([
      s3deploy.Source.jsonData(
        'config.json',
        staff
          ? { cognito: { domain: stateful.userPoolDomain!.baseUrl(), clientId: staff.client.userPoolClientId } }
          : { oidc: { issuer: identity.issuer, clientId: identity.audience } },
      ),
    ]);

    const environment: Record<string, string> = {
      ...Object.fromEntries(registries.tables.map((def) => [def.envVar, tableName(stateful.stackName, def)])),
      ...Object.fromEntries(registries.stateMachines.map((def) => [def.envVar, stateMachineArn(this, def)])),
      MAIL_FROM: settings.mailFrom,
      MAIL_TRANSPORT: stateful.mailIdentity ? 'ses' : 'smtp',
      ...(smtpSecret && !stateful.mailIdentity ? { SMTP_SECRET_ID: settings.smtpSecretName! } : {}),
      // SMS for citizens who left only a phone: End User Messaging (global), the agency's gateway or off (China).
      SMS_TRANSPORT: settings.profile === 'global' ? 'aws' : settings.smsGatewayUrl ? 'gateway' : 'off',
      ...(settings.smsOriginationIdentity ? { SMS_ORIGINATION_IDENTITY: settings.smsOriginationIdentity } : {}),
      ...(settings.smsGatewayUrl ? { SMS_GATEWAY_URL: settings.smsGatewayUrl } : {}),
      ...(settings.smsGatewaySecretName ? { SMS_GATEWAY_SECRET_ID: settings.smsGatewaySecretName } : {}),
      // Whether files can be attached at all, and who scans them (only clean ones open).
      ATTACHMENT_SCAN: settings.attachmentScan,
      ATTACHMENTS_BUCKET: attachmentsBucketName(settings.stage),
      SUPERVISOR_EMAILS: settings.supervisorEmails.join(','),
      UNITS_JSON: JSON.stringify(settings.units),
      JWT_ISSUER: identity.issuer,
      JWT_JWKS_URL: identity.jwksUrl,
      JWT_AUDIENCE: identity.audience,
      // Where the staff token carries groups and unit (Cognito: cognito:groups, custom:unit).
      JWT_GROUPS_CLAIM: identity.groupsClaim,
      JWT_UNIT_CLAIM: identity.unitClaim,
      VAULT_KMS_KEY_ARN: stateful.reporterKey.keyArn,
      PUBLIC_BASE_URL: publicUrl,
      ...(settings.agencyJson ? { AGENCY_JSON: settings.agencyJson } : {}),
      ...(settings.documentNumberFormatsJson ? { DOCUMENT_NUMBER_FORMATS_JSON: settings.documentNumberFormatsJson } : {}),
      POWERTOOLS_SERVICE_NAME: 'disclosure-intake',
    };

    const routes = registries.routes.map((def) => {
      const key = `${def.method} ${def.path}`;
      const fn = new AppFunction(this, `Route ${key}`, {
        handler: def.handler,
        timeout: HTTP_TIMEOUT,
        environment,
        description: key,
      });
      grantAccess(fn, def.access, accessTargets, key);
      this.routeFunctions.set(key, fn);
      return { def, fn: fn.function };
    });
    api.addRoutes(routes, { issuer: identity.issuer, audience: identity.audience });

    for (const def of registries.workflowTasks) {
      const fn = new AppFunction(this, `Task ${def.name}`, {
        handler: def.handler,
        timeout: TASK_TIMEOUT,
        environment,
        description: `workflow task ${def.name}`,
      });
      grantAccess(fn, def.access, accessTargets, `task ${def.name}`);
      this.taskFunctions.set(def.name, fn);
    }

    // Scheduled jobs: EventBridge Scheduler fires each daily in Shanghai time and passes the time it
    // fired for; the function decides from the official calendar whether that day is a working day.
    for (const def of registries.jobs) {
      const fn = new AppFunction(this, `Job ${def.name}`, { handler: def.handler, timeout: TASK_TIMEOUT, environment, description: `scheduled job ${def.name}` });
      grantAccess(fn, def.access, accessTargets, `job ${def.name}`);
      const role = new iam.Role(this, `Job ${def.name} Schedule Role`, { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
      // This function only (grantInvoke would add its versions too: a wildcard).
      role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.function.functionArn] }));
      new scheduler.CfnSchedule(this, `Job ${def.name} Schedule`, {
        scheduleExpression: `cron(${def.at.minute} ${def.at.hour} * * ? *)`,
        scheduleExpressionTimezone: 'Asia/Shanghai',
        flexibleTimeWindow: { mode: 'OFF' },
        target: {
          arn: fn.function.functionArn,
          roleArn: role.roleArn,
          input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
          retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
        },
      });
      this.jobFunctions.set(def.name, fn);
    }

    const workflows = new Workflows(this, 'Workflows', {
      stateMachines: registries.stateMachines,
      taskFunctions: new Map([...this.taskFunctions].map(([name, fn]) => [name, fn.function])),
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      topic: stateful.alarmTopic,
      api: api.api,
      functions: new Map(
        [
          ...this.routeFunctions,
          ...[...this.taskFunctions].map(([name, fn]) => [`task ${name}`, fn] as const),
          ...[...this.jobFunctions].map(([name, fn]) => [`job ${name}`, fn] as const),
        ].map(([name, fn]) => [name, fn.function]),
      ),
      stateMachines: workflows.stateMachines,
      ses: Boolean(stateful.mailIdentity),
    });

    new CfnOutput(this, 'ApiUrl', { value: api.stage.url });
    new CfnOutput(this, 'SiteUrl', { value: publicUrl });
    new CfnOutput(this, 'StaffIssuer', { value: identity.issuer });
    if (staff) {
      new CfnOutput(this, 'UserPoolId', { value: stateful.userPool!.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: staff.client.userPoolClientId });
      new CfnOutput(this, 'HostedUiUrl', { value: stateful.userPoolDomain!.baseUrl() });
    }
  }

  /**
   * Global profile: the console's app client. Here rather than next to the pool: its callback URLs
   * are the site's, known only here, and an app client holds no data (a new one just changes
   * JWT_AUDIENCE, which follows it).
   */
  private cognitoClient(stateful: StatefulStack, settings: Settings, siteUrl: string) {
    const client = new cognito.UserPoolClient(this, 'StaffConsole', {
      userPool: stateful.userPool!,
      generateSecret: false, // a browser app: PKCE, no secret
      authFlows: { userSrp: true },
      oAuth: {
        // The console takes the ID token from the redirect (web/src/console/sign-in-methods.ts).
        flows: { authorizationCodeGrant: true, implicitCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${siteUrl}${settings.authCallbackPath}`],
        logoutUrls: [`${siteUrl}${settings.authLogoutPath}`],
      },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // Staff must not change their own unit (it decides which cases they see): admins set it.
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('unit'),
      writeAttributes: new cognito.ClientAttributes(),
    });
    const issuer = `https://cognito-idp.${this.region}.${this.urlSuffix}/${stateful.userPool!.userPoolId}`;
    return { client, issuer };
  }
}
