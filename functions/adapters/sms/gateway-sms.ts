import type { Sms, TextMessage } from '../../domain/cases/ports.ts';
import { config } from '../../shared/config.ts';
import { e164 } from './phone.ts';

/** The gateway refused or failed. Never carries the number or the text. */
export class SmsGatewayError extends Error {
  override readonly name = 'SmsGatewayError';
}

/**
 * China profile: the agency's SMS gateway over HTTPS (SMS_GATEWAY_URL): POST JSON
 * `{"to": "+86...", "text": "..."}`, optionally with `Authorization: Bearer <SMS_GATEWAY_TOKEN>`;
 * any 2xx is success.
 */
export class GatewaySms implements Sms {
  readonly enabled = true;
  constructor(private readonly opts: { url?: string; token?: string; fetch?: typeof fetch } = {}) {}

  async send(message: TextMessage): Promise<void> {
    await postToSmsGateway(this.opts.url ?? config.smsGatewayUrl, this.opts.token ?? config.smsGatewayToken, message, this.opts.fetch ?? fetch);
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
