import { generateKeyPair, SignJWT } from 'jose';
import { POOL_ISSUER, unsignedToken, userPool } from './fixtures';
import { COGNITO_EXPIRED_MESSAGE, CognitoVerificationOptions, LocalIssuer, verifyCognitoUserPoolToken } from '../../src/auth';
import { FakeClock } from '../../src/clock';

let issuer: LocalIssuer;
let clock: FakeClock;

beforeAll(async () => {
  issuer = await LocalIssuer.generate();
});

beforeEach(() => {
  clock = new FakeClock();
});

function options(overrides: Partial<CognitoVerificationOptions> = {}): CognitoVerificationOptions {
  return { userPools: [userPool()], scopes: [], jwks: issuer.jwks(), clock, ...overrides };
}

async function idToken(claims: Record<string, unknown> = {}): Promise<string> {
  return issuer.mintCognito({ userPool: userPool(), tokenUse: 'id', claims }, clock);
}

async function accessToken(scopes: string[]): Promise<string> {
  return issuer.mintCognito({ userPool: userPool(), tokenUse: 'access', scopes }, clock);
}

describe('verifyCognitoUserPoolToken without method scopes', () => {
  test('accepts an ID token of the pool', async () => {
    const result = await verifyCognitoUserPoolToken(await idToken(), options());

    expect(result).toMatchObject({ ok: true, claims: { 'token_use': 'id', 'aud': 'client-web', 'cognito:username': 'local-user' } });
  });

  test('passes the claims as strings, the way API Gateway renders them', async () => {
    const result = await verifyCognitoUserPoolToken(await idToken({ 'cognito:groups': ['admin', 'staff'] }), options());

    expect(result.ok && result.claims).toMatchObject({
      'exp': 'Thu Jan 01 01:00:00 UTC 2026',
      'iat': 'Thu Jan 01 00:00:00 UTC 2026',
      'auth_time': String(Date.UTC(2026, 0, 1) / 1000),
      'email_verified': 'true',
      'cognito:groups': 'admin,staff',
    });
  });

  test('accepts the token with a Bearer prefix', async () => {
    const result = await verifyCognitoUserPoolToken(`Bearer ${await idToken()}`, options());

    expect(result.ok).toBe(true);
  });

  test('refuses an access token', async () => {
    const result = await verifyCognitoUserPoolToken(await accessToken(['orders/read']), options());

    expect(result).toEqual({
      ok: false,
      reason: 'the method has no authorization scopes, so an ID token is required; received token_use "access"',
      message: 'Unauthorized',
    });
  });

  test('refuses a missing token', async () => {
    expect(await verifyCognitoUserPoolToken(undefined, options())).toEqual({ ok: false, reason: 'no token in the identity source', message: 'Unauthorized' });
  });

  test('an expired token is refused with the expired-token message', async () => {
    const token = await idToken();
    clock.advance(3600 * 1000);

    expect(await verifyCognitoUserPoolToken(token, options())).toEqual({ ok: false, reason: 'the token has expired', message: COGNITO_EXPIRED_MESSAGE });
  });

  test('accepts a token one second before it expires', async () => {
    const token = await idToken();
    clock.advance(3599 * 1000);

    expect((await verifyCognitoUserPoolToken(token, options())).ok).toBe(true);
  });

  test('refuses a token of a pool the authorizer does not name', async () => {
    const otherPool = userPool({ userPoolId: 'us-east-1_Other0000', issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000' });
    const token = await issuer.mintCognito({ userPool: otherPool, tokenUse: 'id' }, clock);

    expect(await verifyCognitoUserPoolToken(token, options())).toMatchObject({
      ok: false,
      reason: "the token's issuer https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000 is not one of the authorizer's user pools (us-east-1_AbCdEfGhI)",
    });
  });

  test('refuses an ID token for a client the pool does not have', async () => {
    const token = await idToken({ aud: 'stranger' });

    expect(await verifyCognitoUserPoolToken(token, options())).toMatchObject({
      ok: false,
      reason: "the token's client stranger is not an app client of user pool us-east-1_AbCdEfGhI",
    });
  });

  test('refuses a token signed by another key', async () => {
    const other = await LocalIssuer.generate();
    const token = await other.mintCognito({ userPool: userPool(), tokenUse: 'id' }, clock);

    expect(await verifyCognitoUserPoolToken(token, options())).toMatchObject({ ok: false, reason: expect.stringMatching(/kid .* is not in the issuer's JWKS/) });
  });

  test('refuses a token whose signature was made by another key under the trusted kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ iss: POOL_ISSUER, token_use: 'id', aud: 'client-web', exp: clock.now() / 1000 + 60 })
      .setProtectedHeader({ alg: 'RS256', kid: issuer.kid })
      .sign(privateKey);

    expect(await verifyCognitoUserPoolToken(token, options())).toMatchObject({ ok: false, reason: 'crypto/rsa: verification error' });
  });

  test('refuses an unsigned token', async () => {
    const token = unsignedToken({ alg: 'none', kid: issuer.kid }, { iss: POOL_ISSUER, token_use: 'id', aud: 'client-web' });

    expect(await verifyCognitoUserPoolToken(token, options())).toMatchObject({ ok: false, reason: "'none' signature type is not allowed" });
  });
});

describe('verifyCognitoUserPoolToken with method scopes', () => {
  test('accepts an access token holding one of the scopes', async () => {
    const result = await verifyCognitoUserPoolToken(await accessToken(['orders/read', 'profile']), options({ scopes: ['orders/write', 'orders/read'] }));

    expect(result).toMatchObject({ ok: true, claims: { token_use: 'access', scope: 'orders/read profile', client_id: 'client-web' } });
  });

  test('refuses an access token whose scopes are joined by a no-break space, which RFC 6749 does not use as a separator', async () => {
    const result = await verifyCognitoUserPoolToken(await accessToken(['profile\u00a0orders/read']), options({ scopes: ['orders/read'] }));

    expect(result).toEqual({ ok: false, reason: 'the token does not have any of the required scopes', message: 'Unauthorized' });
  });

  test('refuses an access token holding none of the scopes', async () => {
    const result = await verifyCognitoUserPoolToken(await accessToken(['profile']), options({ scopes: ['orders/read'] }));

    expect(result).toEqual({ ok: false, reason: 'the token does not have any of the required scopes', message: 'Unauthorized' });
  });

  test('refuses an ID token', async () => {
    const result = await verifyCognitoUserPoolToken(await idToken(), options({ scopes: ['orders/read'] }));

    expect(result).toMatchObject({
      ok: false,
      reason: 'the method requires one of the scopes [orders/read], so an access token is required; received token_use "id"',
    });
  });

  test('refuses an access token of a client the pool does not have', async () => {
    const token = await issuer.mintCognito({ userPool: userPool(), tokenUse: 'access', scopes: ['orders/read'], claims: { client_id: 'stranger' } }, clock);

    expect(await verifyCognitoUserPoolToken(token, options({ scopes: ['orders/read'] }))).toMatchObject({
      ok: false,
      reason: "the token's client stranger is not an app client of user pool us-east-1_AbCdEfGhI",
    });
  });
});
