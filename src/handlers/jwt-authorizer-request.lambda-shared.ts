import type { JwtTokenSource } from './jwt-authorizer-config.lambda-shared';
import { AuthorizerRejection } from './jwt-authorizer-rejection.lambda-shared';

/** What the authorizer needs from an API Gateway TOKEN or REQUEST authorizer event. */
export interface AuthorizerRequest {
  readonly token: string;
  /** `arn:{partition}:execute-api:{region}:{account}:{apiId}/*`: one cached decision then holds for every stage and route. */
  readonly apiArn: string;
}

export const DEFAULT_TOKEN_SOURCE: JwtTokenSource = { in: 'header', name: 'Authorization' };

/**
 * API Gateway REST caps all request headers at 10 KB, so a longer token cannot be genuine;
 * refusing it early keeps attacker-sized input away from base64 and JSON decoding.
 */
export const MAX_TOKEN_LENGTH = 16 * 1024;

const METHOD_ARN = /^arn:(aws[a-z-]*):execute-api:([a-z0-9-]+):(\d{12}):([A-Za-z0-9]+)\/[^/]+\/.+$/;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const BEARER_PREFIX = /^bearer(\s+|$)/i;

/** Rejects a token source the config parser let through, so that a bad deployment fails at cold start, not per request. */
export function assertTokenSource(source: JwtTokenSource): void {
  if ((source.in !== 'header' && source.in !== 'query') || typeof source.name !== 'string' || source.name === '') {
    throw new Error(`tokenSource must be { in: "header" | "query", name: <non-empty string> }, got ${JSON.stringify(source)}`);
  }
}

/** Reads the token and the whole-API ARN, throwing {@link AuthorizerRejection} for anything it cannot trust. */
export function readAuthorizerRequest(event: unknown, source: JwtTokenSource): AuthorizerRequest {
  if (!isRecord(event)) {
    throw new AuthorizerRejection('malformed-event');
  }
  const apiArn = wholeApiArn(event.methodArn);
  const raw = event.type === 'TOKEN' ? event.authorizationToken
    : event.type === 'REQUEST' ? requestToken(event, source)
      : rejectEventType();
  return { token: canonicalToken(raw), apiArn };
}

function wholeApiArn(methodArn: unknown): string {
  const match = typeof methodArn === 'string' ? METHOD_ARN.exec(methodArn) : null;
  if (!match) {
    throw new AuthorizerRejection('malformed-method-arn');
  }
  const [, partition, region, account, apiId] = match;
  return `arn:${partition}:execute-api:${region}:${account}:${apiId}/*`;
}

function requestToken(event: Record<string, unknown>, source: JwtTokenSource): unknown {
  if (source.in === 'query') {
    const query = event.queryStringParameters;
    return isRecord(query) && Object.prototype.hasOwnProperty.call(query, source.name) ? query[source.name] : undefined;
  }
  const headers = event.headers;
  if (!isRecord(headers)) {
    return undefined;
  }
  const wanted = source.name.toLowerCase();
  const key = Object.keys(headers).find((name) => name.toLowerCase() === wanted);
  return key === undefined ? undefined : headers[key];
}

function rejectEventType(): never {
  throw new AuthorizerRejection('malformed-event');
}

function canonicalToken(raw: unknown): string {
  if (typeof raw !== 'string') {
    throw new AuthorizerRejection('missing-token');
  }
  if (raw.length > MAX_TOKEN_LENGTH) {
    throw new AuthorizerRejection('oversized-token');
  }
  const token = raw.trim().replace(BEARER_PREFIX, '');
  if (token === '') {
    throw new AuthorizerRejection('missing-token');
  }
  if (!JWT_SHAPE.test(token) || !token.split('.').every(isCanonicalBase64Url)) {
    throw new AuthorizerRejection('malformed-token');
  }
  return token;
}

/**
 * Node's decoder ignores the unused low bits of the last character, so one signature has several spellings.
 * Accepting only the canonical one gives every valid token exactly one string form.
 */
function isCanonicalBase64Url(segment: string): boolean {
  return segment.length % 4 !== 1 && Buffer.from(segment, 'base64url').toString('base64url') === segment;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
