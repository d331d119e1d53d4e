import { createHash } from 'node:crypto';
import { SIGV4_MISSING_PARTS, SigV4ErrorName } from './sigv4-errors';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/** What a SigV4-signed request says about its own signature, from the `Authorization` header or the query. */
export interface SignatureClaim {
  readonly presigned: boolean;
  readonly accessKeyId: string;
  readonly scope: { readonly date: string; readonly region: string; readonly service: string; readonly terminator: string };
  /** Lower-case header names, as listed in `SignedHeaders`. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  /** `X-Amz-Date`, ISO-8601 basic format (`20260101T000000Z`). */
  readonly amzDate: string;
  /** `X-Amz-Expires` in seconds, presigned URLs only. */
  readonly expiresSeconds?: number;
}

export type ClaimParse =
  | { readonly kind: 'unsigned' }
  | { readonly kind: 'claim'; readonly claim: SignatureClaim }
  | { readonly kind: 'error'; readonly error: SigV4ErrorName; readonly values: Readonly<Record<string, string>> };

/** A raw query string split into decoded pairs, in order. `+` is kept literally, as SigV4 canonicalisation does. */
export function parseRawQuery(query: string): Array<[string, string | undefined]> {
  return query
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? [safeDecode(pair), undefined] : [safeDecode(pair.slice(0, equals)), safeDecode(pair.slice(equals + 1))];
    });
}

/** Reads the signature a request claims: the `Authorization` header wins over presigned query parameters. */
export function parseSignatureClaim(
  authorization: string | undefined,
  amzDateHeader: string | undefined,
  query: ReadonlyArray<[string, string | undefined]>,
): ClaimParse {
  if (authorization !== undefined) {
    return parseAuthorizationHeader(authorization, amzDateHeader);
  }
  const param = (name: string) => query.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  const signature = param('X-Amz-Signature');
  if (signature === undefined) {
    return { kind: 'unsigned' };
  }
  const credential = param('X-Amz-Credential');
  const signedHeaders = param('X-Amz-SignedHeaders');
  const amzDate = param('X-Amz-Date');
  const expires = param('X-Amz-Expires') ?? '';
  if (credential === undefined || signedHeaders === undefined || amzDate === undefined) {
    const missing = [
      credential === undefined ? SIGV4_MISSING_PARTS.Credential : undefined,
      signedHeaders === undefined ? SIGV4_MISSING_PARTS.SignedHeaders : undefined,
      amzDate === undefined ? SIGV4_MISSING_PARTS.date : undefined,
    ];
    return incomplete(missing, `${SIGV4_ALGORITHM} (presigned URL)`);
  }
  const expiresSeconds = Number(expires);
  if (!/^\d+$/.test(expires) || expiresSeconds < 1 || expiresSeconds > 604800) {
    return { kind: 'error', error: 'BAD_EXPIRES', values: { expires } };
  }
  return claimFrom({ presigned: true, credential, signedHeaders, signature, amzDate, expiresSeconds });
}

function parseAuthorizationHeader(authorization: string, amzDate: string | undefined): ClaimParse {
  if (!authorization.startsWith(`${SIGV4_ALGORITHM} `)) {
    const hash = createHash('sha256').update(authorization).digest('base64');
    return { kind: 'error', error: 'NOT_A_SIGNATURE', values: { hash } };
  }
  const parts = new Map<string, string>();
  for (const part of authorization.slice(SIGV4_ALGORITHM.length + 1).split(',')) {
    const equals = part.indexOf('=');
    if (equals > 0) {
      parts.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
    }
  }
  const credential = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (credential === undefined || signedHeaders === undefined || signature === undefined || amzDate === undefined) {
    const missing = [
      credential === undefined ? SIGV4_MISSING_PARTS.Credential : undefined,
      signature === undefined ? SIGV4_MISSING_PARTS.Signature : undefined,
      signedHeaders === undefined ? SIGV4_MISSING_PARTS.SignedHeaders : undefined,
      amzDate === undefined ? SIGV4_MISSING_PARTS.date : undefined,
    ];
    return incomplete(missing, authorization);
  }
  return claimFrom({ presigned: false, credential, signedHeaders, signature, amzDate });
}

function claimFrom(raw: {
  presigned: boolean; credential: string; signedHeaders: string; signature: string; amzDate: string; expiresSeconds?: number;
}): ClaimParse {
  const [accessKeyId = '', date = '', region = '', service = '', terminator = '', ...rest] = raw.credential.split('/');
  if (rest.length > 0 || terminator !== 'aws4_request') {
    return { kind: 'error', error: 'WRONG_TERMINATOR', values: { terminator: [terminator, ...rest].join('/') } };
  }
  if (!/^\d{8}T\d{6}Z$/.test(raw.amzDate)) {
    return { kind: 'error', error: 'BAD_DATE', values: { date: raw.amzDate } };
  }
  return {
    kind: 'claim',
    claim: {
      presigned: raw.presigned,
      accessKeyId,
      scope: { date, region, service, terminator },
      signedHeaders: raw.signedHeaders.split(';').map((name) => name.trim().toLowerCase()).filter((name) => name.length > 0),
      signature: raw.signature,
      amzDate: raw.amzDate,
      expiresSeconds: raw.expiresSeconds,
    },
  };
}

function incomplete(missing: ReadonlyArray<string | undefined>, authorization: string): ClaimParse {
  return {
    kind: 'error',
    error: 'INCOMPLETE_SIGNATURE',
    values: { missing: missing.filter((sentence) => sentence !== undefined).join(' '), authorization },
  };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
