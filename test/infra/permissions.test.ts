/**
 * Least privilege around reporter identity (requirements §1): checked over every IAM policy in
 * the stateless template, for functions built from made-up registries that cover each
 * permission combination.
 */
import { CfnElement, type Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../../functions/http/routes.ts';
import type { AppFunction } from '../../infra/constructs/function.ts';
import { defaultRegistries, type Registries } from '../../infra/stacks/registries.ts';
import { buildTestApp, testRegistries, type TestApp } from './build-test-app.ts';
import { actionsOf, allows, couldBe, refersTo, statementsByRole, type Statement } from './iam.ts';

const VAULT_ARN = 'arn:aws:dynamodb:cn-north-1:111122223333:table/DisclosureStateful-ReporterVault';
const CASES_ARN = 'arn:aws:dynamodb:cn-north-1:111122223333:table/DisclosureStateful-Cases';
const VAULT_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const VAULT_READS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan'];

const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

interface Subject {
  name: string;
  permissions: readonly Permission[];
  role: string;
}

function subjects(t: TestApp, registries: Registries = testRegistries): Subject[] {
  const { stateless } = t.built;
  const entry = (name: string, fn: AppFunction, permissions: readonly Permission[] = []): Subject => ({
    name,
    permissions,
    role: logicalId(stateless, fn.role),
  });
  return [
    ...registries.routes.map((r) => entry(`${r.method} ${r.path}`, stateless.routeFunctions.get(`${r.method} ${r.path}`)!, r.permissions)),
    ...registries.workflowTasks.map((d) => entry(d.name, stateless.taskFunctions.get(d.name)!, d.permissions)),
  ];
}

/** Roles (any role in the template, not only functions') that may do `action` to a resource. */
function rolesAllowed(t: TestApp, actions: string[], touches: (r: unknown) => boolean): string[] {
  return [...statementsByRole(t.stateless)]
    .filter(([, statements]) => actions.some((a) => allows(statements, a, touches)))
    .map(([role]) => role)
    .sort();
}

function violations(t: TestApp, registries: Registries = testRegistries) {
  const { stateful } = t.built;
  const reporterKey = refersTo(logicalId(stateful, stateful.reporterKey));
  const vaultTableKey = refersTo(logicalId(stateful, stateful.vaultTableKey));
  const all = subjects(t, registries);
  const expected = (p: Permission) => all.filter((s) => s.permissions.includes(p)).map((s) => s.role).sort();
  const vaultAny = all.filter((s) => s.permissions.some((p) => p.startsWith('vault:'))).map((s) => s.role).sort();
  return {
    decrypt: { actual: rolesAllowed(t, ['kms:Decrypt'], reporterKey), expected: expected('vault:decrypt') },
    encrypt: { actual: rolesAllowed(t, ['kms:GenerateDataKey'], reporterKey), expected: expected('vault:encrypt') },
    vaultWrite: { actual: rolesAllowed(t, VAULT_WRITES, couldBe(VAULT_ARN)), expected: expected('vault:encrypt') },
    vaultRead: { actual: rolesAllowed(t, VAULT_READS, couldBe(VAULT_ARN)), expected: expected('vault:decrypt') },
    vaultTableKey: { actual: rolesAllowed(t, ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], vaultTableKey), expected: vaultAny },
    mail: { actual: rolesAllowed(t, ['ses:SendEmail'], () => true), expected: expected('mail:send') },
  };
}

describe('IAM: reporter identity', () => {
  const t = buildTestApp();
  const v = violations(t);

  it('only vault:decrypt functions may kms:Decrypt with the reporter key', () => {
    expect(v.decrypt.expected.length).toBeGreaterThan(0);
    expect(v.decrypt.actual).toEqual(v.decrypt.expected);
  });

  it('only vault:encrypt functions may GenerateDataKey with the reporter key', () => {
    expect(v.encrypt.actual).toEqual(v.encrypt.expected);
  });

  it('only vault:encrypt functions may write the vault table, only vault:decrypt ones read it', () => {
    expect(v.vaultWrite.actual).toEqual(v.vaultWrite.expected);
    expect(v.vaultRead.actual).toEqual(v.vaultRead.expected);
  });

  it('functions without a vault permission get nothing on the vault table key', () => {
    expect(v.vaultTableKey.actual).toEqual(v.vaultTableKey.expected);
  });

  it('only mail:send functions may send mail', () => {
    expect(v.mail.actual).toEqual(v.mail.expected);
  });

  it('every function reads and writes the shared tables and drives the state machines', () => {
    const byRole = statementsByRole(t.stateless);
    for (const s of subjects(t)) {
      const statements = byRole.get(s.role)!;
      for (const action of ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']) {
        expect(allows(statements, action, couldBe(CASES_ARN)), `${s.name} ${action}`).toBe(true);
      }
      expect(allows(statements, 'dynamodb:Query', couldBe(`${CASES_ARN}/index/byTrackingNo`)), s.name).toBe(true);
      for (const action of ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat']) {
        expect(allows(statements, action, couldBe('arn:aws:states:cn-north-1:111122223333:stateMachine:DisclosureStateless-review')), `${s.name} ${action}`).toBe(true);
      }
    }
  });

  it('no function statement has Resource "*" except X-Ray (what the role-wide acknowledgement relies on)', () => {
    const byRole = statementsByRole(t.stateless);
    for (const s of subjects(t)) {
      const wide = byRole.get(s.role)!.filter((st: Statement) => st.Resource === '*' || (Array.isArray(st.Resource) && st.Resource.includes('*')));
      expect(wide.flatMap(actionsOf).every((a) => a.startsWith('xray:')), s.name).toBe(true);
    }
  });

  it('detects a stray grant (the checks above can fail)', () => {
    const tampered = buildTestApp(testRegistries, {
      tamper: ({ stateful, stateless }) => {
        const plain = stateless.routeFunctions.get('GET /v1/plain')!.function;
        stateful.reporterKey.grantDecrypt(plain);
        stateless.routeFunctions.get('GET /v1/reveal')!.function.addToRolePolicy(
          new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }),
        );
      },
    });
    const tv = violations(tampered);
    expect(tv.decrypt.actual).not.toEqual(tv.decrypt.expected);
    expect(tv.vaultWrite.actual).not.toEqual(tv.vaultWrite.expected);
  });
});

describe('IAM: the real registries', () => {
  it('grant exactly what each route and task declares', () => {
    const v = violations(buildTestApp(defaultRegistries), defaultRegistries);
    for (const [check, { actual, expected }] of Object.entries(v)) expect(actual, check).toEqual(expected);
  });
});
