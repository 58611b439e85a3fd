import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';
import type { StateMachineDef } from '../../state-machines.ts';
import type { LocalArns } from './arns.ts';

/**
 * Reads an ASL file as CDK deploys it: `${<Name>FunctionArn}` becomes the local function ARN,
 * `${Partition}` the partition of the local ARNs (CDK substitutes the stack's, `AWS::Partition`),
 * other `${X}` come from `substitutions`. Like CloudFormation, a placeholder left unresolved is
 * an error, and so is a definition that AWS would reject.
 */
export function loadDefinition(
  def: StateMachineDef,
  repoRoot: string,
  knownFunction: (name: string) => boolean,
  arns: LocalArns,
  extra: Record<string, string> = {},
): Record<string, unknown> {
  const substitutions: Record<string, string> = { Partition: arns.scope.partition, ...extra };
  const text = readFileSync(resolve(repoRoot, def.file), 'utf8');
  const unresolved = new Set<string>();
  const substituted = text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (placeholder, key: string) => {
    const fn = /^(.+)FunctionArn$/.exec(key)?.[1];
    const value = substitutions[key] ?? (fn && knownFunction(fn) ? arns.function(fn) : undefined);
    if (value === undefined) {
      unresolved.add(key);
      return placeholder;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (unresolved.size > 0) {
    throw new Error(`${def.file}: no value for ${[...unresolved].map((k) => '${' + k + '}').join(', ')} (unknown workflow task or substitution)`);
  }
  const definition = JSON.parse(substituted) as Record<string, unknown>;
  // Validation only: the engine runs a rewritten copy that no longer looks like the file.
  new StateMachine(definition as unknown as ConstructorParameters<typeof StateMachine>[0]);
  return definition;
}
