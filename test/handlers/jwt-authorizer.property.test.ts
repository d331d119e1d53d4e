import * as fc from 'fast-check';
import { base64UrlJson, BASE_CONFIG, captureLogs, createSigningKit, ISSUER, KID, localFetcher, METHOD_ARN, nowSeconds, tokenEvent } from './jwt-fixtures';
import { createJwtAuthorizer, JwtAuthorizer } from '../../src/handlers/jwt-authorizer.lambda';

const NUM_RUNS = 10_000;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Characters a mutation may write: the base64url alphabet plus separators and characters decoders treat leniently. */
const MUTATION_CHARS = `${BASE64URL}.=+/ \t\u0000é`;

let authorize: JwtAuthorizer;
let validTokens: string[];

beforeAll(async () => {
  const kit = await createSigningKit();
  // One authorizer for all runs, like a warm container whose JWKS cache and penalty box carry state between requests.
  authorize = createJwtAuthorizer(
    { ...BASE_CONFIG, contextClaims: ['email', 'groups'] },
    { jwks: kit.jwks, fetcher: localFetcher(kit.jwks) },
  );
  validTokens = await Promise.all([
    kit.sign(),
    kit.sign({ email: 'a@example.com', groups: ['ops'] }),
    kit.sign({ scope: 'pets:read pets:write', sub: 'service-account' }),
    kit.sign({ exp: nowSeconds() + 3600, nbf: nowSeconds() - 10 }),
  ]);
});

beforeEach(() => {
  captureLogs();
});

afterEach(() => {
  jest.restoreAllMocks();
});

/** True only when the authorizer threw exactly `Error('Unauthorized')`; a returned policy of any kind is a failure. */
async function isExactlyUnauthorized(token: string): Promise<boolean> {
  try {
    await authorize(tokenEvent(token));
    return false;
  } catch (error) {
    return error instanceof Error && Object.getPrototypeOf(error) === Error.prototype && error.message === 'Unauthorized';
  }
}

const base64UrlSegment = fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 120 });

const randomString = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }));

const dottedSegments = fc.array(base64UrlSegment, { minLength: 1, maxLength: 5 }).map((segments) => segments.join('.'));

/** Well-formed JSON segments with a plausible header, so that runs get past parsing to key lookup and signature checks. */
const structuredToken = fc
  .tuple(
    fc.record({ alg: fc.constantFrom('RS256', 'RS512', 'ES256', 'HS256', 'none', 'PS256'), kid: fc.constantFrom(KID, 'other-kid', '') }),
    fc.record({ iss: fc.constantFrom(ISSUER, 'https://evil.example.com'), sub: fc.string(), exp: fc.integer(), aud: fc.jsonValue() }, { requiredKeys: [] }),
    fc.uint8Array({ minLength: 0, maxLength: 300 }),
  )
  .map(([header, payload, signature]) => `${base64UrlJson(header)}.${base64UrlJson(payload)}.${Buffer.from(signature).toString('base64url')}`);

/** Indexes lazily because arbitraries are declared before `beforeAll` has signed anything. */
function validToken(): fc.Arbitrary<string> {
  return fc.nat().map((i) => validTokens[i % validTokens.length]);
}

/** Replaces one character with a different one, anywhere in the token. */
const flippedCharacter = fc
  .tuple(validToken(), fc.nat(), fc.integer({ min: 1, max: MUTATION_CHARS.length - 1 }))
  .map(([token, at, shift]) => {
    const index = at % token.length;
    const current = Math.max(MUTATION_CHARS.indexOf(token[index]), 0);
    const replacement = MUTATION_CHARS[(current + shift) % MUTATION_CHARS.length];
    return `${token.slice(0, index)}${replacement === token[index] ? '!' : replacement}${token.slice(index + 1)}`;
  });

const swappedSegments = fc
  .tuple(validToken(), fc.constantFrom([1, 0, 2], [0, 2, 1], [2, 1, 0], [1, 2, 0], [2, 0, 1]))
  .map(([token, order]) => {
    const segments = token.split('.');
    return order.map((i) => segments[i]).join('.');
  });

/** The attack the signature exists to stop: new claims under an old signature. */
const reEncodedPayload = fc
  .tuple(
    validToken(),
    fc.record(
      {
        sub: fc.string().map((s) => `attacker-${s}`),
        exp: fc.integer({ min: 1, max: 10_000_000 }).map((delta) => nowSeconds() + 3600 + delta),
        scope: fc.constant('admin'),
        email: fc.emailAddress(),
      },
      { requiredKeys: ['sub'] },
    ),
  )
  .map(([token, changes]) => {
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return `${header}.${base64UrlJson({ ...claims, ...changes })}.${signature}`;
  });

const reHeaded = fc
  .tuple(validToken(), fc.constantFrom('none', 'HS256', 'RS512', 'ES256'))
  .map(([token, alg]) => `${base64UrlJson({ alg, kid: KID })}.${token.split('.').slice(1).join('.')}`);

const truncated = fc
  .tuple(validToken(), fc.nat())
  .map(([token, cut]) => token.slice(0, cut % token.length));

const inserted = fc
  .tuple(validToken(), fc.nat(), fc.string({ unit: fc.constantFrom(...MUTATION_CHARS.replace(/\s/g, '')), minLength: 1, maxLength: 4 }))
  .map(([token, at, extra]) => {
    const index = at % (token.length + 1);
    return `${token.slice(0, index)}${extra}${token.slice(index)}`;
  });

const droppedOrDuplicatedSegment = fc
  .tuple(validToken(), fc.constantFrom(0, 1, 2), fc.boolean())
  .map(([token, index, duplicate]) => {
    const segments = token.split('.');
    return (duplicate ? [...segments.slice(0, index + 1), ...segments.slice(index)] : segments.filter((_, i) => i !== index)).join('.');
  });

const malformedToken = fc.oneof(
  randomString,
  dottedSegments,
  structuredToken,
  flippedCharacter,
  swappedSegments,
  reEncodedPayload,
  reHeaded,
  truncated,
  inserted,
  droppedOrDuplicatedSegment,
);

describe('the authorizer under generated input', () => {
  it('accepts the unmutated tokens the mutations start from', async () => {
    for (const token of validTokens) {
      await expect(authorize(tokenEvent(token))).resolves.toMatchObject({ policyDocument: { Statement: [{ Effect: 'Allow' }] } });
    }
  });

  it('never allows a malformed or tampered token and fails only with Error("Unauthorized")', async () => {
    await fc.assert(
      fc.asyncProperty(malformedToken, (token) => isExactlyUnauthorized(token)),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);

  it('fails only with Error("Unauthorized") for arbitrary events', async () => {
    const token = validTokens[0];
    const event = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom('TOKEN', 'REQUEST', 'token'), authorizationToken: fc.anything(), methodArn: fc.anything(), headers: fc.anything() }),
      fc.record({ type: fc.constant('TOKEN'), authorizationToken: fc.constant(token), methodArn: fc.string() }),
    );

    await fc.assert(
      fc.asyncProperty(event, async (candidate) => {
        fc.pre(!(isRecord(candidate) && candidate.methodArn === METHOD_ARN && candidate.authorizationToken === token));
        return authorize(candidate).then(() => false, (error: unknown) => error instanceof Error && error.message === 'Unauthorized');
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
