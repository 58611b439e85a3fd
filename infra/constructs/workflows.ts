/**
 * One Standard state machine per StateMachineDef, from the same ASL file the local runtime runs.
 * Each task function's ARN goes in as the definition substitution `${<TaskName>FunctionArn}`, and
 * the stack's partition (`AWS::Partition`: aws, aws-cn, ...) as `${Partition}`, so an ASL file
 * names service integrations as `arn:${Partition}:states:::lambda:invoke` and deploys unchanged
 * in any partition. A literal `arn:aws:` in an ASL file fails synth.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ArnFormat, Aws, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { StateMachineDef } from '../state-machines.ts';
import { PROJECT_ROOT } from './function.ts';

/**
 * The state machine's name, fixed from the stack name so that its ARN can be written without
 * referring to the resource: functions get the ARN in their environment while the state machine
 * refers to the (task) functions, which would otherwise be a circular dependency.
 */
export function stateMachineName(stack: Stack, def: StateMachineDef): string {
  return `${stack.stackName}-${def.id}`;
}

export function stateMachineArn(stack: Stack, def: StateMachineDef): string {
  return stack.formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: stateMachineName(stack, def),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

export interface WorkflowsProps {
  stateMachines: readonly StateMachineDef[];
  /** Task functions by WorkflowTaskDef name. */
  taskFunctions: ReadonlyMap<string, IFunction>;
}

export class Workflows extends Construct {
  readonly stateMachines = new Map<string, sfn.StateMachine>();

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    for (const def of props.stateMachines) {
      const file = isAbsolute(def.file) ? def.file : join(PROJECT_ROOT, def.file);
      const substitutions: Record<string, string> = {
        Partition: Aws.PARTITION,
        ...Object.fromEntries(
          def.tasks.map((task) => {
            const fn = props.taskFunctions.get(task);
            if (!fn) throw new Error(`State machine ${def.id} names task ${task}, which is not in functions/workflow/tasks.ts`);
            return [`${task}FunctionArn`, fn.functionArn];
          }),
        ),
      };
      checkPlaceholders(def, file, substitutions);

      const logGroup = new logs.LogGroup(this, `${def.id}Logs`, {
        // The vendedlogs prefix keeps CloudWatch Logs' resource policy small (Step Functions docs).
        logGroupName: `/aws/vendedlogs/states/${stateMachineName(stack, def)}`,
        retention: logs.RetentionDays.ONE_YEAR,
      });
      const machine = new sfn.StateMachine(this, def.id, {
        stateMachineName: stateMachineName(stack, def),
        stateMachineType: sfn.StateMachineType.STANDARD,
        definitionBody: sfn.DefinitionBody.fromFile(file),
        definitionSubstitutions: substitutions,
        // Errors only and no execution data: inputs and outputs carry case content and may
        // carry personal data; the case ledger in DynamoDB is the audit trail.
        logs: { destination: logGroup, level: sfn.LogLevel.ERROR, includeExecutionData: false },
        tracingEnabled: true,
      });
      // CDK cannot see which functions an ASL file calls: grant them explicitly, on the
      // unqualified ARNs the substitutions put in the ASL (grantInvoke would add `:*` too).
      if (def.tasks.length) {
        machine.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['lambda:InvokeFunction'],
            resources: def.tasks.map((task) => props.taskFunctions.get(task)!.functionArn),
          }),
        );
      }
      Validations.of(machine).acknowledge(
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason:
            'Added by CDK for logging and tracing: CloudWatch Logs vended-log delivery (logs:*LogDelivery*, ' +
            'PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) and X-Ray, which support no resource-level ' +
            'permissions (https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html).',
        },
        {
          id: 'AwsSolutions-SF1',
          reason:
            'Logs ERROR events only, without execution data: inputs and outputs carry case content and personal data; ' +
            'the case ledger in DynamoDB is the audit trail of every step.',
        },
      );
      this.stateMachines.set(def.id, machine);
    }
  }
}

/** Fails synth on a `${Placeholder}` in the ASL that nothing substitutes (a deploy-time error otherwise). */
function checkPlaceholders(def: StateMachineDef, file: string, substitutions: Record<string, string>): void {
  const text = readFileSync(file, 'utf8');
  const literal = /"arn:aws[\w-]*:/.exec(text);
  if (literal) {
    throw new Error(`${def.file} has a literal partition (${literal[0].slice(1)}...): write arn:\${Partition}: so it deploys in aws-cn too`);
  }
  const missing = [...text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!).filter((name) => !(name in substitutions));
  if (missing.length) {
    throw new Error(`${def.file} uses ${[...new Set(missing)].join(', ')}: add the task(s) to ${def.id}.tasks in infra/state-machines.ts`);
  }
}
