/**
 * Nobody opens an evidence file before a malware scan has passed. Two locks, both on the scan
 * tag (`GuardDutyMalwareScanStatus` = `NO_THREATS_FOUND`): the API gives links only for clean
 * files, and the bucket policy denies reading any other file to every principal but the scanner
 * and the roles that check uploads at submission (magic bytes, before a scan can have run), which
 * carry ATTACHMENT_INSPECTOR_TAG. A presigned GET runs with its signer's rights, so a link the
 * API should not have given still fails.
 *
 * `guardduty`: a GuardDuty Malware Protection plan for the bucket's uploads/ prefix, tagging each
 * object with its result, and the role it scans with. `scanner` (China regions): the agency's
 * scanner writes the same tag; give its role the inspector tag (to read) and s3:PutObjectTagging;
 * until it tags a file, the file stays unopenable. `off`: no attachments, so nothing to scan.
 */
import { Aws, Stack } from 'aws-cdk-lib';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ATTACHMENT_INSPECTOR_TAG } from '../../functions/adapters/access.ts';
import { SCAN_CLEAN, SCAN_STATUS_TAG } from '../../functions/domain/cases/attachments.ts';
import type { AttachmentScan } from '../stacks/settings.ts';
import { acknowledgeWildcardResource } from './nag.ts';

export const ATTACHMENT_PREFIX = 'uploads/';

export interface AttachmentScanProps {
  bucket: s3.Bucket;
  key: kms.IKey;
  mode: AttachmentScan;
}

export class AttachmentScanning extends Construct {
  /** The role GuardDuty scans and tags with (`guardduty` mode). */
  readonly role?: iam.Role;
  readonly plan?: guardduty.CfnMalwareProtectionPlan;

  constructor(scope: Construct, id: string, props: AttachmentScanProps) {
    super(scope, id);
    const { bucket, key, mode } = props;
    if (mode === 'off') return;

    if (mode === 'guardduty') {
      this.role = this.scanRole(bucket, key);
      this.plan = new guardduty.CfnMalwareProtectionPlan(this, 'Plan', {
        role: this.role.roleArn,
        protectedResource: { s3Bucket: { bucketName: bucket.bucketName, objectPrefixes: [ATTACHMENT_PREFIX] } },
        actions: { tagging: { status: 'ENABLED' } },
      });
      // The plan validates its role's rights when created.
      this.plan.node.addDependency(this.role);
    }

    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OnlyScannedCleanFilesOpen',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [bucket.arnForObjects(`${ATTACHMENT_PREFIX}*`)],
        // All three hold (AND): not tagged clean, not an inspector, not the scanner.
        conditions: {
          StringNotEquals: {
            [`s3:ExistingObjectTag/${SCAN_STATUS_TAG}`]: SCAN_CLEAN,
            [`aws:PrincipalTag/${ATTACHMENT_INSPECTOR_TAG.key}`]: ATTACHMENT_INSPECTOR_TAG.value,
          },
          ...(this.role ? { ArnNotEquals: { 'aws:PrincipalArn': this.role.roleArn } } : {}),
        },
      }),
    );
  }

  /** What GuardDuty Malware Protection for S3 needs of its role (the GuardDuty user guide's policy, for one bucket). */
  private scanRole(bucket: s3.Bucket, key: kms.IKey): iam.Role {
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3: scans and tags evidence attachments',
    });
    const stack = Stack.of(this);
    const rule = stack.formatArn({ service: 'events', resource: 'rule', resourceName: 'DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*' });
    const objects = bucket.arnForObjects(`${ATTACHMENT_PREFIX}*`);
    const statements = [
      new iam.PolicyStatement({
        sid: 'ManagedRule',
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [rule],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
      new iam.PolicyStatement({ sid: 'ReadManagedRule', actions: ['events:DescribeRule', 'events:ListTargetsByRule'], resources: [rule] }),
      new iam.PolicyStatement({
        sid: 'BucketEvents',
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringEquals: { 'aws:ResourceAccount': Aws.ACCOUNT_ID } },
      }),
      new iam.PolicyStatement({ sid: 'ValidationObject', actions: ['s3:PutObject'], resources: [bucket.arnForObjects('malware-protection-resource-validation-object')] }),
      new iam.PolicyStatement({
        sid: 'ScanAndTag',
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        resources: [objects],
      }),
      new iam.PolicyStatement({
        sid: 'DecryptToScan',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [key.keyArn],
        conditions: { StringLike: { 'kms:ViaService': `s3.${Aws.REGION}.${Aws.URL_SUFFIX}` } },
      }),
    ];
    for (const s of statements) role.addToPolicy(s);
    acknowledgeWildcardResource(role, rule, 'GuardDuty names its managed EventBridge rule itself; the prefix is what its user guide grants.');
    acknowledgeWildcardResource(role, objects, 'Every upload under uploads/ is scanned; objects are named by random upload ids.');
    return role;
  }
}
