/**
 * Turns a route's or task's `access` declaration (functions/adapters/access.ts) into IAM
 * statements on its function's role: exactly the declared actions on exactly the declared
 * resources, nothing shared by default. test/infra checks the result both ways (nothing beyond
 * the declaration; no declaration the code cannot reach).
 */
import { Aws, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { ATTACHMENT_INSPECTOR_TAG, type Access, type TableAction } from '../../functions/adapters/access.ts';
import type { AppFunction } from './function.ts';
import { acknowledgeWildcardAction, acknowledgeWildcardResource } from './nag.ts';

/** Encryption context of every reporter-vault ciphertext (functions/adapters/vault/reporter-vault.ts). */
export const VAULT_PURPOSE = 'reporter-identity';

export interface AccessTargets {
  /** Tables other than the vault, by TableDef id. */
  tables: ReadonlyMap<string, { arn: string; indexes: readonly string[] }>;
  vaultTableArn: string;
  /** Encrypts the vault table at rest: usable only through DynamoDB. */
  vaultTableKey: kms.IKey;
  /** Encrypts the other tables at rest: usable only through DynamoDB. */
  dataTableKey: kms.IKey;
  /** The Encryption SDK's keyring key for reporter fields. */
  reporterKey: kms.IKey;
  stateMachineArns: readonly string[];
  /** Grants sending mail in this deployment profile (SES identity, or the SMTP secret). */
  grantMail: (fn: AppFunction) => void;
  /** Grants sending SMS in this deployment profile (End User Messaging; nothing for a gateway). */
  grantSms: (fn: AppFunction) => void;
  /** The attachments bucket (name built in this stack) and its customer-managed key. */
  attachmentsBucketArn: string;
  attachmentsKey: kms.IKey;
}

const KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];
const KEY_WRITE = ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];
/** The data tables' key for writes, spelled out (no wildcard to acknowledge). */
export const DATA_KEY_WRITE = ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];
const TABLE_WRITES = new Set<TableAction>(['PutItem', 'UpdateItem', 'DeleteItem']);

export function grantAccess(fn: AppFunction, access: readonly Access[], targets: AccessTargets, owner: string): void {
  const add = (statement: iam.PolicyStatement) => fn.function.addToRolePolicy(statement);

  const tableActions = new Map<string, Set<TableAction>>();
  const indexes = new Map<string, Set<string>>();
  let vaultPut = false;
  const vaultFields = new Set<string>();
  const workflow = new Set<'start' | 'resume' | 'reconcile'>();
  let mail = false;
  let sms = false;
  const attachments = new Set<'upload' | 'read' | 'inspect'>();

  for (const a of access) {
    if ('table' in a) {
      const table = targets.tables.get(a.table);
      if (!table) throw new Error(`${owner}: access names table ${a.table}, which is not in infra/tables.ts`);
      if ('index' in a) {
        if (!table.indexes.includes(a.index)) throw new Error(`${owner}: table ${a.table} has no index ${a.index}`);
        indexes.set(a.table, (indexes.get(a.table) ?? new Set()).add(a.index));
      } else {
        const set = tableActions.get(a.table) ?? new Set();
        for (const action of a.actions) set.add(action);
        tableActions.set(a.table, set);
      }
    } else if ('vault' in a) {
      if (a.vault === 'put') vaultPut = true;
      else for (const f of a.fields) vaultFields.add(f);
    } else if ('workflow' in a) {
      workflow.add(a.workflow);
    } else if ('mail' in a) {
      mail = true;
    } else if ('sms' in a) {
      sms = true;
    } else if ('attachments' in a) {
      attachments.add(a.attachments);
    }
  }

  for (const [id, actions] of tableActions) {
    if (actions.size === 0) continue;
    add(new iam.PolicyStatement({ actions: [...actions].sort().map((x) => `dynamodb:${x}`), resources: [targets.tables.get(id)!.arn] }));
  }
  for (const [id, names] of indexes) {
    const arn = targets.tables.get(id)!.arn;
    add(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: [...names].sort().map((name) => `${arn}/index/${name}`) }));
  }

  // The tables' at-rest keys, only as DynamoDB uses them on the caller's behalf.
  const viaDynamo = { StringEquals: { 'kms:ViaService': `dynamodb.${Aws.REGION}.${Aws.URL_SUFFIX}` } };
  const writes = [...tableActions.values()].some((set) => [...set].some((a) => TABLE_WRITES.has(a)));
  if (tableActions.size > 0 || indexes.size > 0) {
    add(new iam.PolicyStatement({ actions: [...KEY_READ, ...(writes ? DATA_KEY_WRITE : [])], resources: [targets.dataTableKey.keyArn], conditions: viaDynamo }));
  }
  const vaultTableKey = (actions: string[]) =>
    add(new iam.PolicyStatement({ actions, resources: [targets.vaultTableKey.keyArn], conditions: viaDynamo }));

  if (vaultPut) {
    // New items only: no Update/Delete, and a Put may not return the item it would replace.
    add(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [targets.vaultTableArn],
        conditions: { StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' } },
      }),
    );
    vaultTableKey([...KEY_READ, ...KEY_WRITE]);
    const reason = 'The vault table key as DynamoDB uses it for writes (kms:ViaService dynamodb only); this key never encrypts reporter fields.';
    acknowledgeWildcardAction(fn.role, 'kms:GenerateDataKey*', reason);
    acknowledgeWildcardAction(fn.role, 'kms:ReEncrypt*', reason);
    // The Encryption SDK's KMS keyring generates one data key per field; nothing else.
    add(
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey'],
        resources: [targets.reporterKey.keyArn],
        conditions: { StringEquals: { 'kms:EncryptionContext:purpose': VAULT_PURPOSE } },
      }),
    );
  }
  if (vaultFields.size) {
    add(new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [targets.vaultTableArn] }));
    vaultTableKey(KEY_READ);
    // Each field is its own message whose encryption context names the field: decrypting is
    // allowed only for the declared fields (the notice sender: the e-mail address).
    add(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [targets.reporterKey.keyArn],
        conditions: {
          StringEquals: { 'kms:EncryptionContext:purpose': VAULT_PURPOSE, 'kms:EncryptionContext:field': [...vaultFields].sort() },
        },
      }),
    );
  }

  if (workflow.size && targets.stateMachineArns.length) {
    const actions = [
      ...(workflow.has('start') || workflow.has('reconcile') ? ['states:StartExecution'] : []),
      ...(workflow.has('resume') ? ['states:SendTaskSuccess'] : []),
    ];
    if (actions.length) add(new iam.PolicyStatement({ actions, resources: [...targets.stateMachineArns] }));
    if (workflow.has('reconcile')) {
      const executions = targets.stateMachineArns.map((arn) => `${arn.replace(':stateMachine:', ':execution:')}:*`);
      add(new iam.PolicyStatement({ actions: ['states:DescribeExecution'], resources: executions }));
      for (const arn of executions) {
        acknowledgeWildcardResource(fn.role, arn, "The app's executions, named by case at run time (the reconciler checks whether a case's workflow still runs).");
      }
    }
  }

  if (mail) targets.grantMail(fn);
  if (sms) targets.grantSms(fn);

  if (attachments.size) {
    const objects = `${targets.attachmentsBucketArn}/uploads/*`;
    const viaS3 = { StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.${Aws.URL_SUFFIX}` } };
    const reason = 'Attachment objects are named by random upload ids under uploads/: the prefix is the narrowest resource.';
    acknowledgeWildcardResource(fn.role, objects, reason);
    if (attachments.has('upload')) {
      add(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [objects] }));
      add(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey'], resources: [targets.attachmentsKey.keyArn], conditions: viaS3 }));
    }
    if (attachments.has('read') || attachments.has('inspect')) {
      // GetObject runs the presigned GETs (and, for inspectors, reads first bytes); the tag says
      // whether the malware scan passed.
      add(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:GetObjectTagging'], resources: [objects] }));
      add(new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [targets.attachmentsKey.keyArn], conditions: viaS3 }));
    }
    // The bucket policy lets only roles with this tag read a file before it is scanned clean.
    if (attachments.has('inspect')) Tags.of(fn.role).add(ATTACHMENT_INSPECTOR_TAG.key, ATTACHMENT_INSPECTOR_TAG.value);
  }
}
