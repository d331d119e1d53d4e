import { createHash } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { SIGV4_ERRORS, SigV4Options, SigV4Request, verifySigV4 } from '../../src/auth';
import { FakeClock } from '../../src/clock';

const SIGNED_AT = Date.UTC(2026, 0, 1, 12, 0, 0);
const HOST = 'abc123.execute-api.localhost';
const KEY_ID = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

type SmithyRequest = Parameters<SignatureV4['presign']>[0];

interface Signing {
  readonly keyId?: string;
  readonly secret?: string;
  readonly region?: string;
  readonly service?: string;
  readonly applyChecksum?: boolean;
}

function signer(signing: Signing = {}): SignatureV4 {
  return new SignatureV4({
    credentials: { accessKeyId: signing.keyId ?? KEY_ID, secretAccessKey: signing.secret ?? SECRET },
    region: signing.region ?? 'us-east-1',
    service: signing.service ?? 'execute-api',
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: signing.applyChecksum,
  });
}

function unsignedRequest(): SmithyRequest {
  return {
    method: 'POST',
    protocol: 'https:',
    hostname: HOST,
    path: '/prod/items/a%20b',
    query: { page: '2', tag: ['x', 'y'] },
    headers: { 'host': HOST, 'content-type': 'application/json' },
    body: '{"name":"widget"}',
  };
}

function rawQuery(query: SmithyRequest['query']): string {
  return Object.entries(query ?? {})
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${key}=${encodeURIComponent(String(item))}`))
    .join('&');
}

/** The request as the runtime receives it from a client that signed `request`. */
function received(request: SmithyRequest): SigV4Request {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name.toLowerCase()] = value;
  }
  return { method: request.method, path: request.path, query: rawQuery(request.query), headers, body: Buffer.from(String(request.body ?? '')) };
}

async function signed(signing: Signing = {}, request: SmithyRequest = unsignedRequest()): Promise<SigV4Request> {
  return received(await signer(signing).sign(request, { signingDate: new Date(SIGNED_AT) }));
}

async function presigned(expiresIn: number, request: SmithyRequest = { ...unsignedRequest(), method: 'GET', body: undefined }): Promise<SigV4Request> {
  return received(await signer().presign(request, { signingDate: new Date(SIGNED_AT), expiresIn }));
}

let clock: FakeClock;

beforeEach(() => {
  clock = new FakeClock(SIGNED_AT);
});

function options(overrides: Partial<SigV4Options> = {}): SigV4Options {
  return { credentials: new Map([[KEY_ID, SECRET]]), region: 'us-east-1', clock, ...overrides };
}

const MISMATCH = {
  ok: false,
  responseType: 'INVALID_SIGNATURE',
  errorType: 'InvalidSignatureException',
  message: SIGV4_ERRORS.SIGNATURE_MISMATCH.message,
};

describe('verifySigV4 with an Authorization header', () => {
  test('accepts a request signed with a known key', async () => {
    expect(await verifySigV4(await signed(), options())).toEqual({ ok: true, accessKeyId: KEY_ID });
  });

  test('accepts a request signed without a payload-hash header', async () => {
    expect(await verifySigV4(await signed({ applyChecksum: false }), options())).toEqual({ ok: true, accessKeyId: KEY_ID });
  });

  test('accepts a request with a header the client did not sign', async () => {
    const request = await signed();

    expect((await verifySigV4({ ...request, headers: { ...request.headers, 'user-agent': 'curl/8' } }, options())).ok).toBe(true);
  });

  test('refuses a tampered path', async () => {
    const request = await signed();

    expect(await verifySigV4({ ...request, path: '/prod/items/other' }, options())).toEqual(MISMATCH);
  });

  test('refuses a tampered query', async () => {
    const request = await signed();

    expect(await verifySigV4({ ...request, query: 'page=3&tag=x&tag=y' }, options())).toEqual(MISMATCH);
  });

  test('refuses a tampered body', async () => {
    const request = await signed();

    expect(await verifySigV4({ ...request, body: Buffer.from('{"name":"gadget"}') }, options())).toEqual(MISMATCH);
  });

  test('refuses a tampered body when the client sent no payload hash', async () => {
    const request = await signed({ applyChecksum: false });

    expect(await verifySigV4({ ...request, body: Buffer.from('{"name":"gadget"}') }, options())).toEqual(MISMATCH);
  });

  test('refuses a tampered signed header', async () => {
    const request = await signed();

    expect(await verifySigV4({ ...request, headers: { ...request.headers, 'content-type': 'text/plain' } }, options())).toEqual(MISMATCH);
  });

  test('refuses a signature made with another secret', async () => {
    expect(await verifySigV4(await signed({ secret: 'not-the-secret' }), options())).toEqual(MISMATCH);
  });

  test('refuses an unknown access key', async () => {
    expect(await verifySigV4(await signed({ keyId: 'AKIDUNKNOWN' }), options())).toEqual({
      ok: false,
      responseType: 'INVALID_SIGNATURE',
      errorType: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  test('accepts a signature exactly 5 minutes old', async () => {
    const request = await signed();
    clock.advance(5 * 60 * 1000);

    expect((await verifySigV4(request, options())).ok).toBe(true);
  });

  test('refuses a signature more than 5 minutes old', async () => {
    const request = await signed();
    clock.advance(5 * 60 * 1000 + 1000);

    expect(await verifySigV4(request, options())).toMatchObject({
      ok: false,
      responseType: 'INVALID_SIGNATURE',
      message: 'Signature expired: 20260101T120000Z is now earlier than 20260101T120001Z (20260101T120501Z - 5 min.)',
    });
  });

  test('refuses a signature dated more than 5 minutes ahead', async () => {
    const request = await signed();
    clock.set(SIGNED_AT - 5 * 60 * 1000 - 1000);

    expect(await verifySigV4(request, options())).toMatchObject({
      ok: false,
      message: 'Signature not yet current: 20260101T120000Z is still later than 20260101T115959Z (20260101T115459Z + 5 min.)',
    });
  });

  test('refuses a credential scoped to another region', async () => {
    expect(await verifySigV4(await signed({ region: 'eu-west-1' }), options())).toMatchObject({
      ok: false,
      message: "Credential should be scoped to a valid region, not 'eu-west-1'. ",
    });
  });

  test('refuses a credential scoped to another service', async () => {
    expect(await verifySigV4(await signed({ service: 'lambda' }), options())).toMatchObject({
      ok: false,
      message: "Credential should be scoped to correct service: 'execute-api'. ",
    });
  });

  test('answers a request without a signature with Missing Authentication Token', async () => {
    expect(await verifySigV4(received(unsignedRequest()), options())).toEqual({
      ok: false,
      responseType: 'MISSING_AUTHENTICATION_TOKEN',
      errorType: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  test('refuses a bearer token with the hash of the header', async () => {
    const request = { ...received(unsignedRequest()), headers: { authorization: 'Bearer abc' } };
    const hash = createHash('sha256').update('Bearer abc').digest('base64');

    expect(await verifySigV4(request, options())).toMatchObject({
      ok: false,
      errorType: 'IncompleteSignatureException',
      message: `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${hash}'.`,
    });
  });

  test('refuses a SigV4 header that lacks parts, naming each', async () => {
    const authorization = `AWS4-HMAC-SHA256 Credential=${KEY_ID}/20260101/us-east-1/execute-api/aws4_request`;
    const request = { ...received(unsignedRequest()), headers: { authorization } };

    expect(await verifySigV4(request, options())).toMatchObject({
      ok: false,
      message: "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
        + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
        + `Authorization=${authorization}`,
    });
  });

  test('refuses a credential scope without the aws4_request terminator', async () => {
    const request = await signed();
    const authorization = String(request.headers.authorization).replace('/aws4_request', '/aws5_request');

    expect(await verifySigV4({ ...request, headers: { ...request.headers, authorization } }, options())).toMatchObject({
      ok: false,
      message: "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ",
    });
  });

  test('refuses an X-Amz-Date that is not in ISO-8601 basic format', async () => {
    const request = await signed();

    expect(await verifySigV4({ ...request, headers: { ...request.headers, 'x-amz-date': '2026-01-01T12:00:00Z' } }, options())).toMatchObject({
      ok: false,
      message: "Date must be in ISO-8601 'basic format'. Got '2026-01-01T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    });
  });

  test('joins repeated header values before checking', async () => {
    const request = { ...unsignedRequest(), headers: { ...unsignedRequest().headers, 'x-tags': 'a,b' } };
    const sent = await signed({}, request);

    expect((await verifySigV4({ ...sent, headers: { ...sent.headers, 'x-tags': ['a', 'b'] } }, options())).ok).toBe(true);
  });
});

describe('verifySigV4 with a presigned URL', () => {
  test('accepts a presigned request', async () => {
    expect(await verifySigV4(await presigned(900), options())).toEqual({ ok: true, accessKeyId: KEY_ID });
  });

  test('refuses a presigned request with a tampered query', async () => {
    const request = await presigned(900);

    expect(await verifySigV4({ ...request, query: request.query.replace('page=2', 'page=3') }, options())).toEqual(MISMATCH);
  });

  test('accepts a presigned request until it expires', async () => {
    const request = await presigned(900);
    clock.advance(900 * 1000);

    expect((await verifySigV4(request, options())).ok).toBe(true);
  });

  test('refuses a presigned request after X-Amz-Expires', async () => {
    const request = await presigned(900);
    clock.advance(901 * 1000);

    expect(await verifySigV4(request, options())).toMatchObject({
      ok: false,
      message: 'Signature expired: 20260101T120000Z is now earlier than 20260101T120001Z (20260101T121501Z - 900 sec.)',
    });
  });

  test('refuses a presigned request that lacks its other parameters, naming each', async () => {
    const request = { ...received(unsignedRequest()), query: 'X-Amz-Signature=abc' };

    expect(await verifySigV4(request, options())).toMatchObject({
      ok: false,
      errorType: 'IncompleteSignatureException',
      message: "Authorization header requires 'Credential' parameter. Authorization header requires 'SignedHeaders' parameter. "
        + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 (presigned URL)",
    });
  });

  test('refuses an X-Amz-Expires beyond a week', async () => {
    const request = await presigned(900);

    expect(await verifySigV4({ ...request, query: request.query.replace('X-Amz-Expires=900', 'X-Amz-Expires=604801') }, options())).toMatchObject({
      ok: false,
      message: "X-Amz-Expires must be an integer from 1 to 604800 seconds, not '604801'.",
    });
  });
});
