import { createHash, timingSafeEqual } from 'node:crypto';
import type * as SmithyHashNode from '@smithy/hash-node';
import type * as SmithySignatureV4 from '@smithy/signature-v4';
import { Clock } from '../clock';
import { lazyRequire } from '../lazy-require';
import { SIGV4_ERRORS, SigV4ErrorName } from './sigv4-errors';
import { parseRawQuery, parseSignatureClaim, SignatureClaim } from './sigv4-request';

/** How far a signature's date may be from the clock (both ways) before AWS refuses it. */
export const SIGV4_MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface SigV4Request {
  readonly method: string;
  /** The path as sent, with the stage and its percent-encoding. */
  readonly path: string;
  /** The raw query string, without `?`. */
  readonly query: string;
  /** As received, with lower-case names. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: Buffer;
}

export interface SigV4Options {
  /** Access key id -> secret access key: the identities the runtime knows. */
  readonly credentials: ReadonlyMap<string, string>;
  readonly region: string;
  /** The service the signature's scope must name; other services' requests are checked in tests of AWS integrations. */
  readonly service?: string;
  readonly clock: Clock;
}

export type SigV4Result =
  | { readonly ok: true; readonly accessKeyId: string }
  /** `responseType` and `message` for the gateway response; `errorType` is AWS's `x-amzn-ErrorType`. */
  | { readonly ok: false; readonly responseType: string; readonly message: string; readonly errorType: string };

type SignatureV4 = SmithySignatureV4.SignatureV4;
type SmithyHttpRequest = Parameters<SignatureV4['presign']>[0];

const hashNode = lazyRequire<typeof SmithyHashNode>('@smithy/hash-node');
const signatureV4 = lazyRequire<typeof SmithySignatureV4>('@smithy/signature-v4');

/** A SigV4 signer hashing with SHA-256; smithy's signer is loaded by the first signature (IAM methods, AWS integrations). */
export function sha256Signer(init: Omit<ConstructorParameters<typeof SmithySignatureV4.SignatureV4>[0], 'sha256'>): SignatureV4 {
  return new (signatureV4().SignatureV4)({ ...init, sha256: hashNode().Hash.bind(null, 'sha256') });
}

/** Query parameters the presigner writes itself; the client's copies are left out so they are not counted twice. */
const PRESIGN_PARAMETERS = ['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-expires', 'x-amz-signedheaders', 'x-amz-signature'];

/**
 * Verifies an `AWS_IAM`-authorized request: recomputes its SigV4 signature (`Authorization: AWS4-HMAC-SHA256 …` or a
 * presigned URL's `X-Amz-Signature`) over the headers it signed and the date it claims, with the secret of its
 * access key, and compares in constant time. The date must be within 5 minutes of the clock (presigned: not past
 * `X-Amz-Expires`), the scope must name this region and `execute-api`, and a signed `x-amz-content-sha256` must be
 * the body's hash. Every refusal's message comes from {@link SIGV4_ERRORS}.
 */
export async function verifySigV4(request: SigV4Request, options: SigV4Options): Promise<SigV4Result> {
  const header = (name: string) => headerValue(request.headers, name);
  const query = parseRawQuery(request.query);
  const parsed = parseSignatureClaim(header('authorization'), header('x-amz-date'), query);
  if (parsed.kind === 'unsigned') {
    return refuse('MISSING_SIGNATURE');
  }
  if (parsed.kind === 'error') {
    return refuse(parsed.error, parsed.values);
  }
  const claim = parsed.claim;
  const service = options.service ?? 'execute-api';
  if (claim.scope.service !== service) {
    return refuse('WRONG_SERVICE', { service });
  }
  if (claim.scope.region !== options.region) {
    return refuse('WRONG_REGION', { region: claim.scope.region });
  }
  const secretAccessKey = options.credentials.get(claim.accessKeyId);
  if (secretAccessKey === undefined) {
    return refuse('UNKNOWN_ACCESS_KEY');
  }
  const timeRefusal = checkSigningTime(claim, options.clock.now());
  if (timeRefusal) {
    return timeRefusal;
  }
  const declaredBodyHash = claim.signedHeaders.includes('x-amz-content-sha256') ? header('x-amz-content-sha256') : undefined;
  if (declaredBodyHash !== undefined && /^[0-9a-f]{64}$/i.test(declaredBodyHash)
    && declaredBodyHash.toLowerCase() !== createHash('sha256').update(request.body).digest('hex')) {
    return refuse('SIGNATURE_MISMATCH');
  }
  const expected = await expectedSignature(request, claim, query, { accessKeyId: claim.accessKeyId, secretAccessKey });
  return constantTimeEqual(expected, claim.signature) ? { ok: true, accessKeyId: claim.accessKeyId } : refuse('SIGNATURE_MISMATCH');
}

function checkSigningTime(claim: SignatureClaim, now: number): SigV4Result | undefined {
  const signedAt = parseAmzDate(claim.amzDate);
  const validForMs = claim.expiresSeconds !== undefined ? claim.expiresSeconds * 1000 : SIGV4_MAX_CLOCK_SKEW_MS;
  if (now - signedAt > validForMs) {
    return refuse('SIGNATURE_EXPIRED', {
      signed: claim.amzDate,
      limit: amzDate(now - validForMs),
      now: amzDate(now),
      window: claim.expiresSeconds !== undefined ? `${claim.expiresSeconds} sec` : '5 min',
    });
  }
  if (signedAt - now > SIGV4_MAX_CLOCK_SKEW_MS) {
    return refuse('SIGNATURE_NOT_YET_CURRENT', { signed: claim.amzDate, limit: amzDate(now + SIGV4_MAX_CLOCK_SKEW_MS), now: amzDate(now) });
  }
  return undefined;
}

async function expectedSignature(
  request: SigV4Request,
  claim: SignatureClaim,
  query: ReadonlyArray<[string, string | undefined]>,
  credentials: { accessKeyId: string; secretAccessKey: string },
): Promise<string> {
  const signer = sha256Signer({
    credentials,
    region: claim.scope.region,
    service: claim.scope.service,
    // The client decided which headers it signed; the signer must not add a checksum header of its own.
    applyChecksum: false,
    uriEscapePath: true,
  });
  const signedHeaderNames = new Set(claim.signedHeaders);
  const signedHeaders: Record<string, string> = {};
  for (const name of claim.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value !== undefined) {
      signedHeaders[name] = value;
    }
  }
  const omitted = claim.presigned ? PRESIGN_PARAMETERS : ['x-amz-signature'];
  const toSign: SmithyHttpRequest = {
    method: request.method,
    protocol: 'https:',
    hostname: signedHeaders.host ?? 'localhost',
    path: request.path,
    query: queryMap(query.filter(([key]) => !omitted.includes(key.toLowerCase()))),
    headers: signedHeaders,
    body: request.body,
  };
  const signingDate = new Date(parseAmzDate(claim.amzDate));
  if (claim.presigned) {
    const presigned = await signer.presign(toSign, {
      signingDate,
      expiresIn: claim.expiresSeconds,
      signableHeaders: signedHeaderNames,
      unhoistableHeaders: signedHeaderNames,
    });
    return String(presigned.query?.['X-Amz-Signature'] ?? '');
  }
  const signed = await signer.sign(toSign, { signingDate, signableHeaders: signedHeaderNames });
  return /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1] ?? '';
}

function queryMap(pairs: ReadonlyArray<[string, string | undefined]>): Record<string, string | string[]> {
  const map: Record<string, string | string[]> = {};
  for (const [key, value = ''] of pairs) {
    const existing = map[key];
    map[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return map;
}

function headerValue(headers: SigV4Request['headers'], name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' || value === undefined ? value : value.join(',');
}

function constantTimeEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseAmzDate(value: string): number {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) ?? [];
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

function amzDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function refuse(name: SigV4ErrorName, values: Readonly<Record<string, string>> = {}): SigV4Result {
  const entry = SIGV4_ERRORS[name];
  const message = entry.message.replace(/\{(\w+)\}/g, (placeholder, key: string) => values[key] ?? placeholder);
  return { ok: false, responseType: entry.responseType, message, errorType: entry.errorType };
}
