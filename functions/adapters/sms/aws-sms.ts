import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { Sms, TextMessage } from '../../domain/cases/ports.ts';
import { config } from '../../shared/config.ts';
import { e164 } from './phone.ts';

let defaultClient: PinpointSMSVoiceV2Client | undefined;

/**
 * SMS through AWS End User Messaging SMS (pinpoint-sms-voice-v2), global profile. The endpoint
 * comes from the SDK's configuration (AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 points it at the
 * local stand-in outside AWS). Transactional: notices, never marketing.
 */
export class AwsSms implements Sms {
  readonly enabled = true;
  constructor(private readonly opts: { client?: PinpointSMSVoiceV2Client; originationIdentity?: string } = {}) {}

  async send(message: TextMessage): Promise<void> {
    const client = this.opts.client ?? (defaultClient ??= new PinpointSMSVoiceV2Client({}));
    const origin = this.opts.originationIdentity ?? config.smsOriginationIdentity;
    await client.send(
      new SendTextMessageCommand({
        DestinationPhoneNumber: e164(message.to),
        MessageBody: message.text,
        MessageType: 'TRANSACTIONAL',
        ...(origin ? { OriginationIdentity: origin } : {}),
      }),
    );
  }
}
