/**
 * The contract between the JWT authorizer constructs and the bundled handler.
 * The construct serialises one of these into the function's environment; the handler parses it at cold start.
 * No aws-cdk-lib import here: this file is bundled into the Lambda asset.
 */

/**
 * Name of the environment variable that carries the JSON-serialised {@link JwtAuthorizerConfig}. `gatewaykit serve`
 * reads it too, under the same exported name (cli/src/gateway/trusted-issuers.ts), to trust the issuer; a test keeps
 * the two equal.
 */
export const JWT_AUTHORIZER_CONFIG_ENV = 'GATEWAYKIT_JWT_CONFIG';

/** Where the handler reads the token from. */
export interface JwtTokenSource {
  /** `header` reads a request header (case-insensitive); `query` a query-string parameter. */
  readonly in: 'header' | 'query';
  /** Header or query-string parameter name. */
  readonly name: string;
}

export interface JwtAuthorizerConfig {
  /** The `iss` the token must carry, e.g. `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc`. */
  readonly issuer: string;
  /**
   * JWKS location.
   * @default - `${issuer}/.well-known/jwks.json`
   */
  readonly jwksUri?: string;
  /**
   * Accepted `aud` values (ID tokens, most OIDC providers).
   * @default - `aud` is not checked
   */
  readonly audience?: string[];
  /**
   * Accepted `client_id` values (Cognito access tokens).
   * @default - `client_id` is not checked
   */
  readonly clientIds?: string[];
  /**
   * Required `token_use` claim (`id` or `access`, Cognito).
   * @default - not checked
   */
  readonly tokenUse?: 'id' | 'access';
  /**
   * Whether a token without an `exp` claim is refused. RFC 7519 makes `exp` optional, and aws-jwt-verify accepts a
   * token without it, but such a token never expires: a leaked one would be valid forever.
   * @default true
   */
  readonly requireExpiration?: boolean;
  /**
   * Scopes that must ALL be present in `scope` (space-separated) or `scp`.
   * @default - none
   */
  readonly requiredScopes?: string[];
  /**
   * Claims copied into the authorizer context, each as a string.
   * @default - none
   */
  readonly contextClaims?: string[];
  /**
   * Where to read the token for REQUEST authorizer events; TOKEN events always use `authorizationToken`.
   * @default - the `Authorization` header
   */
  readonly tokenSource?: JwtTokenSource;
  /**
   * The claim whose value the Allow result carries as `usageIdentifierKey`: the API key API Gateway meters the caller
   * with when the API's key source is AUTHORIZER. A token whose claim is not a valid API key value is denied.
   * @default - no `usageIdentifierKey` is returned
   */
  readonly usageIdentifierClaim?: string;
}

/** A claim name as the construct accepts it: at least one character, none of them whitespace. */
export const CLAIM_NAME = /^\S+$/;

/** Parses and validates the configuration, throwing a message that names the faulty field. */
export function parseJwtAuthorizerConfig(raw: string | undefined): JwtAuthorizerConfig {
  if (!raw) {
    throw new Error(`${JWT_AUTHORIZER_CONFIG_ENV} is not set`);
  }
  const value: unknown = JSON.parse(raw);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${JWT_AUTHORIZER_CONFIG_ENV} must be a JSON object`);
  }
  const config = value as Record<string, unknown>;
  if (typeof config.issuer !== 'string' || !config.issuer.startsWith('https://')) {
    throw new Error(`${JWT_AUTHORIZER_CONFIG_ENV}.issuer must be an https:// URL, got ${JSON.stringify(config.issuer)}`);
  }
  if (config.jwksUri !== undefined && (typeof config.jwksUri !== 'string' || !config.jwksUri.startsWith('https://'))) {
    throw new Error(`${JWT_AUTHORIZER_CONFIG_ENV}.jwksUri must be an https:// URL, got ${JSON.stringify(config.jwksUri)}`);
  }
  for (const key of ['audience', 'clientIds', 'requiredScopes', 'contextClaims']) {
    const list = config[key];
    if (list !== undefined && !(Array.isArray(list) && list.every((item) => typeof item === 'string' && item.length > 0))) {
      throw new Error(`${JWT_AUTHORIZER_CONFIG_ENV}.${key} must be a list of non-empty strings, got ${JSON.stringify(list)}`);
    }
  }
  const source = config.tokenSource as Record<string, unknown> | undefined;
  if (source !== undefined && !(typeof source === 'object' && source !== null && (source.in === 'header' || source.in === 'query')
    && typeof source.name === 'string' && source.name.length > 0)) {
    throw new Error(`${JWT_AUTHORIZER_CONFIG_ENV}.tokenSource must be { in: "header" | "query", name: string }, got ${JSON.stringify(source)}`);
  }
  if (config.tokenUse !== undefined && config.tokenUse !== 'id' && config.tokenUse !== 'access') {
    throw new Error(`${JWT_AUTHORIZER_CONFIG_ENV}.tokenUse must be "id" or "access", got ${JSON.stringify(config.tokenUse)}`);
  }
  if (config.requireExpiration !== undefined && typeof config.requireExpiration !== 'boolean') {
    throw new Error(`${JWT_AUTHORIZER_CONFIG_ENV}.requireExpiration must be true or false, got ${JSON.stringify(config.requireExpiration)}`);
  }
  if (config.usageIdentifierClaim !== undefined && !(typeof config.usageIdentifierClaim === 'string' && CLAIM_NAME.test(config.usageIdentifierClaim))) {
    throw new Error(`${JWT_AUTHORIZER_CONFIG_ENV}.usageIdentifierClaim must be a non-empty claim name without whitespace, got ${JSON.stringify(config.usageIdentifierClaim)}`);
  }
  return config as unknown as JwtAuthorizerConfig;
}
