/**
 * Reads IAM statements out of a synthesized template and answers "may this role do X to Y?",
 * honouring action wildcards (kms:*, dynamodb:Put*) and resource wildcards ("*", table/*), so
 * a broader grant added later still counts.
 */
import type { Template } from 'aws-cdk-lib/assertions';

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

const glob = (pattern: string) =>
  new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');

/** Every Allow statement per role logical id, from managed, default and inline policies. */
export function statementsByRole(template: Template): Map<string, Statement[]> {
  const resources = template.toJSON().Resources as Resources;
  const byRole = new Map<string, Statement[]>();
  const add = (role: string, statements: Statement[]) =>
    byRole.set(role, [...(byRole.get(role) ?? []), ...statements.filter((s) => s.Effect === 'Allow')]);
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type === 'AWS::IAM::Role') {
      add(id, []);
      for (const p of list(r.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[])) add(id, p.PolicyDocument.Statement);
    }
    if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') {
      const doc = r.Properties?.PolicyDocument as { Statement: Statement[] };
      for (const role of list(r.Properties?.Roles as { Ref: string }[])) add(role.Ref, doc.Statement);
    }
  }
  return byRole;
}

export const actionsOf = (s: Statement) => list(s.Action);

/** Does some statement allow `action` on a resource accepted by `touches`? */
export function allows(statements: Statement[], action: string, touches: (resource: unknown) => boolean): boolean {
  return statements.some(
    (s) => actionsOf(s).some((a) => glob(a).test(action)) && list(s.Resource).some((r) => touches(r)),
  );
}

/** Renders an ARN expression with every reference as "*", e.g. arn:*:dynamodb:*:*:table/X. */
export function flatten(resource: unknown): string {
  if (typeof resource === 'string') return resource;
  const r = resource as Record<string, unknown>;
  if (r && Array.isArray(r['Fn::Join'])) {
    const [sep, parts] = r['Fn::Join'] as [string, unknown[]];
    return parts.map(flatten).join(sep);
  }
  return '*';
}

/** A resource that could name `arn` (a concrete ARN): "*", a pattern matching it, or a reference to it. */
export const couldBe = (arn: string) => (resource: unknown) => glob(flatten(resource)).test(arn);

/** A resource that refers to the CloudFormation resource `logicalId` (same or other stack), or is "*". */
export const refersTo = (logicalId: string) => (resource: unknown) =>
  resource === '*' || JSON.stringify(resource).includes(logicalId);
