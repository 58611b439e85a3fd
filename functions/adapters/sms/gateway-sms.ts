import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Sms, TextMessage } from '../../domain/cases/ports.ts';
import { config } from '../../shared/config.ts';
import { e164 } from './phone.ts';

/** The gateway refused or failed. Never carries the number, the text or the token. */
export class SmsGatewayError extends Error {
  override readonly name = 'SmsGatewayError';
}

/** Reads the gateway's bearer token from a Secrets Manager secret (its whole string value). */
export type TokenSource = () => Promise<string | undefined>;

let secrets: SecretsManagerClient | undefined;

/**
 * The token from the secret SMS_GATEWAY_SECRET_ID (China profile), read once per container and
 * again after a refused send (a rotated token). No secret: the gateway is called without one.
 */
export function secretToken(secretId = config.smsGatewaySecretId, client?: SecretsManagerClient): TokenSource & { forget(): void } {
  let cached: Promise<string | undefined> | undefined;
  const read = async () => {
    if (!secretId) return undefined;
    const sm = client ?? (secrets ??= new SecretsManagerClient({}));
    const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: secretId }));
    const token = SecretString?.trim();
    if (!token) throw new SmsGatewayError('SMS gateway secret has no string value');
    return token;
  };
  const source = () => (cached ??= read().catch((err: unknown) => { cached = undefined; throw err; }));
  return Object.assign(source, { forget: () => void (cached = undefined) });
}

/**
 * China profile: the agency's SMS gateway over HTTPS (SMS_GATEWAY_URL): POST JSON
 * `{"to": "+86...", "text": "..."}`, with `Authorization: Bearer <token>` when the secret
 * SMS_GATEWAY_SECRET_ID holds one; any 2xx is success.
 */
export class GatewaySms implements Sms {
  readonly enabled = true;
  private readonly token: TokenSource & { forget?: () => void };
  constructor(private readonly opts: { url?: string; token?: TokenSource; fetch?: typeof fetch } = {}) {
    this.token = opts.token ?? secretToken();
  }

  async send(message: TextMessage): Promise<void> {
    try {
      await postToSmsGateway(this.opts.url ?? config.smsGatewayUrl, await this.token(), message, this.opts.fetch ?? fetch);
    } catch (err) {
      // A refused token may have been rotated: read the secret again next time.
      this.token.forget?.();
      throw err;
    }
  }
}

export async function postToSmsGateway(url: string | undefined, token: string | undefined, message: TextMessage, doFetch: typeof fetch): Promise<void> {
  if (!url) throw new SmsGatewayError('SMS_GATEWAY_URL is not set');
  const response = await doFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ to: e164(message.to), text: message.text }),
    signal: AbortSignal.timeout(8000),
  });
  if (!response.ok) throw new SmsGatewayError(`SMS gateway answered ${response.status}`);
}
