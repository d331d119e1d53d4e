import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { JwtTokenUse } from './jwt-token-use';

/**
 * What the bundled JWT authorizer verifies and passes on, shared by its REST (`RestAuthorizer.jwt`) and WebSocket
 * (`WebSocketApiAuthorizer.jwt`) forms, which differ only in where the token is read.
 */
export interface JwtVerificationOptions {
  /**
   * A Cognito user pool whose tokens are accepted; sets the issuer and JWKS location.
   * Give exactly one of `userPool` and `issuer`.
   * @default - `issuer` must be given
   */
  readonly userPool?: cognito.IUserPool;
  /**
   * The OIDC issuer URL (`iss` claim), e.g. `https://example.eu.auth0.com/`.
   * Give exactly one of `userPool` and `issuer`.
   * @default - derived from `userPool`
   */
  readonly issuer?: string;
  /**
   * Where the issuer publishes its signing keys.
   * @default - `${issuer}/.well-known/jwks.json`
   */
  readonly jwksUri?: string;
  /**
   * Accepted `aud` values. At least one of `audience` and `clientIds` is required, so that tokens the same issuer
   * minted for other applications are refused.
   * @default - `aud` is not checked
   */
  readonly audience?: string[];
  /**
   * Accepted `client_id` values (Cognito access tokens), e.g. `[client.userPoolClientId]`.
   * @default - `client_id` is not checked
   */
  readonly clientIds?: string[];
  /**
   * The `token_use` claim required (Cognito).
   * @default - not checked
   */
  readonly tokenUse?: JwtTokenUse;
  /**
   * Whether a token without an `exp` (expiration time) claim is refused (401). RFC 7519 makes `exp` optional, but a
   * token without it never expires, so a leaked one stays valid until the signing key is rotated. Set `false` only
   * for an issuer that omits `exp` and whose tokens you can revoke otherwise; a token that has an `exp` is always
   * checked against it.
   * @default true
   */
  readonly requireExpiration?: boolean;
  /**
   * OAuth scopes the token must all hold (`scope` or `scp` claim). They apply to every route behind this
   * authorizer: on a REST API the cached decision covers the whole API, and a WebSocket API authorizes the
   * connection once.
   * @default - no scope is required
   */
  readonly requiredScopes?: string[];
  /**
   * Claims passed to the integration in `requestContext.authorizer`, each as a string (arrays and objects as JSON).
   * @default ['sub']
   */
  readonly contextClaims?: string[];
  /**
   * The claim whose value becomes the API key API Gateway meters the caller with (`usageIdentifierKey`), for APIs
   * whose API key source is AUTHORIZER (`apiKeySource: ApiKeySource.AUTHORIZER` on MeteredApi or
   * SecureWebSocketApi), e.g. `'custom:api_key'`. Each tenant's value must be the value of an API key in the
   * tenant's usage plan. A verified token whose claim is missing, not a string, or not 20 to 128 characters long is
   * denied (403). A claim that copies a Cognito user attribute (`custom:…` or a standard one) must not be writable by
   * users: an app client of the pool in this app that can write it is a synth error (clients the library creates leave
   * it out), and a pool whose clients the app cannot see (imported, or given as a Cognito `issuer`) gets a warning.
   * @default - no usageIdentifierKey is returned
   */
  readonly usageIdentifierClaim?: string;
  /**
   * Retention of the authorizer function's log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
}
