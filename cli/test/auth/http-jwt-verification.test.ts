import { generateKeyPair, SignJWT } from 'jose';
import { unsignedToken } from './fixtures';
import { HttpJwtVerificationOptions, LocalIssuer, verifyHttpJwt } from '../../src/auth';
import { FakeClock } from '../../src/clock';

const ISSUER = 'https://auth.example.com/';
const AUDIENCE = 'api://orders';
const NOW_SECONDS = Date.UTC(2026, 0, 1) / 1000;

let issuer: LocalIssuer;
let clock: FakeClock;

beforeAll(async () => {
  issuer = await LocalIssuer.generate();
});

beforeEach(() => {
  clock = new FakeClock();
});

function options(overrides: Partial<HttpJwtVerificationOptions> = {}): HttpJwtVerificationOptions {
  return { issuer: ISSUER, audience: [AUDIENCE], scopes: [], jwks: issuer.jwks(), clock, ...overrides };
}

async function token(claims: Record<string, unknown> = {}): Promise<string> {
  return issuer.mint({ issuer: ISSUER, claims: { sub: 'user-1', aud: AUDIENCE, ...claims } }, clock);
}

function invalidToken(description: string, scope = ''): Record<string, unknown> {
  return {
    ok: false,
    status: 401,
    reason: description,
    wwwAuthenticate: `Bearer scope="${scope}" error="invalid_token" error_description="${description}"`,
  };
}

describe('verifyHttpJwt', () => {
  test('accepts a valid token with a Bearer prefix', async () => {
    expect(await verifyHttpJwt(`Bearer ${await token()}`, options())).toMatchObject({ ok: true, claims: { sub: 'user-1' }, scopes: [] });
  });

  test('accepts a valid token without a prefix', async () => {
    expect((await verifyHttpJwt(await token(), options())).ok).toBe(true);
  });

  test('passes every claim as a string, lists in brackets', async () => {
    const result = await verifyHttpJwt(await token({ groups: ['admin', 'staff'], verified: true }), options());

    expect(result.ok && result.claims).toEqual({
      iss: ISSUER,
      sub: 'user-1',
      aud: AUDIENCE,
      iat: String(NOW_SECONDS),
      exp: String(NOW_SECONDS + 3600),
      groups: '[admin staff]',
      verified: 'true',
    });
  });

  test('refuses a missing token with a bare challenge', async () => {
    expect(await verifyHttpJwt('', options())).toEqual({ ok: false, status: 401, reason: 'no token in the identity source', wwwAuthenticate: 'Bearer' });
  });

  test('refuses an expired token', async () => {
    const expired = await token();
    clock.advance(3600 * 1000);

    expect(await verifyHttpJwt(expired, options())).toEqual(invalidToken('the token has expired'));
  });

  test("names the route's scopes in the challenge", async () => {
    const expired = await token({ scope: 'orders/read' });
    clock.advance(3600 * 1000);

    expect(await verifyHttpJwt(expired, options({ scopes: ['orders/read', 'orders/write'] })))
      .toEqual(invalidToken('the token has expired', 'orders/read orders/write'));
  });

  test('refuses a token that is not valid yet', async () => {
    expect(await verifyHttpJwt(await token({ nbf: NOW_SECONDS + 60 }), options())).toEqual(invalidToken('the token is not valid yet'));
  });

  test('refuses a token issued in the future', async () => {
    expect(await verifyHttpJwt(await token({ iat: NOW_SECONDS + 60 }), options())).toEqual(invalidToken('the token was issued in the future'));
  });

  test('refuses a token of another issuer', async () => {
    const other = await issuer.mint({ issuer: 'https://auth.example.com', claims: { aud: AUDIENCE } }, clock);

    expect(await verifyHttpJwt(other, options())).toEqual(invalidToken('the token does not have a valid issuer'));
  });

  test('refuses a token for another audience', async () => {
    expect(await verifyHttpJwt(await token({ aud: 'api://billing' }), options())).toEqual(invalidToken('the token does not have a valid audience'));
  });

  test('accepts an audience list holding the configured audience', async () => {
    expect((await verifyHttpJwt(await token({ aud: ['api://billing', AUDIENCE] }), options())).ok).toBe(true);
  });

  test('accepts client_id when the token has no aud', async () => {
    const accessToken = await issuer.mint({ issuer: ISSUER, claims: { client_id: AUDIENCE } }, clock);

    expect((await verifyHttpJwt(accessToken, options())).ok).toBe(true);
  });

  test('ignores client_id when the token has an aud', async () => {
    expect(await verifyHttpJwt(await token({ aud: 'api://billing', client_id: AUDIENCE }), options()))
      .toEqual(invalidToken('the token does not have a valid audience'));
  });

  test('refuses a token whose kid is not in the JWKS', async () => {
    const other = await LocalIssuer.generate();
    const foreign = await other.mint({ issuer: ISSUER, claims: { aud: AUDIENCE } }, clock);

    expect(await verifyHttpJwt(foreign, options())).toEqual(invalidToken(`the token's kid "${other.kid}" is not in the issuer's JWKS`));
  });

  test('refuses a token signed by another key under the trusted kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ iss: ISSUER, aud: AUDIENCE }).setProtectedHeader({ alg: 'RS256', kid: issuer.kid }).sign(privateKey);

    expect(await verifyHttpJwt(forged, options())).toEqual(invalidToken('crypto/rsa: verification error'));
  });

  test('refuses alg none', async () => {
    const unsigned = unsignedToken({ alg: 'none', kid: issuer.kid }, { iss: ISSUER, aud: AUDIENCE });

    expect(await verifyHttpJwt(unsigned, options())).toEqual(invalidToken("'none' signature type is not allowed"));
  });

  test('refuses an HMAC-signed token', async () => {
    const hmac = await new SignJWT({ iss: ISSUER, aud: AUDIENCE })
      .setProtectedHeader({ alg: 'HS256', kid: issuer.kid })
      .sign(new TextEncoder().encode('a-shared-secret-of-enough-length!'));

    expect(await verifyHttpJwt(hmac, options())).toEqual(invalidToken('signing method HS256 is invalid'));
  });

  test('refuses a token that is not a JWT', async () => {
    expect(await verifyHttpJwt('Bearer not-a-token', options())).toEqual(invalidToken('token contains an invalid number of segments'));
  });

  test('refuses a token whose header is not JSON', async () => {
    expect(await verifyHttpJwt('bm90LWpzb24.e30.c2ln', options())).toEqual(invalidToken('the token header is not base64url-encoded JSON'));
  });

  test('refuses a token whose header has no alg', async () => {
    expect(await verifyHttpJwt(unsignedToken({ kid: issuer.kid }, { iss: ISSUER }), options())).toEqual(invalidToken('the token header has no alg'));
  });

  test('accepts a token holding one of the route scopes in scope and reports the granted ones', async () => {
    const result = await verifyHttpJwt(await token({ scope: 'orders/read profile' }), options({ scopes: ['orders/read', 'orders/write'] }));

    expect(result).toMatchObject({ ok: true, scopes: ['orders/read'] });
  });

  test('accepts a route scope from an scp list', async () => {
    const result = await verifyHttpJwt(await token({ scp: ['orders/write'] }), options({ scopes: ['orders/write'] }));

    expect(result).toMatchObject({ ok: true, scopes: ['orders/write'] });
  });

  test('refuses a token whose scopes are joined by a no-break space, which RFC 6749 does not use as a separator', async () => {
    const result = await verifyHttpJwt(await token({ scope: 'profile\u00a0orders/read' }), options({ scopes: ['orders/read'] }));

    expect(result).toMatchObject({ ok: false, status: 403, reason: 'the token does not have any of the required scopes' });
  });

  test('refuses a token without any of the route scopes with a 403', async () => {
    const result = await verifyHttpJwt(await token({ scope: 'profile' }), options({ scopes: ['orders/read'] }));

    expect(result).toEqual({
      ok: false,
      status: 403,
      reason: 'the token does not have any of the required scopes',
      wwwAuthenticate: 'Bearer scope="orders/read" error="insufficient_scope" error_description="the token does not have any of the required scopes"',
    });
  });
});
