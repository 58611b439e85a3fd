import { readFileSync } from 'node:fs';
// The Encryption SDK's parts, not the umbrella @aws-crypto/client-node: that one is CommonJS only,
// so a bundle would carry every keyring, the caching manager and RSA (asn1.js, bn.js) with it.
import { KmsKeyringNode } from '@aws-crypto/kms-keyring-node';
import type { KeyringNode } from '@aws-crypto/material-management-node';
import { RawAesKeyringNode, RawAesWrappingSuiteIdentifier } from '@aws-crypto/raw-aes-keyring-node';
import { config } from '../../shared/config.ts';

/**
 * The keyring for reporter identity, chosen by what is configured rather than by where we run:
 * the CDK stack sets VAULT_KMS_KEY_ARN, and so does the local runtime (its KMS stand-in,
 * infra/local/kms.ts); VAULT_KEY_FILE, a raw AES key, serves tests that run without any KMS.
 * Neither set is a deployment mistake, so it fails instead of storing in clear.
 */
export function vaultKeyring(): KeyringNode {
  const kmsKeyArn = config.vaultKmsKeyArn;
  if (kmsKeyArn) return new KmsKeyringNode({ generatorKeyId: kmsKeyArn });
  const keyFile = config.vaultKeyFile;
  if (keyFile) {
    const key = readFileSync(keyFile);
    try {
      return rawAesKeyring(key);
    } finally {
      key.fill(0); // the keyring holds its own copy
    }
  }
  throw new Error('Reporter vault has no key: set VAULT_KMS_KEY_ARN (KMS) or VAULT_KEY_FILE (a 32-byte AES key file)');
}

/** Exported for tests, which use a throwaway key instead of a file. */
export function rawAesKeyring(key: Uint8Array): KeyringNode {
  // Only the length is reported: the key itself must never reach a log or an error message.
  if (key.byteLength !== 32) throw new Error(`Reporter vault key must be 32 bytes (AES-256), got ${key.byteLength}`);
  return new RawAesKeyringNode({
    keyNamespace: 'disclosure-intake',
    keyName: 'reporter-vault',
    // The SDK insists on an isolated buffer (byteOffset 0), which a pooled Buffer is not.
    unencryptedMasterKey: new Uint8Array(key),
    wrappingSuite: RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
  });
}
