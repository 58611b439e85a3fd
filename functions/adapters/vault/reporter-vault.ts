import { randomUUID } from 'node:crypto';
import { buildDecrypt } from '@aws-crypto/decrypt-node';
import { buildEncrypt } from '@aws-crypto/encrypt-node';
import { AlgorithmSuiteIdentifier, CommitmentPolicy, type KeyringNode } from '@aws-crypto/material-management-node';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReporterIdentity, ReporterVault } from '../../domain/cases/ports.ts';
import { config } from '../../shared/config.ts';
import { logger } from '../../shared/logger.ts';
import { dynamo } from '../dynamodb/client.ts';
import { vaultKeyring } from './keyring.ts';

type Field = keyof ReporterIdentity;
const FIELDS: readonly Field[] = ['name', 'workUnit', 'address', 'phone', 'email', 'idNumber'];

// One data key per message: a message claiming more is malformed, and refusing it early bounds
// the work a tampered item can cause.
// (The Encryption SDK's parts, as in keyring.ts.)
const CLIENT = { commitmentPolicy: CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT, maxEncryptedDataKeys: 1 } as const;
const { encrypt } = buildEncrypt(CLIENT);
const { decrypt } = buildDecrypt(CLIENT);

/**
 * Key-committing AES-256-GCM with HKDF, without the default suite's ECDSA P-384 signature. The
 * signature only matters where someone may decrypt but must not be able to write a message that
 * decrypts: here the functions that decrypt (notices, the contact reveal) cannot write to the
 * vault table at all (IAM: GetItem only), and each message is bound to its entry and field by
 * the encryption context. Signing cost ~30 ms of CPU per field (a fresh P-384 key pair and a
 * signature each time), the largest part of an intake, and verifying it ~40 ms per field read;
 * without it, ~1 ms and ~3 ms (`npm run bench -- intake`). Messages written before with the
 * signing suite still decrypt: decrypt accepts every committing suite.
 */
const SUITE = AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY;

const PURPOSE = 'reporter-identity';
const pk = (ref: string) => `REPORTER#${ref}`;
const context = (ref: string, field: Field): Record<string, string> => ({ purpose: PURPOSE, ref, field });

let defaultKeyring: KeyringNode | undefined;

/**
 * The reporter's identity, one item per reporter, each field a separate AWS Encryption SDK
 * message. Separate messages let the notification task decrypt the e-mail address and nothing
 * else; the encryption context (ref + field name) makes a ciphertext copied to another field or
 * another reporter's item fail instead of decrypting as someone else's data.
 */
export class EncryptedReporterVault implements ReporterVault {
  private readonly table: string;
  private readonly keyring: () => KeyringNode;
  private readonly db: () => DynamoDBDocumentClient;

  constructor(opts: { table?: string; keyring?: KeyringNode; db?: DynamoDBDocumentClient } = {}) {
    this.table = opts.table ?? config.vaultTable;
    // Lazily, so merely constructing the vault (at module load in handlers) needs no key yet.
    this.keyring = () => opts.keyring ?? (defaultKeyring ??= vaultKeyring());
    this.db = () => opts.db ?? dynamo();
  }

  async put(identity: ReporterIdentity): Promise<string> {
    const ref = randomUUID();
    const present = FIELDS.filter((f) => typeof identity[f] === 'string' && identity[f].trim() !== '');
    const encrypted = await Promise.all(
      present.map(async (field) => {
        const { result } = await encrypt(this.keyring(), identity[field]!, { encryptionContext: context(ref, field), suiteId: SUITE });
        return [field, result.toString('base64')] as const;
      }),
    );
    await this.db().send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: pk(ref), ...Object.fromEntries(encrypted), createdAt: new Date().toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return ref;
  }

  async get<K extends Field>(ref: string, fields: K[]): Promise<Pick<ReporterIdentity, K>> {
    const wanted = [...new Set(fields)].filter((f) => FIELDS.includes(f));
    if (wanted.length === 0) return {} as Pick<ReporterIdentity, K>;
    const names = Object.fromEntries(wanted.map((f, i) => [`#f${i}`, f]));
    const { Item } = await this.db().send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: pk(ref) },
        // Only the asked-for ciphertexts leave the table.
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
        ConsistentRead: true,
      }),
    );
    if (!Item) {
      logger.warn('reporter vault entry missing', { ref });
      return {} as Pick<ReporterIdentity, K>;
    }
    const out: Partial<Record<Field, string>> = {};
    await Promise.all(
      wanted.map(async (field) => {
        const stored = Item[field];
        if (typeof stored !== 'string') return;
        out[field] = await this.open(ref, field, stored);
      }),
    );
    return out as Pick<ReporterIdentity, K>;
  }

  private async open(ref: string, field: Field, stored: string): Promise<string> {
    const { plaintext, messageHeader } = await decrypt(this.keyring(), Buffer.from(stored, 'base64'));
    // decrypt() authenticates the context but does not compare it with what we expect: we must.
    const expected = context(ref, field);
    const actual = messageHeader.encryptionContext;
    if (Object.entries(expected).some(([k, v]) => actual[k] !== v)) {
      throw new Error(`Reporter vault field '${field}' does not belong to this entry`);
    }
    return plaintext.toString('utf8');
  }
}
