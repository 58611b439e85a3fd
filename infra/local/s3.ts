/**
 * S3 for the local runtime, just what attachments use: browser POST uploads (presigned POST:
 * the SigV4 signature over the policy is checked with the local credentials, then every policy
 * condition: expiry, bucket, key, Content-Type, content-length-range), GetObject/HeadObject by the
 * SDK, GetObjectTagging, and presigned GETs (expiry checked on the virtual clock; only files
 * tagged clean, as the bucket policy on AWS). Each upload is tagged at once as GuardDuty Malware
 * Protection would tag it (the EICAR test string is a threat). Objects live in memory. Reached
 * through AWS_ENDPOINT_URL_S3 with path-style URLs.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface StoredObject {
  body: Buffer;
  contentType: string;
  tags: Record<string, string>;
}

/** The anti-malware test file (EICAR): the local scan's one "threat", so the refusal can be tried. */
const EICAR = 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE';

/**
 * What GuardDuty Malware Protection for S3 does on AWS after each upload, done at once: tag the
 * object `GuardDutyMalwareScanStatus` with its verdict.
 */
const scanVerdict = (body: Buffer) => (body.includes(EICAR) ? 'THREATS_FOUND' : 'NO_THREATS_FOUND');

export interface LocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

const MAX_BODY = 12 * 1024 * 1024;
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

function xmlError(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

type Condition = Record<string, string> | [string, string, string] | ['content-length-range', number, number];

/** Why the upload breaks the policy, or undefined when it keeps it. */
function policyViolation(conditions: Condition[], fields: Map<string, string>, bucket: string, size: number): string | undefined {
  const value = (name: string) => (name.toLowerCase() === 'bucket' ? bucket : [...fields].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]);
  for (const c of conditions) {
    if (Array.isArray(c)) {
      if (c[0] === 'content-length-range') {
        if (size < Number(c[1]) || size > Number(c[2])) return 'EntityTooLarge';
        continue;
      }
      const [op, field, expected] = c as [string, string, string];
      const actual = value(field.replace(/^\$/, ''));
      if (op === 'eq' && actual !== expected) return `Policy condition failed: ["eq", "${field}", "${expected}"]`;
      if (op === 'starts-with' && !(actual ?? '').startsWith(expected)) return `Policy condition failed: ["starts-with", "${field}", "${expected}"]`;
    } else {
      for (const [field, expected] of Object.entries(c)) if (value(field) !== expected) return `Policy condition failed: {"${field}": "${expected}"}`;
    }
  }
  return undefined;
}

export async function startLocalS3(opts: { host?: string; secretKey?: string } = {}): Promise<LocalS3> {
  const host = opts.host ?? '127.0.0.1';
  const secret = opts.secretKey ?? process.env.AWS_SECRET_ACCESS_KEY ?? 'local';
  const objects = new Map<string, StoredObject>();

  async function post(req: IncomingMessage, res: ServerResponse, bucket: string) {
    const raw = await readBody(req);
    if (!raw) return xmlError(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    const form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': String(req.headers['content-type'] ?? '') }, body: new Uint8Array(raw) }).formData();
    const fields = new Map<string, string>();
    let file: File | undefined;
    for (const [name, v] of form) {
      if (typeof v === 'string') fields.set(name, v);
      else file = v;
    }
    const policy = fields.get('Policy') ?? fields.get('policy');
    const credential = fields.get('X-Amz-Credential') ?? '';
    const signature = fields.get('X-Amz-Signature');
    if (!policy || !signature || !file) return xmlError(res, 400, 'InvalidArgument', 'Policy, signature and file are required');
    const [, date = '', region = '', service = ''] = credential.split('/');
    const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
    if (hmac(key, policy).toString('hex') !== signature) return xmlError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match');
    const doc = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as { expiration: string; conditions: Condition[] };
    if (Date.parse(doc.expiration) < Date.now()) return xmlError(res, 403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
    const body = Buffer.from(await file.arrayBuffer());
    const violation = policyViolation(doc.conditions, fields, bucket, body.length);
    if (violation) return xmlError(res, violation === 'EntityTooLarge' ? 400 : 403, violation === 'EntityTooLarge' ? 'EntityTooLarge' : 'AccessDenied', violation);
    const objectKey = fields.get('key') ?? '';
    objects.set(`${bucket}/${objectKey}`, {
      body,
      contentType: fields.get('Content-Type') ?? 'application/octet-stream',
      tags: { GuardDutyMalwareScanStatus: scanVerdict(body) },
    });
    res.writeHead(204).end();
  }

  function get(req: IncomingMessage, res: ServerResponse, path: string, url: URL) {
    const amzDate = url.searchParams.get('X-Amz-Date');
    const expires = Number(url.searchParams.get('X-Amz-Expires'));
    if (amzDate) {
      const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
      if (Date.now() > signedAt + expires * 1000) return xmlError(res, 403, 'AccessDenied', 'Request has expired');
    }
    const obj = objects.get(path);
    if (!obj) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    if (url.searchParams.has('tagging')) {
      const tags = Object.entries(obj.tags).map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`).join('');
      return void res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?><Tagging><TagSet>${tags}</TagSet></Tagging>`);
    }
    // The bucket policy on AWS: a link (presigned GET) opens only a file scanned clean; the
    // submission's own check reads first bytes with the SDK (an inspector role there).
    if (amzDate && obj.tags.GuardDutyMalwareScanStatus !== 'NO_THREATS_FOUND') return xmlError(res, 403, 'AccessDenied', 'Access Denied');
    const range = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
    const body = range ? obj.body.subarray(Number(range[1]), Number(range[2]) + 1) : obj.body;
    res.writeHead(range ? 206 : 200, {
      'content-type': obj.contentType,
      'content-length': String(body.length),
      ...(range ? { 'content-range': `bytes ${range[1]}-${Number(range[1]) + body.length - 1}/${obj.body.length}` } : {}), 'last-modified': new Date().toUTCString(), etag: '"local"' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    // Node would stamp real time; the SDK corrects its clock by this header, and must keep the virtual one.
    res.setHeader('date', new Date().toUTCString());
    // The pages POST files here from the API's origin (a bucket CORS rule on AWS): any origin may
    // send, as the presigned policy, not the origin, is what lets a file in.
    res.setHeader('access-control-allow-origin', '*');
    const url = new URL(req.url ?? '/', 'http://local');
    const path = decodeURIComponent(url.pathname.replace(/^\//, ''));
    const run = async () => {
      if (req.method === 'OPTIONS') return void res.writeHead(204, { 'access-control-allow-methods': 'GET, HEAD, POST', 'access-control-allow-headers': '*', 'access-control-max-age': '600' }).end();
      if (req.method === 'POST' && path && !path.includes('/')) return post(req, res, path);
      if ((req.method === 'GET' || req.method === 'HEAD') && path.includes('/')) return get(req, res, path, url);
      xmlError(res, 405, 'MethodNotAllowed', 'Not served by the local S3');
    };
    run().catch((err: Error) => xmlError(res, 400, 'MalformedPOSTRequest', err.message));
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, host, ok));
  const endpoint = `http://${host}:${(server.address() as AddressInfo).port}`;
  process.env.AWS_ENDPOINT_URL_S3 = endpoint;
  process.env.S3_FORCE_PATH_STYLE = 'true';
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
