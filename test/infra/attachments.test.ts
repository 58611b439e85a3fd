/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation template JSON is untyped */
import { describe, expect, it } from 'vitest';
import { defaultRegistries } from '../../infra/stacks/registries.ts';
import { buildTestApp } from './build-test-app.ts';
import { actionsOf, statementsByRole } from './iam.ts';

describe('attachments bucket', () => {
  const t = buildTestApp(defaultRegistries);
  const [bucket] = Object.values(t.stateful.findResources('AWS::S3::Bucket')) as { Properties: Record<string, any> }[];

  it("lets the pages POST files straight to the bucket: the CSP's connect-src names it", () => {
    const policies = Object.values(t.stateless.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as { Properties: Record<string, any> }[];
    const csp = JSON.stringify(policies.map((p) => p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy));
    expect(csp).toContain('connect-src');
    // The bucket's host is joined from the account and region at deploy time.
    expect(csp).toContain('https://disclosure-attachments-dev-');
    expect(csp).toMatch(/\.s3\.",\{"Ref":"AWS::Region"\}/);
  });

  it('is private and encrypted with its own customer-managed key', () => {
    expect(bucket!.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const sse = bucket!.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
    expect(sse.SSEAlgorithm).toBe('aws:kms');
    expect(JSON.stringify(sse.KMSMasterKeyID)).toContain('AttachmentsKey');
    const policy = Object.values(t.stateful.findResources('AWS::S3::BucketPolicy'))[0] as { Properties: Record<string, any> };
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  it('only the upload route may put objects, only under uploads/, with a data key from the attachments key through S3', () => {
    const putters = [...statementsByRole(t.stateless)].filter(([, st]) => st.some((s) => actionsOf(s).includes('s3:PutObject')));
    const routeRole = (key: string) => Object.keys(t.stateless.findResources('AWS::IAM::Role')).find((id) => id.startsWith(key.replace(/[^A-Za-z0-9]/g, '')));
    expect(putters.map(([role]) => role)).toEqual([routeRole('RoutePOSTv1uploads')]);
    const statements = putters[0]![1];
    const put = statements.find((s) => actionsOf(s).includes('s3:PutObject'))!;
    expect(JSON.stringify(put.Resource)).toMatch(/disclosure-attachments-dev-.*\/uploads\/\*/);
    const kms = statements.find((s) => actionsOf(s).includes('kms:GenerateDataKey')) as any;
    expect(JSON.stringify(kms.Condition)).toContain('kms:ViaService');
    expect(JSON.stringify(kms.Resource)).toContain('AttachmentsKey');
  });
});
