/**
 * Least privilege: every function's role allows exactly what its route or task declares in
 * `access` (functions/adapters/access.ts), checked over every IAM policy in the stateless
 * template, for made-up registries that cover each kind of access and for the real ones.
 * (access-reachable.test.ts checks the other direction: no declaration the code cannot reach.)
 */
import { CfnElement, type Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { DATA_KEY_WRITE } from '../../infra/constructs/access.ts';
import { describe, expect, it } from 'vitest';
import type { Access } from '../../functions/adapters/access.ts';
import type { AppFunction } from '../../infra/constructs/function.ts';
import { defaultRegistries, type Registries } from '../../infra/stacks/registries.ts';
import { buildTestApp, testRegistries, type TestApp } from './build-test-app.ts';
import { actionsOf, allows, couldBe, refersTo, statementsByRole, type Statement } from './iam.ts';

const VAULT_ARN = 'arn:aws-cn:dynamodb:cn-north-1:111122223333:table/DisclosureStateful-dev-ReporterVault';
const CASES_ARN = 'arn:aws-cn:dynamodb:cn-north-1:111122223333:table/DisclosureStateful-dev-Cases';
const VAULT_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const VAULT_READS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan'];
/** Every function writes its own log group and traces; nothing else is shared. */
const BASELINE = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];

const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

interface Subject {
  name: string;
  access: readonly Access[];
  role: string;
}

function subjects(t: TestApp, registries: Registries = testRegistries): Subject[] {
  const { stateless } = t.built;
  const entry = (name: string, fn: AppFunction, access: readonly Access[]): Subject => ({ name, access, role: logicalId(stateless, fn.role) });
  return [
    ...registries.routes.map((r) => entry(`${r.method} ${r.path}`, stateless.routeFunctions.get(`${r.method} ${r.path}`)!, r.access)),
    ...registries.workflowTasks.map((d) => entry(d.name, stateless.taskFunctions.get(d.name)!, d.access)),
    ...registries.jobs.map((d) => entry(`job ${d.name}`, stateless.jobFunctions.get(d.name)!, d.access)),
  ];
}

/** The IAM actions a declaration stands for (infra/constructs/access.ts), plus the baseline. */
function expectedActions(access: readonly Access[], mailActions: readonly string[]): string[] {
  const out = new Set(BASELINE);
  for (const a of access) {
    if ('table' in a) {
      const actions = 'index' in a ? ['Query'] : a.actions;
      for (const action of actions) out.add(`dynamodb:${action}`);
      // The tables' customer-managed key, as DynamoDB uses it for the caller.
      for (const x of ['kms:Decrypt', 'kms:DescribeKey']) out.add(x);
      if (actions.some((x) => ['PutItem', 'UpdateItem', 'DeleteItem'].includes(x))) for (const x of DATA_KEY_WRITE) out.add(x);
    }
    else if ('vault' in a && a.vault === 'put') {
      for (const x of ['dynamodb:PutItem', 'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:GenerateDataKey']) out.add(x);
    } else if ('vault' in a) for (const x of ['dynamodb:GetItem', 'kms:Decrypt', 'kms:DescribeKey']) out.add(x);
    else if ('workflow' in a) {
      if (a.workflow === 'resume') out.add('states:SendTaskSuccess');
      else out.add('states:StartExecution');
      if (a.workflow === 'reconcile') out.add('states:DescribeExecution');
    }
    else if ('mail' in a) for (const x of mailActions) out.add(x);
    else if ('sms' in a) out.add('sms-voice:SendTextMessage');
    else if ('attachments' in a) for (const x of a.attachments === 'upload' ? ['s3:PutObject', 'kms:GenerateDataKey'] : ['s3:GetObject', 's3:GetObjectTagging', 'kms:Decrypt']) out.add(x);
  }
  return [...out].sort();
}

const actualActions = (statements: Statement[]) => [...new Set(statements.flatMap(actionsOf))].sort();

/** Roles (any role in the template, not only functions') that may do `action` to a resource. */
function rolesAllowed(t: TestApp, actions: string[], touches: (r: unknown) => boolean): string[] {
  return [...statementsByRole(t.stateless)]
    .filter(([, statements]) => actions.some((a) => allows(statements, a, touches)))
    .map(([role]) => role)
    .sort();
}

const hasVaultRead = (s: Subject) => s.access.some((a) => 'vault' in a && a.vault === 'read');
const hasVaultPut = (s: Subject) => s.access.some((a) => 'vault' in a && a.vault === 'put');
const hasMail = (s: Subject) => s.access.some((a) => 'mail' in a);
const hasSms = (s: Subject) => s.access.some((a) => 'sms' in a);

function violations(t: TestApp, registries: Registries = testRegistries) {
  const { stateful } = t.built;
  const reporterKey = refersTo(logicalId(stateful, stateful.reporterKey));
  const vaultTableKey = refersTo(logicalId(stateful, stateful.vaultTableKey));
  const all = subjects(t, registries);
  const roles = (pick: (s: Subject) => boolean) => all.filter(pick).map((s) => s.role).sort();
  return {
    decrypt: { actual: rolesAllowed(t, ['kms:Decrypt'], reporterKey), expected: roles(hasVaultRead) },
    encrypt: { actual: rolesAllowed(t, ['kms:GenerateDataKey', 'kms:Encrypt'], reporterKey), expected: roles(hasVaultPut) },
    vaultWrite: { actual: rolesAllowed(t, VAULT_WRITES, couldBe(VAULT_ARN)), expected: roles(hasVaultPut) },
    vaultRead: { actual: rolesAllowed(t, VAULT_READS, couldBe(VAULT_ARN)), expected: roles(hasVaultRead) },
    vaultTableKey: {
      actual: rolesAllowed(t, ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], vaultTableKey),
      expected: roles((s) => hasVaultRead(s) || hasVaultPut(s)),
    },
    mail: { actual: rolesAllowed(t, ['ses:SendEmail', 'secretsmanager:GetSecretValue'], () => true), expected: roles(hasMail) },
    sms: { actual: rolesAllowed(t, ['sms-voice:SendTextMessage'], () => true), expected: roles(hasSms) },
  };
}

const statementsOf = (t: TestApp, role: string) => statementsByRole(t.stateless).get(role) ?? [];

describe('IAM: reporter identity', () => {
  const t = buildTestApp();
  const v = violations(t);

  it('only vault readers may kms:Decrypt with the reporter key', () => {
    expect(v.decrypt.expected.length).toBeGreaterThan(0);
    expect(v.decrypt.actual).toEqual(v.decrypt.expected);
  });

  it('only vault writers may GenerateDataKey with the reporter key', () => {
    expect(v.encrypt.actual).toEqual(v.encrypt.expected);
  });

  it('only vault writers may write the vault table, only readers read it', () => {
    expect(v.vaultWrite.actual).toEqual(v.vaultWrite.expected);
    expect(v.vaultRead.actual).toEqual(v.vaultRead.expected);
  });

  it('functions without vault access get nothing on the vault table key', () => {
    expect(v.vaultTableKey.actual).toEqual(v.vaultTableKey.expected);
  });

  it('only mail senders may send mail', () => {
    expect(v.mail.actual).toEqual(v.mail.expected);
  });

  it('vault writers may only PutItem (no read-back), encrypt only with purpose reporter-identity', () => {
    const [intake] = subjects(t).filter(hasVaultPut);
    const statements = statementsOf(t, intake!.role);
    const onVault = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')) && [s.Resource].flat().some(couldBe(VAULT_ARN)));
    expect(onVault.flatMap(actionsOf)).toEqual(['dynamodb:PutItem']);
    expect(onVault[0]).toMatchObject({ Condition: { StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' } } });
    // The reporter key's data keys (the tables' at-rest keys are used only via DynamoDB).
    const generate = statements.find((s) => actionsOf(s).includes('kms:GenerateDataKey') && !JSON.stringify(s).includes('kms:ViaService'));
    expect(generate).toMatchObject({ Condition: { StringEquals: { 'kms:EncryptionContext:purpose': 'reporter-identity' } } });
  });

  it('vault readers decrypt only ciphertexts of the declared field (encryption context), and never Scan or Query the vault', () => {
    for (const s of subjects(t).filter(hasVaultRead)) {
      const statements = statementsOf(t, s.role);
      const decrypt = statements.filter((st) => actionsOf(st).includes('kms:Decrypt') && !JSON.stringify(st).includes('kms:ViaService'));
      expect(decrypt, s.name).toHaveLength(1);
      expect(decrypt[0], s.name).toMatchObject({
        Condition: { StringEquals: { 'kms:EncryptionContext:purpose': 'reporter-identity', 'kms:EncryptionContext:field': ['email'] } },
      });
      for (const action of ['dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem']) {
        expect(allows(statements, action, couldBe(VAULT_ARN)), `${s.name} ${action}`).toBe(false);
      }
    }
  });

  it('the vault table key is usable only through DynamoDB', () => {
    const vaultTableKey = refersTo(logicalId(t.built.stateful, t.built.stateful.vaultTableKey));
    for (const statements of statementsByRole(t.stateless).values()) {
      for (const s of statements.filter((st) => actionsOf(st).some((a) => a.startsWith('kms:')) && [st.Resource].flat().some(vaultTableKey))) {
        expect(JSON.stringify(s)).toContain('kms:ViaService');
      }
    }
  });

  it('detects a stray grant (the checks above can fail)', () => {
    const tampered = buildTestApp(testRegistries, {
      tamper: ({ stateful, stateless }) => {
        const plain = stateless.routeFunctions.get('GET /v1/plain')!.function;
        stateful.reporterKey.grantDecrypt(plain);
        stateless.routeFunctions.get('GET /v1/reveal')!.function.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
      },
    });
    const tv = violations(tampered);
    expect(tv.decrypt.actual).not.toEqual(tv.decrypt.expected);
    expect(tv.vaultWrite.actual).not.toEqual(tv.vaultWrite.expected);
  });
});

describe('IAM: each function gets exactly what it declares', () => {
  const MAIL = ['ses:SendEmail', 'ses:SendRawEmail'];

  it.each([
    ['made-up registries', testRegistries],
    ['real registries', defaultRegistries],
  ] as const)('no action beyond the declaration, none missing (%s)', (_name, registries) => {
    const t = buildTestApp(registries);
    for (const s of subjects(t, registries)) {
      expect(actualActions(statementsOf(t, s.role)), s.name).toEqual(expectedActions(s.access, MAIL));
    }
  });

  it('table actions name the declared table (and indexes the declared index), never a wildcard', () => {
    const t = buildTestApp();
    const list = subjects(t).find((s) => s.name === 'GET /v1/list')!;
    const statements = statementsOf(t, list.role);
    expect(allows(statements, 'dynamodb:Query', couldBe(`${CASES_ARN}/index/byUnit`))).toBe(true);
    expect(allows(statements, 'dynamodb:Query', couldBe(`${CASES_ARN}/index/byAssignee`))).toBe(false);
    expect(allows(statements, 'dynamodb:Query', couldBe(CASES_ARN))).toBe(false);
    for (const s of subjects(t)) {
      const wide = statementsOf(t, s.role).filter((st) => [st.Resource].flat().some((r) => r === '*' || /\*$/.test(JSON.stringify(r).replace(/"$/, ''))));
      // SendTextMessage picks any origination identity of the account and region (acknowledged in cdk-nag).
      expect(wide.flatMap(actionsOf).every((a) => a.startsWith('xray:') || a === 'sms-voice:SendTextMessage' || a === 's3:PutObject' || a === 's3:GetObject' || a === 's3:GetObjectTagging'), s.name).toBe(true);
    }
  });

  it('the real registries: no role may SendTaskFailure or SendTaskHeartbeat (no code calls them), only the reconciler DescribeExecution', () => {
    const t = buildTestApp(defaultRegistries);
    const reconciler = logicalId(t.built.stateless, t.built.stateless.jobFunctions.get('ReconcileWorkflows')!.role);
    for (const [role, statements] of statementsByRole(t.stateless)) {
      for (const action of ['states:SendTaskFailure', 'states:SendTaskHeartbeat']) {
        expect(allows(statements, action, () => true), `${role} ${action}`).toBe(false);
      }
      expect(allows(statements, 'states:DescribeExecution', () => true), `${role} DescribeExecution`).toBe(role === reconciler);
    }
  });

  it('the real registries: the public health check cannot touch any table', () => {
    const t = buildTestApp(defaultRegistries);
    const health = subjects(t, defaultRegistries).find((s) => s.name === 'GET /v1/health')!;
    const statements = statementsOf(t, health.role);
    expect(statements.flatMap(actionsOf).filter((a) => !BASELINE.includes(a))).toEqual([]);
    expect(allows(statements, 'dynamodb:GetItem', couldBe(CASES_ARN))).toBe(false);
  });

  it('the real registries: the notice sender decrypts the e-mail and phone fields only and may send SMS; intake only puts into the vault', () => {
    const t = buildTestApp(defaultRegistries);
    const v = violations(t, defaultRegistries);
    for (const [check, { actual, expected }] of Object.entries(v)) expect(actual, check).toEqual(expected);
    const sender = subjects(t, defaultRegistries).find((s) => s.name === 'SendNotices')!;
    expect(JSON.stringify(statementsOf(t, sender.role))).toContain('"kms:EncryptionContext:field":["email","phone"]');
    expect(allows(statementsOf(t, sender.role), 'sms-voice:SendTextMessage', () => true)).toBe(true);
    expect(v.sms.expected).toEqual([sender.role]);
    expect(allows(statementsOf(t, sender.role), 'dynamodb:Scan', couldBe(VAULT_ARN))).toBe(false);
  });

  it('the real registries: besides the notice sender only the contact reveal decrypts identity, and only contact fields (never the ID number)', () => {
    const t = buildTestApp(defaultRegistries);
    const reporterKey = refersTo(logicalId(t.built.stateful, t.built.stateful.reporterKey));
    const all = subjects(t, defaultRegistries);
    const reveal = all.find((s) => s.name === 'GET /v1/contact-requests/{requestId}/reveal')!;
    const sender = all.find((s) => s.name === 'SendNotices')!;
    expect(rolesAllowed(t, ['kms:Decrypt'], reporterKey)).toEqual([reveal.role, sender.role].sort());
    expect(JSON.stringify(statementsOf(t, reveal.role))).toContain(
      '"kms:EncryptionContext:purpose":"reporter-identity","kms:EncryptionContext:field":["address","email","name","phone"]',
    );
    for (const name of ['POST /v1/cases/{caseId}/contact-requests', 'POST /v1/contact-requests/{requestId}/decision', 'POST /v1/cases/{caseId}/relay', 'GET /v1/cases/{caseId}']) {
      const s = all.find((x) => x.name === name)!;
      expect(allows(statementsOf(t, s.role), 'kms:Decrypt', reporterKey), name).toBe(false);
      expect(allows(statementsOf(t, s.role), 'dynamodb:GetItem', couldBe(VAULT_ARN)), name).toBe(false);
    }
  });
});
