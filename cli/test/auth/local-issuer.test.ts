import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { POOL_ISSUER, userPool } from './fixtures';
import { LocalIssuer } from '../../src/auth';
import { FakeClock } from '../../src/clock';

const NOW_SECONDS = Date.UTC(2026, 0, 1) / 1000;

let issuer: LocalIssuer;
let folder: string;

beforeAll(async () => {
  issuer = await LocalIssuer.generate();
});

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gatewaykit-issuer-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('LocalIssuer.mint', () => {
  test('signs a token that verifies against the issuer JWKS', async () => {
    const clock = new FakeClock();
    const token = await issuer.mint({ issuer: 'https://auth.example.com/', claims: { sub: 'u1' } }, clock);

    const { payload } = await jwtVerify(token, createLocalJWKSet(issuer.jwks()), { currentDate: new Date(clock.now()) });
    expect(payload).toEqual({ iss: 'https://auth.example.com/', sub: 'u1', iat: NOW_SECONDS, exp: NOW_SECONDS + 3600 });
  });

  test('puts the key id in the header', async () => {
    const token = await issuer.mint({ issuer: 'https://auth.example.com/' }, new FakeClock());

    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: issuer.kid });
  });

  test('honours expiresInSeconds', async () => {
    const token = await issuer.mint({ issuer: 'https://auth.example.com/', expiresInSeconds: 60 }, new FakeClock());

    expect(decodeJwt(token).exp).toBe(NOW_SECONDS + 60);
  });

  test('lets claims override the time claims', async () => {
    const token = await issuer.mint({ issuer: 'https://auth.example.com/', claims: { nbf: NOW_SECONDS + 10, exp: 1 } }, new FakeClock());

    expect(decodeJwt(token)).toMatchObject({ nbf: NOW_SECONDS + 10, exp: 1 });
  });
});

describe('LocalIssuer.jwks', () => {
  test('publishes one public RSA signing key', () => {
    const [key, ...others] = issuer.jwks().keys;

    expect({ others, key }).toEqual({
      others: [],
      key: { kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: issuer.kid, alg: 'RS256', use: 'sig' },
    });
  });
});

describe('LocalIssuer.mintCognito', () => {
  test('an ID token carries the Cognito ID claim set for the pool first client', async () => {
    const token = await issuer.mintCognito({ userPool: userPool(), tokenUse: 'id' }, new FakeClock());

    expect(decodeJwt(token)).toEqual({
      'sub': expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/),
      'iss': POOL_ISSUER,
      'aud': 'client-web',
      'token_use': 'id',
      'auth_time': NOW_SECONDS,
      'iat': NOW_SECONDS,
      'exp': NOW_SECONDS + 3600,
      'cognito:username': 'local-user',
      'email': 'local-user@example.com',
      'email_verified': true,
      'origin_jti': expect.any(String),
      'event_id': expect.any(String),
      'jti': expect.any(String),
    });
  });

  test('an access token carries client_id, scope and username and no aud', async () => {
    const token = await issuer.mintCognito(
      { userPool: userPool(), clientId: 'client-cli', tokenUse: 'access', scopes: ['orders/read', 'orders/write'], username: 'ana' },
      new FakeClock(),
    );

    expect(decodeJwt(token)).toEqual({
      sub: expect.any(String),
      iss: POOL_ISSUER,
      client_id: 'client-cli',
      token_use: 'access',
      scope: 'orders/read orders/write',
      username: 'ana',
      version: 2,
      auth_time: NOW_SECONDS,
      iat: NOW_SECONDS,
      exp: NOW_SECONDS + 3600,
      origin_jti: expect.any(String),
      event_id: expect.any(String),
      jti: expect.any(String),
    });
  });

  test('an access token without scopes gets the user-password sign-in scope', async () => {
    const token = await issuer.mintCognito({ userPool: userPool(), tokenUse: 'access' }, new FakeClock());

    expect(decodeJwt(token).scope).toBe('aws.cognito.signin.user.admin');
  });

  test('the same user gets the same sub in every token', async () => {
    const clock = new FakeClock();
    const idToken = await issuer.mintCognito({ userPool: userPool(), tokenUse: 'id', username: 'ana' }, clock);
    const accessToken = await issuer.mintCognito({ userPool: userPool(), tokenUse: 'access', username: 'ana' }, clock);

    expect(decodeJwt(idToken).sub).toBe(decodeJwt(accessToken).sub);
  });

  test('claims are added to the Cognito claim set', async () => {
    const token = await issuer.mintCognito({ userPool: userPool(), tokenUse: 'id', claims: { 'cognito:groups': ['admin'] } }, new FakeClock());

    expect(decodeJwt(token)['cognito:groups']).toEqual(['admin']);
  });

  test('mints for a pool without app clients with a made-up client id, the same on every run', async () => {
    // A REST Cognito authorizer validates the token against the pool, not a client
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html).
    const pool = userPool({ clientIds: [] });
    const first = decodeJwt(await issuer.mintCognito({ userPool: pool, tokenUse: 'id' }, new FakeClock()));
    const second = decodeJwt(await issuer.mintCognito({ userPool: pool, tokenUse: 'id' }, new FakeClock()));
    expect(first.aud).toMatch(/^[0-9a-z]{26}$/);
    expect(second.aud).toBe(first.aud);
  });

  test('refuses a clientId that is not a client of the pool', async () => {
    await expect(issuer.mintCognito({ userPool: userPool(), clientId: 'other', tokenUse: 'id' }, new FakeClock()))
      .rejects.toThrow(/clientId 'other' is not an app client of user pool AppStack\/UserPool; expected one of client-web, client-cli/);
  });

  test('refuses scopes for an ID token', async () => {
    await expect(issuer.mintCognito({ userPool: userPool(), tokenUse: 'id', scopes: ['a'] }, new FakeClock()))
      .rejects.toThrow(/scopes apply to Cognito access tokens only/);
  });
});

describe('LocalIssuer.loadOrCreate', () => {
  test('creates the folder and a key file readable by its owner only', async () => {
    const file = join(folder, 'nested', 'issuer-key.json');
    await LocalIssuer.loadOrCreate(file);

    expect(((await stat(file)).mode % 0o1000).toString(8)).toBe('600');
  });

  test('reloads the same key from the file', async () => {
    const file = join(folder, 'issuer-key.json');
    const first = await LocalIssuer.loadOrCreate(file);
    const second = await LocalIssuer.loadOrCreate(file);

    expect(second.jwks()).toEqual(first.jwks());
  });

  test('a token minted before a restart verifies after it', async () => {
    const file = join(folder, 'issuer-key.json');
    const clock = new FakeClock();
    const token = await (await LocalIssuer.loadOrCreate(file)).mint({ issuer: 'https://auth.example.com/' }, clock);
    const reloaded = await LocalIssuer.loadOrCreate(file);

    const { payload } = await jwtVerify(token, createLocalJWKSet(reloaded.jwks()), { currentDate: new Date(clock.now()) });
    expect(payload.iss).toBe('https://auth.example.com/');
  });

  test('stores the private key as a JWK', async () => {
    const file = join(folder, 'issuer-key.json');
    const created = await LocalIssuer.loadOrCreate(file);

    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ kty: 'RSA', d: expect.any(String), kid: created.kid });
  });

  test('a file that is not JSON is an error naming the file and saying to delete it', async () => {
    const file = join(folder, 'issuer-key.json');
    await writeFile(file, 'not json');

    await expect(LocalIssuer.loadOrCreate(file)).rejects.toThrow(
      new RegExp(`The local token issuer's key file ${file} is corrupt \\(.*\\)\\. Delete it: gatewaykit creates a new key on the next start\\.`),
    );
  });

  test('a JSON file that is not an RSA private key is corrupt', async () => {
    const file = join(folder, 'issuer-key.json');
    await writeFile(file, JSON.stringify({ kty: 'EC' }));

    await expect(LocalIssuer.loadOrCreate(file)).rejects.toThrow(/is corrupt \(expected an RSA private JSON Web Key with kty, n, e and d\)/);
  });

  test('an RSA key with broken numbers is corrupt', async () => {
    const file = join(folder, 'issuer-key.json');
    await writeFile(file, JSON.stringify({ kty: 'RSA', n: 'x', e: 'AQAB', d: 'y' }));

    await expect(LocalIssuer.loadOrCreate(file)).rejects.toThrow(/issuer-key.json is corrupt/);
  });
});

describe('LocalIssuer.jwksDocuments', () => {
  test('serves the JWKS and the discovery document under each issuer', () => {
    const documents = issuer.jwksDocuments([POOL_ISSUER, 'https://auth.example.com/']);

    expect([...documents.keys()]).toEqual([
      `${POOL_ISSUER}/.well-known/jwks.json`,
      `${POOL_ISSUER}/.well-known/openid-configuration`,
      'https://auth.example.com/.well-known/jwks.json',
      'https://auth.example.com/.well-known/openid-configuration',
    ]);
  });

  test('the JWKS document is the issuer JWKS as JSON', () => {
    const response = issuer.jwksDocuments([POOL_ISSUER]).get(`${POOL_ISSUER}/.well-known/jwks.json`);

    expect(response && { ...response, body: JSON.parse(response.body) }).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: issuer.jwks(),
    });
  });

  test('the discovery document keeps the issuer as configured and points at the JWKS', () => {
    const response = issuer.jwksDocuments(['https://auth.example.com/']).get('https://auth.example.com/.well-known/openid-configuration');

    expect(JSON.parse(response?.body ?? '{}')).toMatchObject({
      issuer: 'https://auth.example.com/',
      jwks_uri: 'https://auth.example.com/.well-known/jwks.json',
    });
  });
});
