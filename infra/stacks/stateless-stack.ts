/**
 * Everything that can be rebuilt from source: one function per route and per workflow task, the
 * HTTP API, the state machines and the web hosting. Generated from the registries, so adding a
 * route, task or state machine there needs no change here.
 */
import { join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { Permission } from '../../functions/http/routes.ts';
import { AppFunction, PROJECT_ROOT } from '../constructs/function.ts';
import { HttpApi } from '../constructs/http-api.ts';
import { acknowledgeWildcardAction, acknowledgeWildcardResource } from '../constructs/nag.ts';
import { WebHosting } from '../constructs/web-hosting.ts';
import { executionArnPattern, stateMachineArn, Workflows } from '../constructs/workflows.ts';
import { VAULT_TABLE_ID, type Registries } from './registries.ts';
import type { Settings } from './settings.ts';
import { tableName, type StatefulStack } from './stateful-stack.ts';

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
  /** The stateful stack's tables, imported by name (see tableName), keyed by TableDef id. */
  private readonly tables = new Map<string, dynamodb.ITable>();

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { registries, settings, stateful } = props;
    this.addStackDependency(stateful, 'tables are referred to by name');
    for (const def of registries.tables) {
      this.tables.set(
        def.id,
        dynamodb.Table.fromTableAttributes(this, `Table${def.id}`, {
          tableName: tableName(stateful.stackName, def),
          globalIndexes: def.indexes.map((index) => index.name),
          // The grant methods then grant on the key too: vault grantees only.
          encryptionKey: def.id === VAULT_TABLE_ID ? stateful.vaultTableKey : undefined,
        }),
      );
    }

    // Created before the functions so their environment can name it; it refers to nothing
    // that refers back (the API's id is known before its routes exist).
    const api = new HttpApi(this, 'Http', {
      rateLimit: settings.apiRateLimit,
      burstLimit: settings.apiBurstLimit,
    });
    const web = new WebHosting(this, 'Web', {
      apiDomainName: api.domainName,
      // The API also answers on its own URL; the hosted UI's token endpoint is called after sign-in.
      connectSources: [api.api.apiEndpoint, stateful.userPoolDomain.baseUrl()],
      distDir: props.webDistDir ?? join(PROJECT_ROOT, 'web', 'dist'),
      siteDomain: settings.siteDomain,
      siteCertificateArn: settings.siteCertificateArn,
    });

    // Here rather than next to the pool: its callback URLs are the site's, known only here, and
    // an app client holds no data (a new one just changes JWT_AUDIENCE, which follows it).
    const client = new cognito.UserPoolClient(this, 'StaffConsole', {
      userPool: stateful.userPool,
      generateSecret: false, // a browser app: PKCE, no secret
      authFlows: { userSrp: true },
      oAuth: {
        // The console takes the ID token from the redirect (web/src/console/sign-in-methods.ts).
        flows: { authorizationCodeGrant: true, implicitCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${web.url}${settings.authCallbackPath}`],
        logoutUrls: [`${web.url}${settings.authLogoutPath}`],
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

    web.deployPages([
      s3deploy.Source.jsonData('config.json', { cognito: { domain: stateful.userPoolDomain.baseUrl(), clientId: client.userPoolClientId } }),
    ]);

    const issuer = `https://cognito-idp.${this.region}.${this.urlSuffix}/${stateful.userPool.userPoolId}`;
    const environment: Record<string, string> = {
      ...Object.fromEntries(registries.tables.map((def) => [def.envVar, tableName(stateful.stackName, def)])),
      ...Object.fromEntries(registries.stateMachines.map((def) => [def.envVar, stateMachineArn(this, def)])),
      MAIL_FROM: settings.mailFrom,
      SUPERVISOR_EMAILS: settings.supervisorEmails.join(','),
      UNITS_JSON: JSON.stringify(settings.units),
      JWT_ISSUER: issuer,
      JWT_JWKS_URL: `${issuer}/.well-known/jwks.json`,
      JWT_AUDIENCE: client.userPoolClientId,
      VAULT_KMS_KEY_ARN: stateful.reporterKey.keyArn,
      PUBLIC_BASE_URL: web.url,
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
      this.grant(fn, def.permissions ?? [], props);
      this.routeFunctions.set(key, fn);
      return { def, fn: fn.function };
    });
    api.addRoutes(routes);

    for (const def of registries.workflowTasks) {
      const fn = new AppFunction(this, `Task ${def.name}`, {
        handler: def.handler,
        timeout: TASK_TIMEOUT,
        environment,
        description: `workflow task ${def.name}`,
      });
      this.grant(fn, def.permissions ?? [], props);
      this.taskFunctions.set(def.name, fn);
    }

    new Workflows(this, 'Workflows', {
      stateMachines: registries.stateMachines,
      taskFunctions: new Map([...this.taskFunctions].map(([name, fn]) => [name, fn.function])),
    });

    new CfnOutput(this, 'ApiUrl', { value: api.stage.url });
    new CfnOutput(this, 'SiteUrl', { value: web.url });
    new CfnOutput(this, 'UserPoolId', { value: stateful.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'HostedUiUrl', { value: stateful.userPoolDomain.baseUrl() });
  }

  /**
   * Shared rights for every function, plus exactly what its registry entry asks for. The vault
   * table and both vault keys are granted nowhere else.
   */
  private grant(fn: AppFunction, permissions: readonly Permission[], props: StatelessStackProps): void {
    const { stateful, registries } = props;
    const grantee = fn.function;
    const policy = fn.role;
    for (const [id, table] of this.tables) {
      if (id === VAULT_TABLE_ID) continue;
      table.grantReadWriteData(grantee);
      if (registries.tables.find((def) => def.id === id)?.indexes.length) {
        acknowledgeWildcardResource(policy, `${table.tableArn}/index/*`, `Query on the indexes of table ${id} only.`);
      }
    }
    if (registries.stateMachines.length) {
      grantee.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
          resources: registries.stateMachines.map((def) => stateMachineArn(this, def)),
        }),
      );
      const executions = registries.stateMachines.map((def) => executionArnPattern(this, def));
      grantee.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:DescribeExecution'], resources: executions }));
      for (const arn of executions) {
        acknowledgeWildcardResource(policy, arn, 'DescribeExecution on executions of this app\'s own state machines only.');
      }
    }
    const vault = this.tables.get(VAULT_TABLE_ID);
    if (permissions.includes('vault:encrypt')) {
      vault?.grantWriteData(grantee);
      stateful.reporterKey.grant(grantee, 'kms:GenerateDataKey', 'kms:Encrypt');
      const reason = 'DynamoDB table grant on the vault table key (encryption at rest); this key never encrypts reporter fields.';
      acknowledgeWildcardAction(policy, 'kms:GenerateDataKey*', reason);
      acknowledgeWildcardAction(policy, 'kms:ReEncrypt*', reason);
    }
    if (permissions.includes('vault:decrypt')) {
      vault?.grantReadData(grantee);
      stateful.reporterKey.grant(grantee, 'kms:Decrypt');
    }
    if (permissions.includes('mail:send')) stateful.mailIdentity.grantSendEmail(grantee);
  }
}
