/**
 * Continue-as-new needs exactly one new right: the HandOver task may StartExecution on the case
 * state machine (its own), and nothing else; the state machine may invoke it. Built in the China
 * profile's partition and in the global one, since ARNs come from the stack's partition.
 */
import { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { stateMachines } from '../../infra/state-machines.ts';
import { defaultRegistries } from '../../infra/stacks/registries.ts';
import { workflowTasks } from '../../functions/workflow/tasks.ts';
import { buildTestApp } from './build-test-app.ts';
import { actionsOf, allows, couldBe, refersTo, statementsByRole } from './iam.ts';

const BASELINE = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];

describe('hand-over (continue-as-new) permissions', () => {
  const t = buildTestApp(defaultRegistries);
  const { stateless } = t.built;
  const byRole = statementsByRole(t.stateless);
  const handOver = stateless.taskFunctions.get('HandOver')!;
  const roleId = stateless.getLogicalId(handOver.role.node.defaultChild as CfnElement);
  const statements = byRole.get(roleId)!;
  const machineName = `${stateless.stackName}-case-lifecycle`;
  const machineArn = (partition: string, name = machineName) => `arn:${partition}:states:cn-north-1:111122223333:stateMachine:${name}`;

  it('is a task of the case state machine, declared with StartExecution only', () => {
    expect(stateMachines.find((m) => m.id === 'case-lifecycle')?.tasks).toContain('HandOver');
    expect(workflowTasks.find((task) => task.name === 'HandOver')?.access).toEqual([{ workflow: 'start' }]);
  });

  it('may StartExecution on its own state machine, in any partition, and on no other', () => {
    expect([...new Set(statements.flatMap(actionsOf))].sort()).toEqual([...BASELINE, 'states:StartExecution'].sort());
    for (const partition of ['aws', 'aws-cn']) {
      expect(allows(statements, 'states:StartExecution', couldBe(machineArn(partition)))).toBe(true);
    }
    expect(allows(statements, 'states:StartExecution', couldBe(machineArn('aws-cn', 'SomeOtherMachine')))).toBe(false);
    for (const action of ['states:DescribeExecution', 'states:StopExecution', 'states:SendTaskSuccess', 'dynamodb:PutItem']) {
      expect(allows(statements, action, () => true), action).toBe(false);
    }
  });

  it('the state machine may invoke it', () => {
    const fnId = stateless.getLogicalId(handOver.function.node.defaultChild as CfnElement);
    const machineRoles = [...byRole].filter(([, s]) => allows(s, 'lambda:InvokeFunction', refersTo(fnId)) && allows(s, 'lambda:InvokeFunction', () => true));
    expect(machineRoles.map(([role]) => role).filter((role) => role.includes('Workflows'))).toHaveLength(1);
  });
});
