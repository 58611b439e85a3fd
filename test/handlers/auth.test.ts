import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../functions/shared/auth.ts';
import { startIssuer } from './support.ts';

let issuer: Awaited<ReturnType<typeof startIssuer>>;
beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(() => issuer.stop());
afterEach(() => {
  delete process.env.JWT_GROUPS_CLAIM;
  delete process.env.JWT_UNIT_CLAIM;
});

const staff = { sub: 'u1', name: '王办理', groups: ['handler'], unit: 'office' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('staff sign-in', () => {
  it('reads Cognito ID tokens and refuses other Cognito tokens', async () => {
    expect(await authenticate(bearer(await issuer.token(staff)))).toMatchObject({ sub: 'u1', groups: ['handler'], unit: 'office' });
    const access = await issuer.token(staff, { 'cognito:groups': ['handler'], 'custom:unit': 'office', token_use: 'access' });
    await expect(authenticate(bearer(access))).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it("reads the agency OIDC provider's own claim names (China profile), groups as a list or a string", async () => {
    process.env.JWT_GROUPS_CLAIM = 'roles';
    process.env.JWT_UNIT_CLAIM = 'dept';
    const asString = await issuer.token(staff, { name: '李审查', roles: 'security-officer disclosure-head', dept: 'office' });
    expect(await authenticate(bearer(asString))).toMatchObject({ groups: ['security-officer', 'disclosure-head'], unit: 'office' });
    const asList = await issuer.token(staff, { roles: ['handler'], dept: 'policy' });
    expect(await authenticate(bearer(asList))).toMatchObject({ groups: ['handler'], unit: 'policy' });
    // The Cognito claims mean nothing there.
    const cognitoShaped = await issuer.token(staff, { 'cognito:groups': ['admin'], 'custom:unit': 'office', token_use: 'id' });
    expect(await authenticate(bearer(cognitoShaped))).toMatchObject({ groups: [], unit: '' });
  });

  it('bounds iat and the lifetime: no token from the future, none valid for longer than a day (60 s of skew allowed)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const year = 365 * 24 * 3600;
    const token = (iat: number, exp: number) => issuer.token(staff, undefined, { iat, exp });
    await expect(authenticate(bearer(await token(now + year, now + year + 3600)))).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(authenticate(bearer(await token(now + 600, now + 3600)))).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(authenticate(bearer(await token(now, now + 100 * year)))).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(authenticate(bearer(await token(now - 3600, now + 24 * 3600)))).rejects.toMatchObject({ code: 'unauthorized' });
    // Within bounds: a little skew ahead, a day's lifetime.
    expect(await authenticate(bearer(await token(now + 30, now + 3600)))).toMatchObject({ sub: 'u1' });
    expect(await authenticate(bearer(await token(now - 60, now + 24 * 3600 - 60)))).toMatchObject({ sub: 'u1' });
  });

  it('takes another lifetime bound from JWT_MAX_LIFETIME_SECONDS (the local issuer: 60 days)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const sixtyDays = 60 * 24 * 3600;
    const long = await issuer.token(staff, undefined, { iat: now, exp: now + sixtyDays });
    await expect(authenticate(bearer(long))).rejects.toMatchObject({ code: 'unauthorized' });
    process.env.JWT_MAX_LIFETIME_SECONDS = String(sixtyDays);
    try {
      expect(await authenticate(bearer(long))).toMatchObject({ sub: 'u1' });
      await expect(authenticate(bearer(await issuer.token(staff, undefined, { iat: now, exp: now + 100 * 365 * 24 * 3600 })))).rejects.toMatchObject({ code: 'unauthorized' });
    } finally {
      delete process.env.JWT_MAX_LIFETIME_SECONDS;
    }
  });
});
