import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mail, Mailer } from '../../domain/cases/ports.ts';
import { config } from '../../shared/config.ts';

let defaultClient: SESv2Client | undefined;

/**
 * Plain-text mail through SES v2. The endpoint comes from the SDK's own configuration
 * (AWS_ENDPOINT_URL_SESV2 points it at the local SES stand-in outside AWS).
 */
export class SesMailer implements Mailer {
  constructor(private readonly opts: { client?: SESv2Client; from?: string } = {}) {}

  async send(mail: Mail): Promise<void> {
    if (mail.to.length === 0) throw new Error('A mail needs at least one recipient');
    const client = this.opts.client ?? (defaultClient ??= new SESv2Client({}));
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: this.opts.from ?? config.mailFrom,
        Destination: { ToAddresses: mail.to },
        Content: {
          Simple: {
            // Chinese text: say UTF-8 explicitly rather than rely on SES's default.
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  }
}
