import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SesMailer } from '../../functions/adapters/ses/mailer.ts';

const ses = mockClient(SESv2Client);
const env = { ...process.env };

beforeEach(() => {
  ses.reset();
  process.env.MAIL_FROM = 'xinfang@example.gov.cn';
});
afterEach(() => {
  process.env = { ...env };
});

describe('SesMailer', () => {
  it('sends plain UTF-8 text from MAIL_FROM', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    await new SesMailer().send({ to: ['a@example.net', 'b@example.net'], subject: '投诉受理回执（编号 TS1）', text: '您好：\n\n已收到。\n' });
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      FromEmailAddress: 'xinfang@example.gov.cn',
      Destination: { ToAddresses: ['a@example.net', 'b@example.net'] },
      Content: {
        Simple: {
          Subject: { Data: '投诉受理回执（编号 TS1）', Charset: 'UTF-8' },
          Body: { Text: { Data: '您好：\n\n已收到。\n', Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('lets a failed send throw so the task is retried', async () => {
    ses.on(SendEmailCommand).rejects(new Error('Throttling'));
    await expect(new SesMailer().send({ to: ['a@example.net'], subject: 's', text: 't' })).rejects.toThrow('Throttling');
  });

  it('refuses a mail without recipients', async () => {
    await expect(new SesMailer().send({ to: [], subject: 's', text: 't' })).rejects.toThrow(/recipient/);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });
});
