import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Mail, Mailer } from '../../domain/cases/ports.ts';
import { config } from '../../shared/config.ts';

/**
 * The agency's SMTP relay's address and credentials, as the Secrets Manager secret holds them
 * (SMTP_SECRET_ID; deployment profile China, where SES is not offered). JSON:
 * `{"host":"smtp.example.gov.cn","port":465,"secure":true,"username":"...","password":"..."}`;
 * `secure` defaults to true on port 465 and to STARTTLS (required) on any other port.
 */
export interface SmtpSettings {
  host: string;
  port: number;
  secure?: boolean;
  username?: string;
  password?: string;
}

export function parseSmtpSecret(text: string): SmtpSettings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('SMTP secret is not JSON');
  }
  const v = value as Partial<Record<keyof SmtpSettings, unknown>>;
  const port = Number(v.port ?? 465);
  if (typeof v.host !== 'string' || !v.host || !Number.isInteger(port) || port <= 0) {
    // Never echo the secret: it holds the password.
    throw new Error('SMTP secret needs "host" (string) and "port" (number)');
  }
  return {
    host: v.host,
    port,
    ...(typeof v.secure === 'boolean' ? { secure: v.secure } : {}),
    ...(typeof v.username === 'string' ? { username: v.username } : {}),
    ...(typeof v.password === 'string' ? { password: v.password } : {}),
  };
}

let secrets: SecretsManagerClient | undefined;

async function settingsFromSecret(secretId: string): Promise<SmtpSettings> {
  secrets ??= new SecretsManagerClient({});
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!SecretString) throw new Error('SMTP secret has no string value');
  return parseSmtpSecret(SecretString);
}

export function transportFor(s: SmtpSettings): Transporter {
  const secure = s.secure ?? s.port === 465;
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure,
    // Plain-text SMTP is never acceptable for notices that name complaints: STARTTLS or TLS.
    requireTLS: !secure,
    tls: { minVersion: 'TLSv1.2' },
    ...(s.username ? { auth: { user: s.username, pass: s.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/**
 * Plain-text UTF-8 mail through SMTP (nodemailer), behind the same Mailer port as SesMailer.
 * The transport is built once per container from the secret; a failed send drops it so the next
 * attempt reads the secret again (rotated credentials).
 */
export class SmtpMailer implements Mailer {
  private transport: Promise<Transporter> | undefined;

  constructor(
    private readonly opts: {
      from?: string;
      /** A ready transport (tests), else one built from the secret. */
      transport?: Transporter;
      secretId?: string;
    } = {},
  ) {}

  async send(mail: Mail): Promise<void> {
    if (mail.to.length === 0) throw new Error('A mail needs at least one recipient');
    const transport = await (this.transport ??= this.connect());
    try {
      await transport.sendMail({
        from: this.opts.from ?? config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        textEncoding: 'base64',
      });
    } catch (error) {
      if (!this.opts.transport) this.transport = undefined;
      throw error;
    }
  }

  private async connect(): Promise<Transporter> {
    if (this.opts.transport) return this.opts.transport;
    const secretId = this.opts.secretId ?? process.env.SMTP_SECRET_ID;
    if (!secretId) throw new Error('MAIL_TRANSPORT=smtp needs SMTP_SECRET_ID (the Secrets Manager secret with host, port and credentials)');
    try {
      return transportFor(await settingsFromSecret(secretId));
    } catch (error) {
      this.transport = undefined;
      throw error;
    }
  }
}
