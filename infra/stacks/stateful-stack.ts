/**
 * What must outlive any deployment: the tables, the keys and the staff user pool. Everything here
 * is retained on stack deletion and protected against accidental replacement; the stateless stack
 * can be torn down and rebuilt freely around it.
 */
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { TableDef } from '../tables.ts';
import { VAULT_TABLE_ID, type Registries } from './registries.ts';
import type { Settings } from './settings.ts';

/** Staff roles (api-contract.md). Groups land in the ID token as `cognito:groups`. */
export const STAFF_GROUPS = ['handler', 'supervisor', 'admin', 'security-officer', 'disclosure-head'] as const;

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
  readonly userPool: cognito.UserPool;
  readonly userPoolDomain: cognito.UserPoolDomain;
  /**
   * Here, not with the functions: SES issues the DKIM tokens when the identity is created and DNS
   * must publish them, so re-creating it (a stateless redeploy) would break outgoing mail.
   */
  readonly mailIdentity: ses.EmailIdentity;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

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

    for (const def of props.registries.tables) {
      this.tables.set(def.id, this.table(def, def.id === VAULT_TABLE_ID ? this.vaultTableKey : undefined));
    }

    this.userPool = this.staffUserPool();
    this.userPoolDomain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.settings.authDomainPrefix ?? `disclosure-intake-${Aws.ACCOUNT_ID}` },
    });

    this.mailIdentity = new ses.EmailIdentity(this, 'MailIdentity', {
      identity: ses.Identity.domain(props.settings.mailDomain),
    });

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'ReporterKeyArn', { value: this.reporterKey.keyArn });
    // The CNAME records to publish for Easy DKIM (name -> value).
    const dkim = this.mailIdentity;
    new CfnOutput(this, 'DkimRecord1', { value: `${dkim.dkimDnsTokenName1} CNAME ${dkim.dkimDnsTokenValue1}` });
    new CfnOutput(this, 'DkimRecord2', { value: `${dkim.dkimDnsTokenName2} CNAME ${dkim.dkimDnsTokenValue2}` });
    new CfnOutput(this, 'DkimRecord3', { value: `${dkim.dkimDnsTokenName3} CNAME ${dkim.dkimDnsTokenValue3}` });
  }

  private table(def: TableDef, key?: kms.IKey): dynamodb.Table {
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
      ...(key
        ? { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: key }
        : { encryption: dynamodb.TableEncryption.AWS_MANAGED }),
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
      mfa: cognito.Mfa.OPTIONAL,
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
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA optional (TOTP) as specified for the first rollout; the risk configuration below requires MFA for ' +
        'high-risk sign-ins. Cognito cannot require MFA per group; requiring it for everyone is a policy decision.',
    });
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
