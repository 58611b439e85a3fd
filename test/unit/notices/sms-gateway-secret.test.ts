import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { GatewaySms, secretToken } from '../../../functions/adapters/sms/gateway-sms.ts';

/** China profile: the gateway's bearer token is read from Secrets Manager, never the environment. */
describe('SMS gateway token from Secrets Manager', () => {
  const sm = mockClient(SecretsManagerClient);

  it('reads the secret once, sends it as the bearer token, and reads it again after a refusal (rotation)', async () => {
    sm.reset();
    let value = 'tok-1';
    sm.on(GetSecretValueCommand, { SecretId: 'disclosure/sms-gateway' }).callsFake(async () => ({ SecretString: value }));
    const seen: (string | undefined)[] = [];
    let status = 200;
    const fake = (async (_url: string, init: RequestInit) => {
      seen.push((init.headers as Record<string, string>).authorization);
      return new Response('{}', { status });
    }) as unknown as typeof fetch;
    const sms = new GatewaySms({ url: 'https://sms.example.gov.cn/send', token: secretToken('disclosure/sms-gateway', new SecretsManagerClient({})), fetch: fake });
    await sms.send({ to: '13955550123', text: 'a' });
    await sms.send({ to: '13955550123', text: 'b' });
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    value = 'tok-2';
    status = 401;
    await expect(sms.send({ to: '13955550123', text: 'c' })).rejects.toThrow(/^SMS gateway answered 401$/);
    status = 200;
    await sms.send({ to: '13955550123', text: 'd' });
    expect(seen).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('without a secret the gateway is called without a token; an empty secret is an error that names no value', async () => {
    const headers: Record<string, string>[] = [];
    const fake = (async (_url: string, init: RequestInit) => (headers.push(init.headers as Record<string, string>), new Response('{}'))) as unknown as typeof fetch;
    await new GatewaySms({ url: 'https://sms.example.gov.cn/send', token: secretToken(undefined), fetch: fake }).send({ to: '13955550123', text: 'x' });
    expect(headers[0]).not.toHaveProperty('authorization');
    sm.reset();
    sm.on(GetSecretValueCommand).resolves({ SecretString: '  ' });
    await expect(secretToken('s', new SecretsManagerClient({}))()).rejects.toThrow(/no string value/);
  });
});
