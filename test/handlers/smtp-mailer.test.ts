/** The SMTP Mailer (China profile) and the MAIL_TRANSPORT factory. */
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { mailerFromEnv } from '../../functions/adapters/mail.ts';
import { SesMailer } from '../../functions/adapters/ses/mailer.ts';
import { parseSmtpSecret, SmtpMailer } from '../../functions/adapters/smtp/mailer.ts';

describe('SmtpMailer', () => {
  it('sends plain UTF-8 text to every recipient from MAIL_FROM', async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const sent: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (message: Parameters<typeof original>[0]) => {
      const info = (await original(message)) as unknown as { message: Buffer };
      sent.push(info.message.toString('utf8'));
      return info;
    }) as typeof transport.sendMail;
    const mailer = new SmtpMailer({ transport, from: 'noreply@example.gov.cn' });
    await mailer.send({ to: ['a@example.gov.cn', 'b@example.gov.cn'], subject: '投诉已受理', text: '您的投诉已受理。' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^From: noreply@example.gov.cn/m);
    expect(sent[0]).toMatch(/^To: a@example.gov.cn, b@example.gov.cn/m);
    expect(sent[0]).toContain('charset=utf-8');
    expect(Buffer.from(sent[0]!.split('\r\n\r\n')[1]!.replace(/\s/g, ''), 'base64').toString('utf8')).toBe('您的投诉已受理。');
  });

  it('refuses a mail without recipients, and a missing secret id', async () => {
    await expect(new SmtpMailer({ transport: nodemailer.createTransport({ jsonTransport: true }) }).send({ to: [], subject: 's', text: 't' })).rejects.toThrow(/recipient/);
    const previous = process.env.SMTP_SECRET_ID;
    delete process.env.SMTP_SECRET_ID;
    await expect(new SmtpMailer().send({ to: ['a@example.gov.cn'], subject: 's', text: 't' })).rejects.toThrow(/SMTP_SECRET_ID/);
    if (previous !== undefined) process.env.SMTP_SECRET_ID = previous;
  });

  it('reads host, port and credentials from the secret, never echoing it', () => {
    expect(parseSmtpSecret('{"host":"smtp.example.gov.cn","port":587,"username":"u","password":"p"}')).toEqual({
      host: 'smtp.example.gov.cn',
      port: 587,
      username: 'u',
      password: 'p',
    });
    expect(() => parseSmtpSecret('{"password":"hunter2"}')).toThrow(/host/);
    expect(() => parseSmtpSecret('{"password":"hunter2"}')).not.toThrow(/hunter2/);
  });
});

describe('mailerFromEnv', () => {
  it('picks SES by default and SMTP on MAIL_TRANSPORT=smtp; anything else fails', () => {
    expect(mailerFromEnv({})).toBeInstanceOf(SesMailer);
    expect(mailerFromEnv({ MAIL_TRANSPORT: 'ses' })).toBeInstanceOf(SesMailer);
    expect(mailerFromEnv({ MAIL_TRANSPORT: 'smtp' })).toBeInstanceOf(SmtpMailer);
    expect(() => mailerFromEnv({ MAIL_TRANSPORT: 'sns' })).toThrow(/ses or smtp/);
  });
});
