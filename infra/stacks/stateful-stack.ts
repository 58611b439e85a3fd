/**
 * What must outlive any deployment: the tables, the keys and the staff user pool. Everything here
 * is retained on stack deletion and protected against accidental replacement; the stateless stack
 * can be torn down and rebuilt freely around it.
 */
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { AttachmentScanning } from '../constructs/attachment-scan.ts';
import type { TableDef } from '../tables.ts';
import { VAULT_TABLE_ID, type Registries } from './registries.ts';
import type { Settings } from './settings.ts';

/** Staff roles (api-contract.md). Groups land in the ID token as `cognito:groups`. */
export const STAFF_GROUPS = ['handler', 'supervisor', 'admin', 'security-officer', 'disclosure-head', 'custodian'] as const;

/** Actions on the KMS keys that only the break-glass role may take (key policy Deny for everyone else). */
export const KEY_KILL_ACTIONS = ['kms:ScheduleKeyDeletion', 'kms:DisableKey'];

/**
 * Tables have fixed names derived from the stack name. Functions and IAM policies in the
 * stateless stack use the name and an ARN built from it instead of a cross-stack reference,
 * which keeps the policies readable (and their cdk-nag findings exact). Tables are retained and
 * deletion-protected, so a name that prevents replacement costs nothing.
 */
export function tableName(stackName: string, def: TableDef): string {
  return `${stackName}-${def.id}`;
}

export interface StatefulStackProps extends StackProps {
  registries: Pick<Registries, 'tables'>;
  settings: Settings;
}

/** Fixed, so the stateless stack names the bucket by an ARN it builds itself (exact IAM and cdk-nag). */
export const attachmentsBucketName = (stage: string) => `disclosure-attachments-${stage}-${Aws.ACCOUNT_ID}-${Aws.REGION}`;

export class StatefulStack extends Stack {
  /** By TableDef id. */
  readonly tables = new Map<string, dynamodb.Table>();
  /**
   * The AWS Encryption SDK keyring key for reporter identity (VAULT_KMS_KEY_ARN). Deliberately
   * not the key that encrypts the vault table at rest: DynamoDB's table grants include
   * kms:Decrypt even for write-only access, so sharing one key would let the intake function
   * decrypt every reporter's identity. With two keys, only 'vault:decrypt' functions ever hold
   * kms:Decrypt on this one.
   */
  readonly reporterKey: kms.Key;
  /** Encrypts the vault table at rest; reached only through the table's grant methods. */
  readonly vaultTableKey: kms.Key;
  readonly dataTableKey: kms.Key;
  /** Global profile only: China regions have no Cognito user pools (the agency's OIDC issuer signs staff in). */
  readonly userPool?: cognito.UserPool;
  readonly userPoolDomain?: cognito.UserPoolDomain;
  /**
   * Global profile only (no SES in China regions: SMTP there). Here, not with the functions: SES
   * issues the DKIM tokens when the identity is created and DNS must publish them, so re-creating
   * it (a stateless redeploy) would break outgoing mail.
   */
  readonly mailIdentity?: ses.EmailIdentity;
  /** Every alarm of the app notifies this topic (encrypted; e-mail subscription from `alarmEmail`). */
  readonly alarmTopic: sns.Topic;
  readonly breakGlassRoleArn: string;
  /** Evidence attachments: private, encrypted with its own customer-managed key. */
  readonly attachmentsBucket: s3.Bucket;
  readonly attachmentsKey: kms.Key;
  readonly attachmentScanning: AttachmentScanning;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    const { settings } = props;
    // Default: a role of that name in this account, to be created by the operator when needed.
    this.breakGlassRoleArn =
      settings.breakGlassRoleArn ?? `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/disclosure-break-glass-${settings.stage}`;

    const alarmKey = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Alarm topic encryption (CloudWatch alarms and EventBridge publish to it)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const service of ['cloudwatch.amazonaws.com', 'events.amazonaws.com']) {
      alarmKey.addToResourcePolicy(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          principals: [new iam.ServicePrincipal(service)],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
        }),
      );
    }
    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: 'Disclosure intake alarms', masterKey: alarmKey, enforceSSL: true });
    if (settings.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(settings.alarmEmail));

    this.reporterKey = new kms.Key(this, 'ReporterKey', {
      description: 'Reporter identity: AWS Encryption SDK keyring key (field-level encryption in the vault)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.vaultTableKey = new kms.Key(this, 'VaultTableKey', {
      description: 'Reporter vault table encryption at rest',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.dataTableKey = new kms.Key(this, 'DataTableKey', {
      description: 'Cases, calendar and idempotency tables encryption at rest',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.attachmentsKey = new kms.Key(this, 'AttachmentsKey', {
      description: 'Evidence attachments (S3 default encryption)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.attachmentsBucket = new s3.Bucket(this, 'Attachments', {
      bucketName: attachmentsBucketName(settings.stage),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.attachmentsKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Browsers POST the file (presigned) and GET it (presigned, short-lived) from the site.
      cors: [{ allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET], allowedOrigins: ['*'], allowedHeaders: ['*'], maxAge: 600 }],
      // Incomplete multipart uploads go after a day. Files live as long as case records do
      // (tables are retained), unless the agency's records schedule sets attachmentRetentionDays.
      lifecycleRules: [
        {
          prefix: 'uploads/',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          ...(settings.attachmentRetentionDays ? { expiration: Duration.days(settings.attachmentRetentionDays) } : {}),
        },
      ],
    });
    // Only files scanned clean open (GuardDuty, or the agency's scanner in China regions).
    this.attachmentScanning = new AttachmentScanning(this, 'AttachmentScan', { bucket: this.attachmentsBucket, key: this.attachmentsKey, mode: settings.attachmentScan });
    Validations.of(this.attachmentsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Object access is by presigned URLs the API issues (and logs); CloudTrail S3 data events can be enabled per account.',
    });

    const keys = [this.reporterKey, this.vaultTableKey, this.dataTableKey, alarmKey, this.attachmentsKey];
    for (const key of keys) this.guardKey(key);
    this.keyTamperAlarm(keys);

    for (const def of props.registries.tables) {
      // Every table under a customer-managed key: the vault's own, the rest one shared data key.
      this.tables.set(def.id, this.table(def, def.id === VAULT_TABLE_ID ? this.vaultTableKey : this.dataTableKey));
    }

    if (settings.profile === 'global') {
      this.userPool = this.staffUserPool();
      this.userPoolDomain = this.userPool.addDomain('HostedUi', {
        cognitoDomain: { domainPrefix: settings.authDomainPrefix ?? `disclosure-intake-${settings.stage}-${Aws.ACCOUNT_ID}` },
      });
      this.mailIdentity = new ses.EmailIdentity(this, 'MailIdentity', { identity: ses.Identity.domain(settings.mailDomain) });
      new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
      // The CNAME records to publish for Easy DKIM (name -> value).
      const dkim = this.mailIdentity;
      new CfnOutput(this, 'DkimRecord1', { value: `${dkim.dkimDnsTokenName1} CNAME ${dkim.dkimDnsTokenValue1}` });
      new CfnOutput(this, 'DkimRecord2', { value: `${dkim.dkimDnsTokenName2} CNAME ${dkim.dkimDnsTokenValue2}` });
      new CfnOutput(this, 'DkimRecord3', { value: `${dkim.dkimDnsTokenName3} CNAME ${dkim.dkimDnsTokenValue3}` });
    }
    new CfnOutput(this, 'ReporterKeyArn', { value: this.reporterKey.keyArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
    new CfnOutput(this, 'BreakGlassRoleArn', { value: this.breakGlassRoleArn });
  }

  /**
   * Nobody but the break-glass role may disable a key or schedule its deletion: either would make
   * every reporter's identity unreadable for good (the vault has no other copy). A Deny in the key
   * policy binds administrators too, whatever their IAM policies say.
   */
  private guardKey(key: kms.Key): void {
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OnlyBreakGlassMayDisableOrDelete',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: KEY_KILL_ACTIONS,
        resources: ['*'],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': this.breakGlassRoleArn } },
      }),
    );
  }

  /** Any attempt (allowed or denied) to disable or delete a key, seen in CloudTrail: alarm at once. */
  private keyTamperAlarm(keys: kms.Key[]): void {
    const rule = new events.Rule(this, 'KeyTamper', {
      description: 'ScheduleKeyDeletion or DisableKey on a key of this app (CloudTrail)',
      eventPattern: {
        source: ['aws.kms'],
        detailType: ['AWS API Call via CloudTrail'],
        detail: {
          eventSource: ['kms.amazonaws.com'],
          eventName: ['ScheduleKeyDeletion', 'DisableKey'],
          resources: { ARN: keys.map((k) => k.keyArn) },
        },
      },
    });
    rule.addTarget(new targets.SnsTopic(this.alarmTopic));
    const alarm = new cloudwatch.Alarm(this, 'KeyTamperAlarm', {
      alarmDescription: 'Someone tried to disable or delete a KMS key that protects reporter identity',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Events',
        metricName: 'TriggeredRules',
        dimensionsMap: { RuleName: rule.ruleName },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new cwActions.SnsAction(this.alarmTopic));
  }

  private table(def: TableDef, key: kms.IKey): dynamodb.Table {
    const attr = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    const table = new dynamodb.Table(this, def.id, {
      tableName: tableName(this.stackName, def),
      partitionKey: attr(def.partitionKey),
      sortKey: def.sortKey ? attr(def.sortKey) : undefined,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: def.ttlAttribute,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
    });
    for (const index of def.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attr(index.partitionKey),
        sortKey: index.sortKey ? attr(index.sortKey) : undefined,
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }

  private staffUserPool(): cognito.UserPool {
    const pool = new cognito.UserPool(this, 'StaffPool', {
      // Staff accounts are created by an admin; citizens never sign in (they use access codes).
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      // The unit decides which cases a handler sees: set by admins only (see the app client's
      // write attributes), carried in ID tokens as `custom:unit`.
      customAttributes: { unit: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Every staff account can open confidential complaints: a second factor always (TOTP; no
      // SMS, which needs SNS SMS and is the weaker factor).
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus tier: compromised-credential and risky sign-in detection for accounts that can
      // open confidential complaints (cdk-nag AwsSolutions-COG8). Staff count is small.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const groupName of STAFF_GROUPS) pool.addGroup(`Group-${groupName}`, { groupName });
    // What Plus-tier threat protection does on a finding: a leaked password never signs in; a
    // risky sign-in needs the second factor (and fails without one when the risk is high).
    new cognito.CfnUserPoolRiskConfigurationAttachment(this, 'StaffPoolRisk', {
      userPoolId: pool.userPoolId,
      clientId: 'ALL',
      compromisedCredentialsRiskConfiguration: {
        actions: { eventAction: 'BLOCK' },
        eventFilter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'],
      },
      accountTakeoverRiskConfiguration: {
        actions: {
          highAction: { eventAction: 'MFA_REQUIRED', notify: false },
          mediumAction: { eventAction: 'MFA_IF_CONFIGURED', notify: false },
          lowAction: { eventAction: 'NO_ACTION', notify: false },
        },
      },
    });
    return pool;
  }
}
