import { describe, expect, it } from 'vitest';
import { e164 } from '../../../functions/adapters/sms/phone.ts';
import { postToSmsGateway } from '../../../functions/adapters/sms/gateway-sms.ts';
import { smsFromEnv } from '../../../functions/adapters/sms.ts';
import { deliverPendingNotices } from '../../../functions/notices/deliver.ts';
import { renderNotice, smsText } from '../../../functions/notices/render.ts';
import type { Mail, ReporterIdentity, StoredNotice, TextMessage } from '../../../functions/domain/index.ts';
import { allDomainNotices } from './domain-notices.ts';

describe('SMS', () => {
  it('normalises mainland and international numbers to E.164 and refuses the rest without echoing them', () => {
    expect(e164('139 5555 0123')).toBe('+8613955550123');
    expect(e164('+44 20 7946 0000')).toBe('+442079460000');
    expect(e164('0085291234567')).toBe('+85291234567');
    expect(() => e164('12345')).toThrow(/not in a form/);
    expect(() => e164('12345')).not.toThrow(/12345/);
  });

  it('every citizen notice as SMS: short, tracking number, tracking page, never the access code or the body', () => {
    for (const n of allDomainNotices().filter((x) => x.to.kind === 'reporter')) {
      const { subject, text } = renderNotice(n.template, n.vars, 'https://xf.example.gov.cn');
      const sms = smsText(subject, 'https://xf.example.gov.cn');
      expect(sms).toContain(n.vars.trackingNo);
      expect(sms).toContain('https://xf.example.gov.cn/track');
      expect(sms.length, n.template).toBeLessThanOrEqual(120);
      expect(text.length).toBeGreaterThan(sms.length);
    }
  });

  it('chooses the transport from SMS_TRANSPORT, off by default', () => {
    expect(smsFromEnv({}).enabled).toBe(false);
    expect(smsFromEnv({ SMS_TRANSPORT: 'aws' }).enabled).toBe(true);
    expect(smsFromEnv({ SMS_TRANSPORT: 'gateway' }).enabled).toBe(true);
    expect(() => smsFromEnv({ SMS_TRANSPORT: 'sns' })).toThrow(/SMS_TRANSPORT/);
  });

  it('the gateway gets JSON with a bearer token; a refusal names the status only', async () => {
    const calls: [string, RequestInit][] = [];
    const ok = (async (url: string, init: RequestInit) => (calls.push([url, init]), new Response('{}', { status: 200 }))) as unknown as typeof fetch;
    await postToSmsGateway('https://sms.example.gov.cn/send', 't0k', { to: '13955550123', text: '你好' }, ok);
    expect(JSON.parse(String(calls[0]![1].body))).toEqual({ to: '+8613955550123', text: '你好' });
    expect((calls[0]![1].headers as Record<string, string>).authorization).toBe('Bearer t0k');
    const refused = (async () => new Response('', { status: 503 })) as unknown as typeof fetch;
    await expect(postToSmsGateway('https://sms.example.gov.cn/send', undefined, { to: '13955550123', text: 'x' }, refused)).rejects.toThrow(/^SMS gateway answered 503$/);
  });

  describe('the notice sender', () => {
    const notice: StoredNotice = { noticeId: 'n1', template: 'receipt', to: { kind: 'reporter' }, vars: allDomainNotices()[0]!.vars, caseId: 'c1', status: 'pending', createdAt: '', attempts: 0 };
    const run = async (identity: ReporterIdentity, smsOn: boolean) => {
      const mails: Mail[] = [];
      const texts: TextMessage[] = [];
      const asked: string[][] = [];
      const marks: string[] = [];
      await deliverPendingNotices('c1', {
        repo: {
          get: async () => ({ reporterRef: 'ref' }) as never,
          pendingNotices: async () => [notice],
          claimNotice: async () => true,
          markNotice: async (_c, _n, status) => void marks.push(status),
        },
        vault: { put: async () => 'ref', get: async (_ref, fields) => (asked.push(fields as string[]), Object.fromEntries(fields.map((f) => [f, identity[f]]))) as never },
        mailer: { send: async (m) => void mails.push(m) },
        sms: { enabled: smsOn, send: async (m) => void texts.push(m) },
        units: [],
        supervisorEmails: [],
        publicBaseUrl: 'https://xf.example.gov.cn',
      });
      return { mails, texts, asked, marks };
    };

    it('texts a phone-only citizen, reading only e-mail and phone', async () => {
      const r = await run({ phone: '13955550123', name: '张三' }, true);
      expect(r.mails).toEqual([]);
      expect(r.texts).toHaveLength(1);
      expect(r.texts[0]!.to).toBe('13955550123');
      expect(r.texts[0]!.text).not.toContain('张三');
      expect(r.asked).toEqual([['email', 'phone']]);
      expect(r.marks).toEqual(['sent']);
    });

    it('prefers e-mail; with SMS off it neither reads the phone nor texts', async () => {
      expect((await run({ phone: '13955550123', email: 'a@example.cn' }, true)).mails[0]!.to).toEqual(['a@example.cn']);
      const off = await run({ phone: '13955550123' }, false);
      expect(off.asked).toEqual([['email']]);
      expect(off.texts).toEqual([]);
      expect(off.marks).toEqual(['skipped']);
    });
  });
});
