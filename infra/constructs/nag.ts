/**
 * cdk-nag 3 acknowledges wildcard findings (AwsSolutions-IAM5) one exact finding at a time, and a
 * finding names the resource as cdk-nag flattens it. This renders a token the same way, with
 * cdk-nag's own function, so each acknowledgement names precisely the wildcard it excuses (a
 * new, different wildcard still fails synth). Only works for same-stack tokens: a cross-stack
 * reference resolves differently at validation time, which is why the stateless stack names
 * tables by ARN it builds itself.
 */
import { Aspects, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { rules } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  const flat = flattenCfnReference(Stack.of(scope).resolve(resource));
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flat}]`, reason });
}

export function acknowledgeWildcardAction(scope: IConstruct, action: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason });
}

/**
 * For roles CDK builds for its own helpers (e.g. BucketDeployment's handler): acknowledges, with
 * one reason, exactly the IAM5 findings the role's policies have once the app is complete (an
 * aspect runs after construction). Same-stack only, like the functions above.
 */
export function acknowledgeWildcardsOfCdkRole(role: IConstruct, reason: string): void {
  Aspects.of(role).add({
    visit(node: IConstruct) {
      if (!(node instanceof iam.CfnPolicy || node instanceof iam.CfnRole)) return;
      const result = rules.iam.IAMNoWildcardPermissions(node);
      if (!Array.isArray(result)) return;
      for (const finding of result) Validations.of(node).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    },
  });
}
