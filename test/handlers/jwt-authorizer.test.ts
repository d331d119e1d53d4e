import { exportSPKI, SignJWT } from 'jose';
import {
  API_ARN,
  AUDIENCE,
  base64UrlJson,
  BASE_CONFIG,
  captureLogs,
  createSigningKit,
  failingFetcher,
  ISSUER,
  JWKS_URI,
  KID,
  localFetcher,
  nowSeconds,
  requestEvent,
  SigningKit,
  SUBJECT,
  tokenEvent,
} from './jwt-fixtures';
import { JwtAuthorizerConfig } from '../../src/handlers/jwt-authorizer-config.lambda-shared';
import { createJwtAuthorizer, JwtAuthorizer, JwtAuthorizerOptions } from '../../src/handlers/jwt-authorizer.lambda';

let kit: SigningKit;
let logs: { lines: () => string[] };

beforeAll(async () => {
  kit = await createSigningKit();
});

beforeEach(() => {
  logs = captureLogs();
});

afterEach(() => {
  jest.restoreAllMocks();
});

function authorizerFor(config: JwtAuthorizerConfig = BASE_CONFIG, options?: JwtAuthorizerOptions): JwtAuthorizer {
  return createJwtAuthorizer(config, options ?? { jwks: kit.jwks, fetcher: failingFetcher() });
}

function lastDecision(): Record<string, unknown> {
  const lines = logs.lines();
  return JSON.parse(lines[lines.length - 1]);
}

function policy(effect: 'Allow' | 'Deny', resource = API_ARN) {
  return { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] };
}

describe('a valid token', () => {
  it('is allowed on the whole API with the sub claim as principal', async () => {
    const result = await authorizerFor()(tokenEvent(await kit.sign()));

    expect(result).toEqual({ principalId: SUBJECT, policyDocument: policy('Allow'), context: {} });
  });

  it('without a sub claim is allowed with the principal "user"', async () => {
    const result = await authorizerFor()(tokenEvent(await kit.sign({ sub: undefined })));

    expect(result.principalId).toBe('user');
  });

  it('is allowed on the whole API when the methodArn is a WebSocket $connect route', async () => {
    const methodArn = 'arn:aws:execute-api:eu-west-1:123456789012:abcde12345/prod/$connect';

    const result = await authorizerFor()(tokenEvent(await kit.sign(), methodArn));

    expect(result.policyDocument).toEqual(policy('Allow'));
  });

  it('keeps the partition of the methodArn in the allowed resource', async () => {
    const methodArn = 'arn:aws-cn:execute-api:cn-north-1:123456789012:abcde12345/prod/POST/orders';

    const result = await authorizerFor()(tokenEvent(await kit.sign(), methodArn));

    expect(result.policyDocument).toEqual(policy('Allow', 'arn:aws-cn:execute-api:cn-north-1:123456789012:abcde12345/*'));
  });

  it('carries only the configured claims into the context, each as a string', async () => {
    const config = { ...BASE_CONFIG, contextClaims: ['email', 'level', 'admin', 'groups', 'address', 'absent'] };
    const token = await kit.sign({ email: 'a@example.com', level: 3, admin: true, groups: ['ops', 'dev'], address: { city: 'Lyon' }, secret: 's' });

    const result = await authorizerFor(config)(tokenEvent(token));

    expect(result.context).toEqual({ email: 'a@example.com', level: '3', admin: 'true', groups: '["ops","dev"]', address: '{"city":"Lyon"}' });
  });

  it('is verified from the keys cached up front without any fetch', async () => {
    const fetcher = localFetcher(kit.jwks);
    const authorize = authorizerFor(BASE_CONFIG, { jwks: kit.jwks, fetcher });

    await authorize(tokenEvent(await kit.sign()));
    await authorize(tokenEvent(await kit.sign({ sub: 'someone-else' })));

    expect(fetcher.fetch).not.toHaveBeenCalled();
  });

  it('is verified with keys fetched once from the default JWKS URI when none were cached', async () => {
    const fetcher = localFetcher(kit.jwks);
    const authorize = authorizerFor(BASE_CONFIG, { fetcher });

    await authorize(tokenEvent(await kit.sign()));
    await authorize(tokenEvent(await kit.sign()));

    expect(fetcher.fetch.mock.calls).toEqual([[JWKS_URI]]);
  });
});

describe('requireExpiration: false', () => {
  const config: JwtAuthorizerConfig = { ...BASE_CONFIG, requireExpiration: false };

  it('allows a token without an exp claim', async () => {
    const result = await authorizerFor(config)(tokenEvent(await kit.sign({ exp: undefined })));

    expect(result.policyDocument).toEqual(policy('Allow'));
  });

  it('still refuses a token whose exp has passed', async () => {
    const token = await kit.sign({ iat: nowSeconds() - 600, exp: nowSeconds() - 60 });

    await expect(authorizerFor(config)(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'expired' });
  });
});

describe('the token source', () => {
  it.each(['Bearer ', 'bearer ', 'BEARER   '])('accepts the token after a "%s" prefix', async (prefix) => {
    const result = await authorizerFor()(tokenEvent(`${prefix}${await kit.sign()}`));

    expect(result.policyDocument).toEqual(policy('Allow'));
  });

  it('reads a REQUEST event from the Authorization header by default, whatever its case', async () => {
    const event = requestEvent({ headers: { authorization: `Bearer ${await kit.sign()}` } });

    const result = await authorizerFor()(event);

    expect(result.policyDocument).toEqual(policy('Allow'));
  });

  it('reads a REQUEST event from the configured header, whatever its case', async () => {
    const config: JwtAuthorizerConfig = { ...BASE_CONFIG, tokenSource: { in: 'header', name: 'X-Api-Token' } };
    const event = requestEvent({ headers: { 'x-API-token': await kit.sign() } });

    const result = await authorizerFor(config)(event);

    expect(result.policyDocument).toEqual(policy('Allow'));
  });

  it('reads a REQUEST event from the configured query-string parameter', async () => {
    const config: JwtAuthorizerConfig = { ...BASE_CONFIG, tokenSource: { in: 'query', name: 'access_token' } };
    const event = requestEvent({ queryStringParameters: { access_token: await kit.sign() } });

    const result = await authorizerFor(config)(event);

    expect(result.policyDocument).toEqual(policy('Allow'));
  });

  it('ignores the Authorization header when the token source is a query-string parameter', async () => {
    const config: JwtAuthorizerConfig = { ...BASE_CONFIG, tokenSource: { in: 'query', name: 'access_token' } };
    const event = requestEvent({ headers: { Authorization: await kit.sign() } });

    await expect(authorizerFor(config)(event)).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'missing-token' });
  });

  it('refuses at build time a token source the config parser did not check', () => {
    const config = { ...BASE_CONFIG, tokenSource: { in: 'cookie', name: 'session' } } as unknown as JwtAuthorizerConfig;

    expect(() => authorizerFor(config)).toThrow(/tokenSource/);
  });
});

describe('a missing token', () => {
  it.each([
    ['an empty TOKEN event', tokenEvent('')],
    ['a bare Bearer prefix', tokenEvent('Bearer ')],
    ['a TOKEN event without authorizationToken', { type: 'TOKEN', methodArn: API_ARN.replace('/*', '/prod/GET/') }],
    ['a REQUEST event without headers', requestEvent({})],
    ['a REQUEST event with other headers only', requestEvent({ headers: { Accept: 'application/json' } })],
  ])('is Unauthorized in %s', async (_name, event) => {
    await expect(authorizerFor()(event)).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ decision: 'unauthorized', reason: 'missing-token' });
  });
});

describe('a token that fails verification', () => {
  it('is Unauthorized when expired', async () => {
    const token = await kit.sign({ iat: nowSeconds() - 600, exp: nowSeconds() - 60 });

    await expect(authorizerFor()(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'expired', errorName: 'JwtExpiredError' });
  });

  it('is Unauthorized without an exp claim', async () => {
    const token = await kit.sign({ exp: undefined });

    await expect(authorizerFor()(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ decision: 'unauthorized', reason: 'missing-expiration', errorName: 'JwtWithoutExpirationError' });
  });

  it('is Unauthorized without an exp claim when requireExpiration is true', async () => {
    const token = await kit.sign({ exp: undefined });

    await expect(authorizerFor({ ...BASE_CONFIG, requireExpiration: true })(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
  });

  it('is Unauthorized before its nbf time', async () => {
    const token = await kit.sign({ nbf: nowSeconds() + 300 });

    await expect(authorizerFor()(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'not-yet-valid' });
  });

  it('is Unauthorized when issued by another issuer', async () => {
    const token = await kit.sign({ iss: 'https://evil.example.com' });

    await expect(authorizerFor()(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'wrong-issuer' });
  });

  it('is Unauthorized when meant for another audience', async () => {
    const token = await kit.sign({ aud: 'another-api' });

    await expect(authorizerFor()(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'wrong-audience' });
  });

  it('is Unauthorized when issued to another client_id', async () => {
    const config: JwtAuthorizerConfig = { issuer: ISSUER, clientIds: ['client-a'] };
    const token = await kit.sign({ aud: undefined, client_id: 'client-b' });

    await expect(authorizerFor(config)(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'wrong-client' });
  });

  it('is Unauthorized when its token_use differs from the configured one', async () => {
    const config: JwtAuthorizerConfig = { ...BASE_CONFIG, tokenUse: 'access' };
    const token = await kit.sign({ token_use: 'id' });

    await expect(authorizerFor(config)(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'wrong-token-use' });
  });

  it.each([
    ['serves the same keys', () => localFetcher(kit.jwks), 'unknown-key'],
    ['fails', () => failingFetcher(), 'jwks-unavailable'],
  ])('is Unauthorized when its kid is unknown and the JWKS endpoint %s', async (_name, makeFetcher, reason) => {
    const fetcher = makeFetcher();
    const token = await kit.sign({}, { kid: 'rotated-away' });

    await expect(authorizerFor(BASE_CONFIG, { jwks: kit.jwks, fetcher })(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason });
    expect(fetcher.fetch.mock.calls).toEqual([[JWKS_URI]]);
  });

  it.each([
    ['an empty signature', ''],
    ['a signature', 'c2lnbmF0dXJl'],
  ])('is Unauthorized with alg none and %s', async (_name, signature) => {
    const token = `${base64UrlJson({ alg: 'none', kid: KID })}.${base64UrlJson({ iss: ISSUER, aud: AUDIENCE, sub: SUBJECT })}.${signature}`;

    await expect(authorizerFor()(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
  });

  it('is Unauthorized when HS256-signed with the RSA public key as secret', async () => {
    const secret = new TextEncoder().encode(await exportSPKI(kit.publicKey));
    const token = await new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: SUBJECT, exp: nowSeconds() + 300 })
      .setProtectedHeader({ alg: 'HS256', kid: KID })
      .sign(secret);

    await expect(authorizerFor()(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'invalid-algorithm' });
  });

  it('is Unauthorized when its signature belongs to other claims', async () => {
    const [header, , signature] = (await kit.sign()).split('.');
    const forged = `${header}.${base64UrlJson({ iss: ISSUER, aud: AUDIENCE, sub: 'admin', exp: nowSeconds() + 300 })}.${signature}`;

    await expect(authorizerFor()(tokenEvent(forged))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'invalid-signature' });
  });

  it('is Unauthorized when its signature is spelled with non-zero trailing bits', async () => {
    const token = await kit.sign();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = alphabet.indexOf(token[token.length - 1]);
    const sibling = alphabet[index % 2 === 0 ? index + 1 : index - 1];

    await expect(authorizerFor()(tokenEvent(`${token.slice(0, -1)}${sibling}`))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'malformed-token' });
  });

  it('is Unauthorized when truncated', async () => {
    const token = await kit.sign();

    await expect(authorizerFor()(tokenEvent(token.slice(0, Math.floor(token.length * 0.6))))).rejects.toThrow(/Unauthorized/);
  });

  it('is Unauthorized when it is a garbage string', async () => {
    await expect(authorizerFor()(tokenEvent('not a jwt at all \u0000 ✓'))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'malformed-token' });
  });

  it('is Unauthorized without decoding a 100 KB header segment', async () => {
    const [, payload, signature] = (await kit.sign()).split('.');
    const token = `${'A'.repeat(100 * 1024)}.${payload}.${signature}`;

    await expect(authorizerFor()(tokenEvent(token))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'oversized-token' });
  });
});

describe('required scopes', () => {
  const config: JwtAuthorizerConfig = { ...BASE_CONFIG, requiredScopes: ['pets:read', 'pets:write'] };

  it('deny the whole API explicitly when one is missing', async () => {
    const result = await authorizerFor(config)(tokenEvent(await kit.sign({ scope: 'pets:read openid' })));

    expect(result).toEqual({ principalId: SUBJECT, policyDocument: policy('Deny') });
    expect(lastDecision()).toMatchObject({ decision: 'deny', reason: 'missing-scope' });
  });

  it('deny a token whose scopes are joined by a no-break space instead of a space', async () => {
    const result = await authorizerFor(config)(tokenEvent(await kit.sign({ scope: 'pets:read\u00a0pets:write' })));

    expect(result).toEqual({ principalId: SUBJECT, policyDocument: policy('Deny') });
    expect(lastDecision()).toMatchObject({ decision: 'deny', reason: 'missing-scope' });
  });

  it.each([
    ['a space-separated scope claim', { scope: 'openid pets:write pets:read' }],
    ['a space-separated scp claim', { scp: 'pets:write pets:read' }],
    ['an scp list', { scp: ['pets:read', 'pets:write'] }],
    ['scope and scp together', { scope: 'pets:read', scp: ['pets:write'] }],
  ])('allow when all are granted in %s', async (_name, claims) => {
    const result = await authorizerFor(config)(tokenEvent(await kit.sign(claims)));

    expect(result.policyDocument).toEqual(policy('Allow'));
  });
});

describe('the usage identifier', () => {
  const KEY = 'tenant-42-0123456789abcdef';
  const config: JwtAuthorizerConfig = { ...BASE_CONFIG, usageIdentifierClaim: 'custom:api_key' };

  it('is the configured claim, returned as usageIdentifierKey of the Allow result', async () => {
    const result = await authorizerFor(config)(tokenEvent(await kit.sign({ 'custom:api_key': KEY })));

    expect(result).toEqual({ principalId: SUBJECT, policyDocument: policy('Allow'), context: {}, usageIdentifierKey: KEY });
  });

  it.each([
    ['20', 'k'.repeat(20)],
    ['128', 'k'.repeat(128)],
  ])('is accepted at %s characters, the bounds of an API key value', async (_length, key) => {
    const result = await authorizerFor(config)(tokenEvent(await kit.sign({ 'custom:api_key': key })));

    expect(result.usageIdentifierKey).toBe(key);
  });

  it('denies the whole API explicitly when the claim is missing', async () => {
    const result = await authorizerFor(config)(tokenEvent(await kit.sign()));

    expect(result).toEqual({ principalId: SUBJECT, policyDocument: policy('Deny') });
    expect(lastDecision()).toMatchObject({ decision: 'deny', reason: 'missing-usage-identifier' });
  });

  it.each([
    ['a number', 2 ** 70],
    ['a list', [KEY]],
    ['too short (19 characters)', 'k'.repeat(19)],
    ['too long (129 characters)', 'k'.repeat(129)],
  ])('denies the whole API explicitly when the claim is %s', async (_name, value) => {
    const result = await authorizerFor(config)(tokenEvent(await kit.sign({ 'custom:api_key': value })));

    expect(result).toEqual({ principalId: SUBJECT, policyDocument: policy('Deny') });
    expect(lastDecision()).toMatchObject({ decision: 'deny', reason: 'invalid-usage-identifier' });
  });

  it('is not returned when no claim is configured, even if the token carries one', async () => {
    const result = await authorizerFor()(tokenEvent(await kit.sign({ 'custom:api_key': KEY })));

    expect(result).not.toHaveProperty('usageIdentifierKey');
  });

  it('is checked after the required scopes, so a token lacking both is denied for its scope', async () => {
    const both: JwtAuthorizerConfig = { ...config, requiredScopes: ['pets:read'] };

    const result = await authorizerFor(both)(tokenEvent(await kit.sign()));

    expect(result.policyDocument).toEqual(policy('Deny'));
    expect(lastDecision()).toMatchObject({ reason: 'missing-scope' });
  });

  it.each([
    ['allowed', KEY],
    ['denied for being too short', 'short-tenant-key'],
  ])('never reaches the decision log when %s', async (_name, key) => {
    await authorizerFor(config)(tokenEvent(await kit.sign({ 'custom:api_key': key })));

    expect(logs.lines()).toHaveLength(1);
    expect(logs.lines().join('\n')).not.toContain(key);
  });
});

describe('a malformed event', () => {
  it.each([
    'arn:aws:execute-api:eu-west-1:123456789012:abcde12345',
    'arn:aws:execute-api:eu-west-1:123456789012:abcde12345/prod',
    'arn:aws:lambda:eu-west-1:123456789012:function:f',
    'arn:aws:execute-api:eu-west-1:1234:abcde12345/prod/GET/',
    '',
  ])('is Unauthorized when the methodArn is "%s"', async (methodArn) => {
    await expect(authorizerFor()(tokenEvent(await kit.sign(), methodArn))).rejects.toThrow(/Unauthorized/);
    expect(lastDecision()).toMatchObject({ reason: 'malformed-method-arn' });
  });

  it.each([
    ['null', null],
    ['a string', 'event'],
    ['an array', []],
    ['an unknown type', { type: 'COOKIE', methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:abcde12345/prod/GET/' }],
  ])('is Unauthorized when the event is %s', async (_name, event) => {
    await expect(authorizerFor()(event)).rejects.toThrow(/Unauthorized/);
  });
});

describe('the decision log', () => {
  it('is one JSON line per decision with the decision and its reason', async () => {
    await authorizerFor()(tokenEvent(await kit.sign()));

    expect(logs.lines()).toHaveLength(1);
    expect(lastDecision()).toEqual({ source: 'gatewaykit-jwt-authorizer', level: 'INFO', decision: 'allow', reason: 'verified' });
  });

  it.each([
    ['allowed', {}],
    ['denied', { scope: 'other' }],
    ['expired', { exp: nowSeconds() - 60 }],
    ['from another issuer', { iss: 'https://evil.example.com' }],
  ])('never contains the token, its parts or its claims when %s', async (_name, claims) => {
    const config = { ...BASE_CONFIG, requiredScopes: ['pets:read'], contextClaims: ['email'] };
    const token = await kit.sign({ scope: 'pets:read', email: 'secret@example.com', ...claims });
    const [header, payload, signature] = token.split('.');

    await authorizerFor(config)(tokenEvent(`Bearer ${token}`)).catch(() => undefined);

    const written = logs.lines().join('\n');
    for (const fragment of [header, payload, signature, SUBJECT, 'secret@example.com']) {
      expect(written).not.toContain(fragment);
    }
  });
});
