import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEncrypt } from '@aws-crypto/encrypt-node';
import { KmsKeyringNode } from '@aws-crypto/kms-keyring-node';
import { AlgorithmSuiteIdentifier, CommitmentPolicy } from '@aws-crypto/material-management-node';
import { DynamoDBDocumentClient, GetCommand, PutCommand, type GetCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawAesKeyring, vaultKeyring } from '../../functions/adapters/vault/keyring.ts';
import { EncryptedReporterVault } from '../../functions/adapters/vault/reporter-vault.ts';
import type { ReporterIdentity } from '../../functions/domain/cases/ports.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const items = new Map<string, Record<string, unknown>>();
const gets: GetCommandInput[] = [];

const reporter: ReporterIdentity = {
  name: '欧阳振华',
  workUnit: '滨江区第七中学',
  address: '滨江区望江路 88 号 3 单元 502',
  phone: '13912345678',
  email: 'ouyang.zhenhua.1984@example.net',
  idNumber: '330106198401015678',
};

const dir = mkdtempSync(join(tmpdir(), 'vault-test-'));
const env = { ...process.env };

beforeAll(() => {
  const keyFile = join(dir, 'vault-key.bin');
  writeFileSync(keyFile, randomBytes(32));
  // The vault's raw-key path (VAULT_KEY_FILE): the keyring a deployment without KMS would use.
  process.env.VAULT_KEY_FILE = keyFile;
  delete process.env.VAULT_KMS_KEY_ARN;
  process.env.VAULT_TABLE = 'ReporterVault-test';
});

afterAll(() => {
  process.env = env;
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  ddb.reset();
  items.clear();
  gets.length = 0;
  ddb.on(PutCommand).callsFake((input: { TableName: string; Item: Record<string, unknown> }) => {
    expect(input.TableName).toBe('ReporterVault-test');
    items.set(input.Item.pk as string, structuredClone(input.Item));
    return {};
  });
  ddb.on(GetCommand).callsFake((input: GetCommandInput) => {
    gets.push(input);
    const item = items.get(input.Key!.pk as string);
    if (!item) return {};
    // Honour the projection, as DynamoDB does.
    const wanted = Object.values(input.ExpressionAttributeNames ?? {});
    return { Item: Object.fromEntries(Object.entries(item).filter(([k]) => wanted.includes(k))) };
  });
});

const stored = (ref: string) => items.get(`REPORTER#${ref}`)!;

describe('EncryptedReporterVault', () => {
  it('stores one item per reporter, every field encrypted, no plaintext anywhere', async () => {
    const ref = await new EncryptedReporterVault().put(reporter);
    expect(ref).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const item = stored(ref);
    expect(Object.keys(item).sort()).toEqual(['address', 'createdAt', 'email', 'idNumber', 'name', 'phone', 'pk', 'workUnit']);
    const raw = JSON.stringify(item);
    const decoded = Object.values(item).map((v) => Buffer.from(String(v), 'base64').toString('latin1')).join('');
    for (const value of Object.values(reporter)) {
      expect(raw).not.toContain(value);
      expect(decoded).not.toContain(Buffer.from(value!, 'utf8').toString('latin1'));
    }
    expect(raw).not.toContain('ouyang');
  });

  it('decrypts only the fields asked for', async () => {
    const vault = new EncryptedReporterVault();
    const ref = await vault.put(reporter);
    const got = await vault.get(ref, ['email']);
    expect(got).toEqual({ email: reporter.email });
    expect(Object.values(gets[0]!.ExpressionAttributeNames!)).toEqual(['email']);
    expect(gets[0]).toMatchObject({ ConsistentRead: true });
    expect(await vault.get(ref, ['name', 'phone'])).toEqual({ name: reporter.name, phone: reporter.phone });
  });

  it('stores only the fields given', async () => {
    const vault = new EncryptedReporterVault();
    const ref = await vault.put({ email: 'a@example.net', name: '  ' });
    expect(Object.keys(stored(ref)).sort()).toEqual(['createdAt', 'email', 'pk']);
    expect(await vault.get(ref, ['name', 'email'])).toEqual({ email: 'a@example.net' });
  });

  it('refuses a ciphertext moved to another field', async () => {
    const vault = new EncryptedReporterVault();
    const ref = await vault.put(reporter);
    stored(ref).name = stored(ref).email;
    await expect(vault.get(ref, ['name'])).rejects.toThrow(/does not belong/);
  });

  it("refuses a ciphertext moved to another reporter's item", async () => {
    const vault = new EncryptedReporterVault();
    const a = await vault.put({ email: 'first@example.net' });
    const b = await vault.put({ email: 'second@example.net' });
    stored(b).email = stored(a).email;
    await expect(vault.get(b, ['email'])).rejects.toThrow(/does not belong/);
  });

  it('cannot be read with another key', async () => {
    const ref = await new EncryptedReporterVault().put(reporter);
    const other = new EncryptedReporterVault({ keyring: rawAesKeyring(randomBytes(32)) });
    await expect(other.get(ref, ['email'])).rejects.toThrow();
  });

  it('writes key-committing messages without a signature, and still reads the signed ones written before', async () => {
    const keyring = rawAesKeyring(randomBytes(32));
    const vault = new EncryptedReporterVault({ keyring });
    const ref = await vault.put({ email: 'a@example.net', phone: '13912345678' });
    // Message format 2: the version byte, then the algorithm suite id.
    const suiteOf = (field: string) => Buffer.from(String(stored(ref)[field]), 'base64').readUInt16BE(1);
    expect(suiteOf('email')).toBe(AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY);
    const { encrypt } = buildEncrypt({ commitmentPolicy: CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT });
    const { result } = await encrypt(keyring, '13800000000', { encryptionContext: { purpose: 'reporter-identity', ref, field: 'phone' } });
    stored(ref).phone = result.toString('base64');
    expect(suiteOf('phone')).toBe(AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384);
    expect(await vault.get(ref, ['email', 'phone'])).toEqual({ email: 'a@example.net', phone: '13800000000' });
  });

  it('returns nothing for an unknown reference', async () => {
    expect(await new EncryptedReporterVault().get('no-such-ref', ['email'])).toEqual({});
  });
});

describe('vaultKeyring', () => {
  const withEnv = (vars: Record<string, string | undefined>, fn: () => void) => {
    const saved = { ...process.env };
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    try {
      fn();
    } finally {
      process.env = saved;
    }
  };

  it('uses KMS when a key ARN is configured, whatever else is set', () => {
    withEnv({ VAULT_KMS_KEY_ARN: 'arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }, () => {
      expect(vaultKeyring()).toBeInstanceOf(KmsKeyringNode);
    });
  });

  it('fails clearly when no key is configured', () => {
    withEnv({ VAULT_KMS_KEY_ARN: undefined, VAULT_KEY_FILE: undefined }, () => {
      expect(() => vaultKeyring()).toThrow(/VAULT_KMS_KEY_ARN.*VAULT_KEY_FILE/);
    });
  });

  it('rejects a key file of the wrong length without echoing it', () => {
    const file = join(dir, 'short.bin');
    writeFileSync(file, Buffer.from('not-a-real-key'));
    withEnv({ VAULT_KMS_KEY_ARN: undefined, VAULT_KEY_FILE: file }, () => {
      expect(() => vaultKeyring()).toThrow(/must be 32 bytes.*got 14$/);
    });
  });
});
