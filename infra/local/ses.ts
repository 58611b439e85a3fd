/**
 * SES for the local runtime: aws-ses-v2-local in this process, reached by the real SES clients
 * through AWS_ENDPOINT_URL_SES / AWS_ENDPOINT_URL_SESV2. It keeps mail in memory only: what a
 * developer or a test needs to see is what the last run sent.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import * as sesLocal from 'aws-ses-v2-local';

export interface LocalEmail {
  to: string;
  cc?: string;
  bcc?: string;
  from: string;
  subject: string;
  text: string;
  at: string;
}

export interface LocalSes {
  endpoint: string;
  viewerUrl: string;
  listEmails(): Promise<LocalEmail[]>;
  stop(): Promise<void>;
}

interface StoredEmail {
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

type StartSes = (config: { host: string; port: number }) => Promise<Server>;

// A CommonJS module with an ES-style default: under Node's ESM loader the default import is
// module.exports itself, under bundlers it is the function.
const mod = sesLocal as unknown as { default: StartSes | { default: StartSes } };
const startSesServer: StartSes = typeof mod.default === 'function' ? mod.default : mod.default.default;

const joined = (addresses: string[]) => (addresses.length > 0 ? addresses.join(', ') : undefined);

export async function startLocalSes(host = '127.0.0.1'): Promise<LocalSes> {
  const server = await startSesServer({ host, port: 0 });
  const address = server.address() as AddressInfo | null;
  if (!address) throw new Error('aws-ses-v2-local did not start listening');
  const endpoint = `http://${host}:${address.port}`;
  // The SDK derives the variable from each client's service id: "SES" and "SESv2".
  process.env.AWS_ENDPOINT_URL_SES = endpoint;
  process.env.AWS_ENDPOINT_URL_SESV2 = endpoint;
  return {
    endpoint,
    viewerUrl: `${endpoint}/`,
    async listEmails() {
      const response = await fetch(`${endpoint}/store`);
      if (!response.ok) throw new Error(`SES local store answered ${response.status}`);
      const { emails } = (await response.json()) as { emails: StoredEmail[] };
      return emails.map((e) => ({
        to: joined(e.destination.to) ?? '',
        ...(joined(e.destination.cc) ? { cc: joined(e.destination.cc) } : {}),
        ...(joined(e.destination.bcc) ? { bcc: joined(e.destination.bcc) } : {}),
        from: e.from,
        subject: e.subject,
        text: e.body.text ?? '',
        // The store keeps epoch seconds taken from Date.now(), i.e. virtual time under VIRTUAL_CLOCK.
        at: new Date(e.at * 1000).toISOString(),
      }));
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
