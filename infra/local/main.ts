/**
 * `npm start`: the whole system on one machine. Handlers run unchanged against DynamoDB Local,
 * a local SES, a local KMS, a local JWT issuer and (when infra/local/stepfunctions exists) local Step
 * Functions, all reached through the same environment variables the CDK stack sets on AWS.
 */
// First import: under VIRTUAL_CLOCK, Date must be virtual before any other module reads it.
import { clock, type Clock } from './clock.ts';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tables } from '../tables.ts';
import { ensureTables, startDynamoDbLocal, tableName } from './dynamodb.ts';
import type { LocalServices } from './local-controls.ts';
import { WEB_ROOT } from './static.ts';

interface StepFunctionsModule {
  startLocalStepFunctions(opts: { clock: Clock }): Promise<{ endpoint: string; stop(): Promise<void> }>;
}

const DEFAULT_UNITS = [
  { code: 'office', name: '办公室', nameEn: 'General Office', email: 'office@example.gov.cn' },
  { code: 'policy', name: '政策法规科', nameEn: 'Policy and Regulations Section', email: 'policy@example.gov.cn' },
  { code: 'finance', name: '财务科', nameEn: 'Finance Section', email: 'finance@example.gov.cn' },
];

const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const stops: (() => Promise<void>)[] = [];
let closeServer: () => Promise<void> = async () => {};
const lines: string[] = [];
const row = (label: string, text: string) => lines.push(`  ${`${label}:`.padEnd(17)}${text}`);

/** The local runtime must never reach a real AWS account, whatever the developer's shell holds. */
function isolateFromAws(): void {
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.AWS_REGION ??= 'cn-north-1';
  // A service with no local stand-in fails fast (connection refused) instead of going to AWS.
  process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:9';
}

function configureFunctions(baseUrl: string): void {
  process.env.MAIL_FROM ??= 'noreply@disclosure.example.gov.cn';
  process.env.SUPERVISOR_EMAILS ??= 'supervisor@office.example.gov.cn';
  process.env.UNITS_JSON ??= JSON.stringify(DEFAULT_UNITS);
  // The vault encrypts through the KMS stand-in (kms.ts), the same keyring as on AWS.
  delete process.env.VAULT_KEY_FILE;
  process.env.PUBLIC_BASE_URL ??= baseUrl;
  process.env.POWERTOOLS_SERVICE_NAME ??= 'disclosure-intake';
  // Idempotency must run locally exactly as on AWS.
  delete process.env.POWERTOOLS_IDEMPOTENCY_DISABLED;
}

async function startStepFunctions(): Promise<void> {
  const entry = new URL('./stepfunctions/index.ts', import.meta.url);
  if (!existsSync(fileURLToPath(entry))) {
    row('Step Functions', 'not started (infra/local/stepfunctions/index.ts not there yet)');
    return;
  }
  const sfn = (await import(entry.href)) as StepFunctionsModule;
  const { endpoint, stop } = await sfn.startLocalStepFunctions({ clock });
  stops.push(stop);
  row('Step Functions', endpoint);
  await resumeWorkflows();
}

/** Executions live in the engine's memory: after a restart, open cases need theirs back. */
async function resumeWorkflows(): Promise<void> {
  const entry = new URL('./resume-workflows.ts', import.meta.url);
  if (!existsSync(fileURLToPath(entry))) return;
  const { resumeOpenWorkflows } = (await import(entry.href)) as { resumeOpenWorkflows(): Promise<number> };
  row('Workflows', `${await resumeOpenWorkflows()} open case(s) resumed`);
}

/**
 * Under a virtual clock (tests), DynamoDB, SES and KMS are reached through fault-injection proxies
 * (faults.ts, armed via /__local/faults); the rows above keep the stand-ins' own endpoints.
 */
async function proxyForFaults(): Promise<void> {
  const { startFaultProxy, dynamoTarget, sesTarget, kmsTarget } = await import('./faults.ts');
  const dynamo = await startFaultProxy(process.env.AWS_ENDPOINT_URL_DYNAMODB!, dynamoTarget);
  const ses = await startFaultProxy(process.env.AWS_ENDPOINT_URL_SES!, sesTarget);
  const kms = await startFaultProxy(process.env.AWS_ENDPOINT_URL_KMS!, kmsTarget);
  stops.push(dynamo.stop, ses.stop, kms.stop);
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint;
  process.env.AWS_ENDPOINT_URL_KMS = kms.endpoint;
  process.env.AWS_ENDPOINT_URL_SES = ses.endpoint;
  process.env.AWS_ENDPOINT_URL_SESV2 = ses.endpoint;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, host, ok));
  return (server.address() as AddressInfo).port;
}

async function main(): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  isolateFromAws();
  const dynamoDir = join(dataDir, 'dynamodb');
  // The JVM is the slowest part to start: boot it first and load the rest of the runtime meanwhile.
  const dynamoStarting = startDynamoDbLocal(dynamoDir).then((d) => (stops.push(d.stop), d));
  const [{ createLocalServer }, { createLocalIssuer, TOKEN_LIFETIME_S }, { startLocalSes }, { startLocalSms }, { startLocalS3 }, { startLocalKms }] = await Promise.all([
    import('./http-adapter.ts'),
    import('./local-auth.ts'),
    import('./ses.ts'),
    import('./sms.ts'),
    import('./s3.ts'),
    import('./kms.ts'),
    dynamoStarting.catch(() => undefined), // failure reported where it is awaited below
  ]);

  let servicesReady!: (services: LocalServices) => void;
  const server = createLocalServer(new Promise((ok) => (servicesReady = ok)));
  const actualPort = await listen(server);
  closeServer = () =>
    new Promise((ok) => {
      server.close(() => ok());
      server.closeIdleConnections();
      // Requests still running after a grace period are cut off rather than holding up shutdown.
      setTimeout(() => server.closeAllConnections(), 2000).unref();
    });
  const urlHost = ['0.0.0.0', '::', 'localhost'].includes(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const baseUrl = `http://${urlHost}:${actualPort}`;

  const [dynamo, ses, sms, s3, kms, issuer] = await Promise.all([
    dynamoStarting,
    startLocalSes().then((s) => (stops.push(s.stop), s)),
    startLocalSms().then((s) => (stops.push(s.stop), s)),
    startLocalS3().then((s) => (stops.push(s.stop), s)),
    startLocalKms(dataDir).then((k) => (stops.push(k.stop), k)),
    createLocalIssuer(dataDir, baseUrl),
  ]);
  // Under a virtual clock, no TTL: DynamoDB Local would expire items by real time.
  await ensureTables(dynamo.endpoint, tables, { ttl: !clock.virtual });
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint;
  if (clock.virtual) await proxyForFaults();
  for (const def of tables) process.env[def.envVar] = tableName(def);
  process.env.JWT_ISSUER = issuer.issuer;
  process.env.JWT_AUDIENCE = issuer.audience;
  process.env.JWT_JWKS_URL = issuer.jwksUrl;
  // The same bound on token lifetime as on AWS, at the local issuer's own (long) lifetime.
  process.env.JWT_MAX_LIFETIME_SECONDS = String(TOKEN_LIFETIME_S);
  configureFunctions(baseUrl);
  process.env.VAULT_KMS_KEY_ARN = kms.keyArn;
  // SMS through the End User Messaging stand-in (SMS_TRANSPORT=gateway|off still work).
  process.env.SMS_TRANSPORT ??= 'aws';
  process.env.SMS_GATEWAY_URL ??= sms.gatewayUrl;
  process.env.ATTACHMENTS_BUCKET ??= 'disclosure-attachments-local';
  // The S3 stand-in tags each upload as GuardDuty would (infra/local/s3.ts), so files open the same way.
  process.env.ATTACHMENT_SCAN ??= 'guardduty';

  row('API + web', `${baseUrl}  (${existsSync(WEB_ROOT) ? 'web/dist' : 'web/dist not built'})`);
  row('DynamoDB Local', `${dynamo.endpoint}  data ${dynamoDir}`);
  row('SES local', `${ses.endpoint}  viewer ${ses.viewerUrl}`);
  row('S3 local', `${s3.endpoint}  (attachments, bucket ${process.env.ATTACHMENTS_BUCKET})`);
  row('KMS local', `${kms.endpoint}  key ${kms.keyArn}  (reporter vault; key material in ${join(dataDir, 'kms-key.bin')})`);
  row('SMS local', `${sms.endpoint}  (${process.env.SMS_TRANSPORT}; /__local/sms lists messages)`);
  await startStepFunctions();
  const { startLocalJobs, scheduleText } = await import('./jobs.ts');
  const stopJobs = startLocalJobs(clock, new URL('../../functions/', import.meta.url), (line) => console.error(line));
  stops.push(async () => stopJobs());
  row('Scheduled jobs', scheduleText());
  row('JWT issuer', `${issuer.issuer}  JWKS ${issuer.jwksUrl}`);
  row('Virtual clock', clock.virtual ? `on, now ${new Date().toISOString()}` : 'off (real time)');
  row('Data dir', dataDir);

  servicesReady({ clock, issuer, listEmails: () => ses.listEmails(), listSms: () => sms.listSms() });
  // performance.now() counts from process start (tsx loading included) and ignores the virtual clock.
  row('Started in', `${(performance.now() / 1000).toFixed(1)} s`);
  console.log(['Local runtime', ...lines].join('\n'));
  console.log(`Ready on ${baseUrl}`);
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) process.exit(code);
  stopping = true;
  // No new requests first, then components in reverse start order, so none is left calling a stopped one.
  for (const stop of [closeServer, ...stops.reverse()]) await stop().catch((err: Error) => console.error(`Stop failed: ${err.message}`));
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((err: Error) => {
  console.error(`Local runtime failed to start: ${err.message}`);
  void shutdown(1);
});
