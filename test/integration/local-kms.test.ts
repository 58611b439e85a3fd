import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDecrypt } from '@aws-crypto/decrypt-node';
import { buildEncrypt } from '@aws-crypto/encrypt-node';
import { KmsKeyringNode } from '@aws-crypto/kms-keyring-node';
import { CommitmentPolicy } from '@aws-crypto/material-management-node';
import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, KMS, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalKms, type LocalKms } from '../../infra/local/kms.ts';

/** The KMS stand-in (infra/local/kms.ts) through the real KMS client and the Encryption SDK's KMS keyring. */
let dir: string;
let kms: LocalKms;
const saved = process.env.AWS_ENDPOINT_URL_KMS;
const options = (endpoint: string) => ({ region: 'cn-north-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const client = (endpoint: string) => new KMSClient(options(endpoint));
const context = { purpose: 'reporter-identity', ref: 'r-1', field: 'email' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'di-kms-'));
  kms = await startLocalKms(dir);
});
afterAll(async () => {
  await kms?.stop();
  await rm(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_KMS;
  else process.env.AWS_ENDPOINT_URL_KMS = saved;
});

describe('local KMS', () => {
  it('generates a data key that decrypts only under the same encryption context', async () => {
    const c = client(kms.endpoint);
    const key = await c.send(new GenerateDataKeyCommand({ KeyId: kms.keyArn, KeySpec: 'AES_256', EncryptionContext: context }));
    expect(key.KeyId).toBe(kms.keyArn);
    expect(key.Plaintext?.byteLength).toBe(32);
    const back = await c.send(new DecryptCommand({ CiphertextBlob: key.CiphertextBlob, KeyId: kms.keyArn, EncryptionContext: { field: 'email', ref: 'r-1', purpose: 'reporter-identity' } }));
    expect(Buffer.from(back.Plaintext!).equals(Buffer.from(key.Plaintext!))).toBe(true);
    await expect(c.send(new DecryptCommand({ CiphertextBlob: key.CiphertextBlob, EncryptionContext: { ...context, field: 'phone' } }))).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
    await expect(c.send(new DecryptCommand({ CiphertextBlob: key.CiphertextBlob }))).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
    await expect(c.send(new GenerateDataKeyCommand({ KeyId: 'arn:aws-cn:kms:cn-north-1:000000000000:key/other', KeySpec: 'AES_256' }))).rejects.toMatchObject({ name: 'NotFoundException' });
    c.destroy();
  });

  it('keeps its key across a restart (the material is under DATA_DIR), and another data dir cannot decrypt', async () => {
    const first = client(kms.endpoint);
    const { CiphertextBlob } = await first.send(new EncryptCommand({ KeyId: kms.keyArn, Plaintext: Buffer.from('秘密'), EncryptionContext: context }));
    first.destroy();
    await kms.stop();
    kms = await startLocalKms(dir);
    const again = client(kms.endpoint);
    const { Plaintext } = await again.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context }));
    expect(Buffer.from(Plaintext!).toString('utf8')).toBe('秘密');
    again.destroy();

    const otherDir = await mkdtemp(join(tmpdir(), 'di-kms-'));
    const other = await startLocalKms(otherDir);
    const stranger = client(other.endpoint);
    await expect(stranger.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context }))).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
    stranger.destroy();
    await other.stop();
    await rm(otherDir, { recursive: true, force: true });
  });

  it('serves the Encryption SDK KMS keyring the vault uses', async () => {
    const keyring = new KmsKeyringNode({ generatorKeyId: kms.keyArn, clientProvider: () => new KMS(options(kms.endpoint)) });
    const policy = { commitmentPolicy: CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT, maxEncryptedDataKeys: 1 } as const;
    const { result } = await buildEncrypt(policy).encrypt(keyring, 'reporter@example.cn', { encryptionContext: context });
    const { plaintext, messageHeader } = await buildDecrypt(policy).decrypt(keyring, result);
    expect(plaintext.toString('utf8')).toBe('reporter@example.cn');
    expect(messageHeader.encryptionContext).toMatchObject(context);
  });
});
