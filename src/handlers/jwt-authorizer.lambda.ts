import type { ClientRequest, IncomingMessage, RequestOptions } from 'http';
import * as https from 'https';
import { JwtVerifier } from 'aws-jwt-verify';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwkInvalidKtyError,
  JwkInvalidUseError,
  JwksValidationError,
  JwkValidationError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidClaimError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  NonRetryableFetchError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { JWT_AUTHORIZER_CONFIG_ENV, JwtAuthorizerConfig, parseJwtAuthorizerConfig } from './jwt-authorizer-config.lambda-shared';
import { buildAuthorizer, JwtAuthorizer, rejectingAuthorizer } from './jwt-authorizer-core.lambda-shared';
import { logConfigurationError } from './jwt-authorizer-log.lambda-shared';

export type { JwtAuthorizer } from './jwt-authorizer-core.lambda-shared';

export interface JwtAuthorizerOptions {
  /** Keys trusted from the start, so verification needs no fetch while a token's `kid` is among them. */
  readonly jwks?: Jwks;
  /**
   * Fetches the JWKS when a token names a key that is not cached yet.
   * @default - a {@link BoundedJwksFetcher}: HTTPS, at most 1 MiB, 3 seconds per attempt
   */
  readonly fetcher?: Fetcher;
}

/**
 * The largest JWKS body read, in bytes. Real documents are a few KB: a Cognito user pool publishes two RSA keys in
 * about 1 KB, and issuers that attach an X.509 certificate to each of several keys (Microsoft Entra ID) stay within a
 * few tens of KB. 1 MiB leaves ample room for key rotation and larger key sets, while a hostile or broken endpoint can
 * no longer make the function buffer hundreds of MB, as aws-jwt-verify's own fetcher does: it reads the whole body
 * before parsing it.
 */
export const MAX_JWKS_BYTES = 1024 * 1024;

/** The time allowed for one attempt, from the request to the body's last byte: aws-jwt-verify's response time-out. */
export const JWKS_RESPONSE_TIMEOUT_MS = 3000;

/** A JWKS response whose body is larger than the cap; not retried, since the endpoint would answer the same. */
export class JwksTooLargeError extends NonRetryableFetchError {}

/** `https.request` as the fetcher calls it. */
export type RequestFunction = (url: string, options: RequestOptions, callback: (response: IncomingMessage) => void) => ClientRequest;

export interface BoundedJwksFetcherOptions {
  /**
   * The time allowed for one attempt, in milliseconds; a body that is still arriving then is abandoned.
   * @default JWKS_RESPONSE_TIMEOUT_MS
   */
  readonly responseTimeoutMs?: number;
  /**
   * Sends the request.
   * @default - `https.request`, looked up at each fetch so that a runtime which intercepts it (the local runtime) is honoured
   */
  readonly request?: RequestFunction;
}

/**
 * A {@link Fetcher} for aws-jwt-verify's JWKS cache that stops reading, and closes the connection, as soon as the
 * body exceeds {@link MAX_JWKS_BYTES} (by its Content-Length or as it arrives) or the attempt outlasts its time-out,
 * so memory stays bounded whatever the endpoint sends. Like aws-jwt-verify's `SimpleFetcher`, it expects a 200 and
 * retries once, at once, unless the failure is final (a status other than 200, an oversized body).
 */
export class BoundedJwksFetcher implements Fetcher {
  private readonly responseTimeoutMs: number;
  private readonly request?: RequestFunction;

  constructor(options: BoundedJwksFetcherOptions = {}) {
    this.responseTimeoutMs = options.responseTimeoutMs ?? JWKS_RESPONSE_TIMEOUT_MS;
    this.request = options.request;
  }

  public async fetch(uri: string): Promise<ArrayBuffer> {
    try {
      return await this.fetchOnce(uri);
    } catch (error) {
      if (error instanceof NonRetryableFetchError) {
        throw error;
      }
      return this.fetchOnce(uri);
    }
  }

  private fetchOnce(uri: string): Promise<ArrayBuffer> {
    const request = this.request ?? https.request;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let settled = false;
      const finish = (error: Error | undefined) => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        if (error) {
          // Destroying the request closes the socket, so the server stops sending; ignoring the rest would still receive it.
          req.destroy();
          reject(error);
        } else {
          const body = Buffer.concat(chunks, received);
          resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
        }
      };
      const tooLarge = () => new JwksTooLargeError(uri, `Response body exceeds ${MAX_JWKS_BYTES} bytes`);

      const req = request(uri, { method: 'GET' }, (response) => {
        if (response.statusCode !== 200) {
          finish(new NonRetryableFetchError(uri, `Status code is ${response.statusCode}, expected 200`));
          return;
        }
        if (Number(response.headers['content-length']) > MAX_JWKS_BYTES) {
          finish(tooLarge());
          return;
        }
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_JWKS_BYTES) {
            finish(tooLarge());
          } else {
            chunks.push(chunk);
          }
        });
        response.on('end', () => finish(undefined));
        response.on('error', (error) => finish(new FetchError(uri, error.message)));
        response.on('close', () => finish(new FetchError(uri, 'Connection closed before the response was complete')));
      });
      const timer = setTimeout(() => finish(new FetchError(uri, `Response time-out (after ${this.responseTimeoutMs} ms.)`)), this.responseTimeoutMs);
      // A pending fetch must not keep the Lambda event loop (or a test run) alive on its own.
      timer.unref();
      req.on('error', (error) => finish(new FetchError(uri, error.message)));
      req.end();
    });
  }
}

type ErrorClass = abstract new (...args: never[]) => Error;

/** A verified token without an `exp` claim, refused unless the configuration sets `requireExpiration: false`. */
class JwtWithoutExpirationError extends JwtInvalidClaimError {}

/** Most specific classes first: several of them extend `JwtInvalidClaimError` or `FetchError`. */
const REASONS: readonly (readonly [ErrorClass, string])[] = [
  [JwtWithoutExpirationError, 'missing-expiration'],
  [JwtExpiredError, 'expired'],
  [JwtNotBeforeError, 'not-yet-valid'],
  [JwtInvalidIssuerError, 'wrong-issuer'],
  [JwtInvalidAudienceError, 'wrong-audience'],
  [CognitoJwtInvalidClientIdError, 'wrong-client'],
  [CognitoJwtInvalidTokenUseError, 'wrong-token-use'],
  [JwtInvalidClaimError, 'invalid-claim'],
  [JwtInvalidSignatureAlgorithmError, 'invalid-algorithm'],
  [JwtInvalidSignatureError, 'invalid-signature'],
  [JwtParseError, 'malformed-token'],
  [JwtWithoutValidKidError, 'unknown-key'],
  [KidNotFoundInJwksError, 'unknown-key'],
  [WaitPeriodNotYetEndedJwkError, 'unknown-key'],
  [JwksTooLargeError, 'oversized-jwks'],
  [FetchError, 'jwks-unavailable'],
  [JwksValidationError, 'invalid-jwks'],
  [JwkValidationError, 'invalid-jwks'],
  [JwkInvalidUseError, 'invalid-jwks'],
  [JwkInvalidKtyError, 'invalid-jwks'],
];

/**
 * Builds an authorizer for one configuration. The verifier and its JWKS cache live as long as the
 * returned function, so keys are fetched at most once per container unless a token names a new `kid`.
 */
export function createJwtAuthorizer(config: JwtAuthorizerConfig, options: JwtAuthorizerOptions = {}): JwtAuthorizer {
  const clientIds = config.clientIds ?? [];
  const requireExpiration = config.requireExpiration ?? true;
  const verifier = JwtVerifier.create(
    {
      issuer: config.issuer,
      audience: config.audience && config.audience.length > 0 ? config.audience : null,
      ...(config.jwksUri ? { jwksUri: config.jwksUri } : {}),
      customJwtCheck: ({ payload }) => {
        checkExpirationPresent(payload, requireExpiration);
        checkCognitoClaims(payload, clientIds, config.tokenUse);
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: options.fetcher ?? new BoundedJwksFetcher() }) },
  );
  if (options.jwks) {
    verifier.cacheJwks(options.jwks);
  }
  return buildAuthorizer({
    config,
    verify: (token) => verifier.verify(token),
    classify: classifyVerificationError,
  });
}

/** aws-jwt-verify checks `exp` only when the token has one. */
function checkExpirationPresent(payload: JwtPayload, required: boolean): void {
  if (required && payload.exp === undefined) {
    throw new JwtWithoutExpirationError('Token has no exp claim', undefined, 'a numeric exp claim');
  }
}

/**
 * Cognito access tokens carry the app client in `client_id`, not `aud`, so these checks run on any issuer:
 * one code path whether or not the issuer is a Cognito user pool.
 */
function checkCognitoClaims(payload: JwtPayload, clientIds: readonly string[], tokenUse: string | undefined): void {
  if (tokenUse !== undefined && payload.token_use !== tokenUse) {
    throw new CognitoJwtInvalidTokenUseError('Token use not allowed', payload.token_use, tokenUse);
  }
  if (clientIds.length > 0 && !(typeof payload.client_id === 'string' && clientIds.includes(payload.client_id))) {
    throw new CognitoJwtInvalidClientIdError('Client ID not allowed', payload.client_id, clientIds);
  }
}

function classifyVerificationError(error: unknown): string {
  return REASONS.find(([errorClass]) => error instanceof errorClass)?.[1] ?? 'unexpected';
}

let fromEnvironment: JwtAuthorizer | undefined;

/**
 * Built on the first invocation and kept for the life of the container. A configuration that cannot be used
 * is logged once and then refuses every request, rather than crashing init and surfacing as a 500.
 */
function environmentAuthorizer(): JwtAuthorizer {
  if (!fromEnvironment) {
    try {
      fromEnvironment = createJwtAuthorizer(parseJwtAuthorizerConfig(process.env[JWT_AUTHORIZER_CONFIG_ENV]));
    } catch (error) {
      logConfigurationError(error);
      fromEnvironment = rejectingAuthorizer();
    }
  }
  return fromEnvironment;
}

export async function handler(event: unknown): Promise<APIGatewayAuthorizerResult> {
  return environmentAuthorizer()(event);
}
