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
  /** Replaces the HTTPS fetcher used when a token names a key that is not cached yet. */
  readonly fetcher?: Fetcher;
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
    { jwksCache: new SimpleJwksCache({ fetcher: options.fetcher }) },
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
