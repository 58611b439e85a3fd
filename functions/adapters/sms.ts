import type { Sms } from '../domain/cases/ports.ts';
import { AwsSms } from './sms/aws-sms.ts';
import { GatewaySms } from './sms/gateway-sms.ts';

/** No SMS in this deployment: phone-only citizens get no notices (the form says so). */
export const smsOff: Sms = {
  enabled: false,
  send: () => Promise.reject(new Error('SMS is off in this deployment')),
};

/**
 * The Sms port of this deployment, chosen by SMS_TRANSPORT: `aws` (AWS End User Messaging SMS:
 * global profile, and the local stand-in), `gateway` (China profile: the agency's gateway at
 * SMS_GATEWAY_URL) or `off` (default). Anything else is a deployment mistake and fails at start.
 */
export function smsFromEnv(env: Record<string, string | undefined> = process.env): Sms {
  const transport = env.SMS_TRANSPORT ?? 'off';
  if (transport === 'aws') return new AwsSms();
  if (transport === 'gateway') return new GatewaySms();
  if (transport === 'off') return smsOff;
  throw new Error(`SMS_TRANSPORT must be aws, gateway or off, not ${transport}`);
}
