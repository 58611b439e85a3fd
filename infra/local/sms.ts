/**
 * SMS for the local runtime: a stand-in for AWS End User Messaging SMS (pinpoint-sms-voice-v2,
 * AWS JSON 1.0: `SendTextMessage` only), reached by the real SDK client through
 * AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2. It also takes the China gateway's form (POST /gateway
 * `{"to","text"}`), so SMS_TRANSPORT=gateway can be tried locally. Messages live in memory.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalSmsMessage {
  to: string;
  text: string;
  at: string;
}

export interface LocalSms {
  endpoint: string;
  gatewayUrl: string;
  listSms(): LocalSmsMessage[];
  stop(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export async function startLocalSms(host = '127.0.0.1'): Promise<LocalSms> {
  const messages: LocalSmsMessage[] = [];
  const server = createServer((req, res) => {
    const reply = (status: number, payload: unknown, type = 'application/x-amz-json-1.0') => {
      res.writeHead(status, { 'content-type': type }).end(JSON.stringify(payload));
    };
    void body(req)
      .then((input) => {
        const target = String(req.headers['x-amz-target'] ?? '');
        if (req.method === 'POST' && target === 'PinpointSMSVoiceV2.SendTextMessage') {
          const to = input.DestinationPhoneNumber;
          const text = input.MessageBody;
          if (typeof to !== 'string' || !/^\+\d{6,15}$/.test(to) || typeof text !== 'string' || text === '') {
            return reply(400, { __type: 'ValidationException', message: 'DestinationPhoneNumber (E.164) and MessageBody are required' });
          }
          messages.push({ to, text, at: new Date().toISOString() });
          return reply(200, { MessageId: randomUUID() });
        }
        if (req.method === 'POST' && req.url === '/gateway') {
          if (typeof input.to !== 'string' || typeof input.text !== 'string') return reply(400, { error: 'to and text required' }, 'application/json');
          messages.push({ to: input.to, text: input.text, at: new Date().toISOString() });
          return reply(200, { ok: true }, 'application/json');
        }
        reply(400, { __type: 'UnknownOperationException', message: `Not served locally: ${target || req.url}` });
      })
      .catch(() => reply(400, { __type: 'SerializationException', message: 'Body must be JSON' }));
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, host, ok));
  const endpoint = `http://${host}:${(server.address() as AddressInfo).port}`;
  // The SDK derives the variable from the client's service id, "Pinpoint SMS Voice V2".
  process.env.AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 = endpoint;
  return {
    endpoint,
    gatewayUrl: `${endpoint}/gateway`,
    listSms: () => messages.map((m) => ({ ...m })),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
