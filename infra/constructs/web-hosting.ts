/**
 * The web pages and the API under one origin: CloudFront serves the S3 bucket (through origin
 * access control) and forwards /v1/* to the HTTP API, so the browser never makes a cross-origin
 * call and the CSP can stay 'self'.
 */
import { existsSync } from 'node:fs';
import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeWildcardsOfCdkRole } from './nag.ts';

export interface WebHostingProps {
  /** Host name of the HTTP API (CloudFront origin for /v1/*). */
  apiDomainName: string;
  /** Extra origins the pages may call, e.g. the Cognito hosted UI's token endpoint. */
  connectSources: string[];
  /** Built pages (web/dist); deployed only if the folder exists at synth time. */
  distDir: string;
  siteDomain?: string;
  siteCertificateArn?: string;
  /** China regions: CloudFront takes an IAM server certificate (by id) for the ICP-registered siteDomain. */
  siteIamCertificateId?: string;
  /**
   * China regions: CloudFront there has neither CloudFront Functions nor origin access control
   * (cfn-lint F3006 on cn-north-1): the bucket is read through an origin access identity and
   * there is no SPA fallback, so only the pages' own paths load directly (see README).
   */
  china?: boolean;
}

/**
 * SPA fallback as a viewer-request function on the page behaviour only. CloudFront's custom
 * error responses would apply to /v1/* too and turn the API's JSON 404s into index.html.
 */
const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) {
    request.uri = '/index.html';
  }
  return request;
}`;

export class WebHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** https://<domain> with no trailing slash. */
  readonly url: string;
  private readonly distDir: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the server access log bucket; logging it into itself would loop.',
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site/',
      // Every deployment replaces the files; old versions are only for rolling back a bad one.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Strict CSP, HSTS and friends for pages and API',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          override: true,
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            `connect-src 'self' ${props.connectSources.join(' ')}`,
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
          ].join('; '),
        },
        strictTransportSecurity: { override: true, accessControlMaxAge: Duration.days(730), includeSubdomains: true },
        contentTypeOptions: { override: true },
        frameOptions: { override: true, frameOption: cloudfront.HeadersFrameOption.DENY },
        // Tracking pages carry the tracking number in the URL: never send it to other sites.
        referrerPolicy: { override: true, referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true }],
      },
    });

    const spaFallback = props.china ? undefined : new cloudfront.Function(this, 'SpaFallback', {
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for client-side routes',
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Disclosure intake: pages and /v1 API',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      ...(props.siteDomain && props.siteCertificateArn
        ? {
            domainNames: [props.siteDomain],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.siteCertificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: props.china ? origins.S3BucketOrigin.withOriginAccessIdentity(this.bucket) : origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        ...(spaFallback ? { functionAssociations: [{ function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }] } : {}),
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          // Never cache API answers; with caching off CloudFront forwards Authorization too.
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // API Gateway routes on its own Host header: forward everything else.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    if (props.siteDomain && props.siteIamCertificateId) {
      const cfn = this.distribution.node.defaultChild as cloudfront.CfnDistribution;
      cfn.addPropertyOverride('DistributionConfig.Aliases', [props.siteDomain]);
      cfn.addPropertyOverride('DistributionConfig.ViewerCertificate', {
        IamCertificateId: props.siteIamCertificateId,
        SslSupportMethod: 'sni-only',
        MinimumProtocolVersion: 'TLSv1.2_2021',
      });
    }
    this.url = `https://${props.siteDomain ?? this.distribution.distributionDomainName}`;
    this.acknowledgeDistributionFindings(Boolean(props.siteCertificateArn));
    if (props.china) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR7',
        reason: 'China regions: CloudFront there offers no origin access control (cfn-lint F3006 on cn-north-1); the private bucket is read through an origin access identity instead.',
      });
    }
    if (props.siteIamCertificateId) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'China regions: the viewer certificate is the IAM server certificate siteCertificateId with TLSv1.2_2021 and SNI, set as a property override that cdk-nag does not read.',
      });
    }
    this.distDir = props.distDir;
  }

  /**
   * Uploads the built pages, plus generated files such as /config.json (which names the sign-in
   * client, known only once the stack has created it). Only if web/dist exists at synth time.
   */
  deployPages(extraSources: s3deploy.ISource[] = []): void {
    if (existsSync(this.distDir)) {
      const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
        sources: [s3deploy.Source.asset(this.distDir), ...extraSources],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });
      // CDK's own deployment helper (runs at deploy time only, never on a request path).
      const role = deployment.handlerRole;
      Validations.of(role).acknowledge({
        // The partition as cdk-nag renders it: the token, or its literal once the region is known.
        id: `AwsSolutions-IAM4[Policy::arn:${Token.isUnresolved(Stack.of(this).partition) ? '<AWS::Partition>' : Stack.of(this).partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]`,
        reason: 'CDK BucketDeployment handler: basic Lambda logging, as CDK provisions it.',
      });
      acknowledgeWildcardsOfCdkRole(
        role,
        'CDK BucketDeployment handler: reads the CDK asset bucket, syncs this site bucket (prune) and invalidates ' +
          'this distribution (CloudFront invalidation has no resource-level permission per path).',
      );
      if (role.node.scope) {
        Validations.of(role.node.scope).acknowledge({
          id: 'AwsSolutions-L1',
          reason: 'CDK BucketDeployment handler: CDK chooses and updates its runtime with aws-cdk-lib.',
        });
      }
    }
  }

  private acknowledgeDistributionFindings(customCertificate: boolean): void {
    const ack = (id: string, reason: string) => Validations.of(this.distribution).acknowledge({ id, reason });
    if (!customCertificate) {
      ack(
        'AwsSolutions-CFR4',
        'The default *.cloudfront.net certificate fixes the viewer TLS policy; set context siteDomain and ' +
          'siteCertificateArn to use a custom domain, which gets TLSv1.2_2021.',
      );
    }
    ack(
      'AwsSolutions-CFR3',
      'No CloudFront access logs: every line carries the viewer IP, which next to a complaint submission identifies an anonymous reporter (requirements §1). API access is logged without IPs at the API stage.',
    );
    ack('AwsSolutions-CFR1', 'No geo restriction: citizens may file from anywhere, including abroad.');
    ack(
      'AwsSolutions-CFR2',
      'No WAF yet: API Gateway stage throttling bounds request rates; a web ACL (us-east-1) is a follow-up decision for the operator (cost and rule choice).',
    );
  }
}
