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
});
