/**
 * KMS for the local runtime: the three calls the Encryption SDK's KMS keyring makes
 * (GenerateDataKey, Encrypt, Decrypt), over the real KMS JSON API (awsJson1_1, X-Amz-Target
 * `TrentService.<Operation>`), so the reporter vault runs the same keyring locally as on AWS and
 * its calls leave the process, where faults.ts can fail them. One symmetric key; its material is a
 * file under DATA_DIR, so what was encrypted before a restart still decrypts after it.
 *
 * A ciphertext blob is AES-256-GCM of the data key under that material, with the key ARN and the
 * EncryptionContext as additional authenticated data: Decrypt under another context fails with
 * InvalidCiphertextException, as on KMS (which the key policy's `kms:EncryptionContext:field`
 * conditions rely on). The blob's layout is ours; like KMS's, it is opaque to the caller.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The one local key. Its region matters: the keyring builds its KMS client for the ARN's region. */
export const localKmsKeyArn = (region = process.env.AWS_REGION ?? 'cn-north-1') =>
  `arn:${region.startsWith('cn-') ? 'aws-cn' : 'aws'}:kms:${region}:000000000000:key/7e1f0c2a-5b1d-4c39-9a0e-000000000001`;

const VERSION = 1;
const IV = 12;
const TAG = 16;
const MAX_PLAINTEXT = 4096; // KMS Encrypt's limit

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

type Context = Record<string, string>;

/** Order-independent, as KMS compares contexts as maps. */
const aad = (keyArn: string, context: Context | undefined): Buffer =>
  Buffer.from(JSON.stringify([keyArn, Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]), 'utf8');

async function loadMaterial(file: string): Promise<Buffer> {
  try {
    await writeFile(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const material = await readFile(file);
  if (material.byteLength !== 32) throw new Error(`${file} must hold 32 bytes (AES-256), has ${material.byteLength}`);
  return material;
}

export interface LocalKms {
  endpoint: string;
  keyArn: string;
  stop(): Promise<void>;
}

export async function startLocalKms(dataDir: string, host = '127.0.0.1'): Promise<LocalKms> {
  const material = await loadMaterial(join(dataDir, 'kms-key.bin'));
  const keyArn = localKmsKeyArn();
  const keyId = keyArn.split('/')[1]!;

  const checkKey = (id: unknown): void => {
    if (id === undefined) return;
    if (id !== keyArn && id !== keyId) throw new KmsError('NotFoundException', `Key '${String(id)}' does not exist`);
  };
  const context = (value: unknown): Context | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Object.values(value).some((v) => typeof v !== 'string')) {
      throw new KmsError('ValidationException', 'EncryptionContext must map strings to strings');
    }
    return value as Context;
  };
  const seal = (plaintext: Buffer, ctx: Context | undefined): Buffer => {
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', material, iv);
    cipher.setAAD(aad(keyArn, ctx));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
  };
  const open = (blob: Buffer, ctx: Context | undefined): Buffer => {
    if (blob.byteLength < 1 + IV + TAG || blob[0] !== VERSION) throw new KmsError('InvalidCiphertextException', 'The ciphertext is invalid');
    try {
      const decipher = createDecipheriv('aes-256-gcm', material, blob.subarray(1, 1 + IV));
      decipher.setAAD(aad(keyArn, ctx));
      decipher.setAuthTag(blob.subarray(1 + IV, 1 + IV + TAG));
      return Buffer.concat([decipher.update(blob.subarray(1 + IV + TAG)), decipher.final()]);
    } catch {
      // A wrong context and a tampered blob look the same, as on KMS.
      throw new KmsError('InvalidCiphertextException', 'The ciphertext is invalid');
    }
  };
  const blob = (value: unknown, name: string): Buffer => {
    if (typeof value !== 'string' || value === '') throw new KmsError('ValidationException', `${name} is required`);
    return Buffer.from(value, 'base64');
  };

  const operations: Record<string, (input: Record<string, unknown>) => Record<string, unknown>> = {
    GenerateDataKey(input) {
      checkKey(input.KeyId ?? '');
      const bytes = input.NumberOfBytes ?? (input.KeySpec === 'AES_128' ? 16 : input.KeySpec === 'AES_256' ? 32 : undefined);
      if (typeof bytes !== 'number' || !Number.isInteger(bytes) || bytes < 1 || bytes > 1024) {
        throw new KmsError('ValidationException', 'Specify KeySpec (AES_128|AES_256) or NumberOfBytes (1-1024)');
      }
      const dataKey = randomBytes(bytes);
      const result = { KeyId: keyArn, Plaintext: dataKey.toString('base64'), CiphertextBlob: seal(dataKey, context(input.EncryptionContext)).toString('base64') };
      dataKey.fill(0);
      return result;
    },
    Encrypt(input) {
      checkKey(input.KeyId ?? '');
      const plaintext = blob(input.Plaintext, 'Plaintext');
      if (plaintext.byteLength > MAX_PLAINTEXT) throw new KmsError('ValidationException', `Plaintext exceeds ${MAX_PLAINTEXT} bytes`);
      return { KeyId: keyArn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT', CiphertextBlob: seal(plaintext, context(input.EncryptionContext)).toString('base64') };
    },
    Decrypt(input) {
      checkKey(input.KeyId);
      const plaintext = open(blob(input.CiphertextBlob, 'CiphertextBlob'), context(input.EncryptionContext));
      return { KeyId: keyArn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT', Plaintext: plaintext.toString('base64') };
    },
  };

  const answer = (res: ServerResponse, status: number, body: unknown, errorType?: string) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    res.end(text);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const [service, op] = String(req.headers['x-amz-target'] ?? '').split('.');
    const operation = service === 'TrentService' && op ? operations[op] : undefined;
    try {
      if (req.method !== 'POST' || !operation) throw new KmsError('UnsupportedOperationException', `Not supported by the local KMS: ${String(req.headers['x-amz-target'] ?? req.method)}`);
      let input: unknown;
      try {
        input = JSON.parse(body.toString('utf8') || '{}');
      } catch {
        throw new KmsError('SerializationException', 'Request body is not JSON');
      }
      if (typeof input !== 'object' || input === null) throw new KmsError('SerializationException', 'Request body is not a JSON object');
      answer(res, 200, operation(input as Record<string, unknown>));
    } catch (err) {
      if (err instanceof KmsError) answer(res, err.status, { __type: err.type, message: err.message }, err.type);
      else answer(res, 500, { __type: 'KMSInternalException', message: 'Internal error' }, 'KMSInternalException');
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, host, () => ready());
  });
  const endpoint = `http://${host}:${(server.address() as AddressInfo).port}`;
  // The SDK derives the variable from the client's service id, "KMS".
  process.env.AWS_ENDPOINT_URL_KMS = endpoint;
  return {
    endpoint,
    keyArn,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
