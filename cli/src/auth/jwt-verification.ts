import { JWTPayload } from 'jose';
import { Clock } from '../clock';
import { UserPoolModel } from '../model';
import { renderHttpJwtClaims, renderRestCognitoClaims } from './jwt-claim-rendering';
import { checkToken, TokenFailure, TrustedKeys } from './jwt-token-check';

/**
 * Why a token was refused, in API Gateway's words where they are known. The HTTP API JWT authorizer sends these as
 * the `error_description` of its `www-authenticate` header; the REST Cognito authorizer only logs them. Observed or
 * documented: `EXPIRED`, `INVALID_AUDIENCE` and the segment-count `MALFORMED` text; the others follow the Go JWT
 * library whose messages API Gateway's show (uncertain).
 */
export const JWT_ERRORS = {
  MISSING_TOKEN: 'no token in the identity source',
  MALFORMED: '{detail}',
  NONE_ALGORITHM: "'none' signature type is not allowed",
  UNSUPPORTED_ALGORITHM: 'signing method {alg} is invalid',
  UNKNOWN_KID: 'the token\'s kid "{kid}" is not in the issuer\'s JWKS',
  BAD_SIGNATURE: 'crypto/rsa: verification error',
  EXPIRED: 'the token has expired',
  NOT_YET_VALID: 'the token is not valid yet',
  ISSUED_IN_FUTURE: 'the token was issued in the future',
  INVALID_ISSUER: 'the token does not have a valid issuer',
  INVALID_AUDIENCE: 'the token does not have a valid audience',
  INSUFFICIENT_SCOPE: 'the token does not have any of the required scopes',
  // REST COGNITO_USER_POOLS only (server log):
  NOT_FROM_AUTHORIZER_POOLS: "the token's issuer {iss} is not one of the authorizer's user pools ({pools})",
  ID_TOKEN_REQUIRED: 'the method has no authorization scopes, so an ID token is required; received token_use "{tokenUse}"',
  ACCESS_TOKEN_REQUIRED: 'the method requires one of the scopes [{scopes}], so an access token is required; received token_use "{tokenUse}"',
  UNKNOWN_CLIENT: "the token's client {clientId} is not an app client of user pool {pool}",
} as const;

/** The REST Cognito authorizer's 401 body message for an expired token (recorded); every other failure says `Unauthorized`. */
export const COGNITO_EXPIRED_MESSAGE = 'The incoming token has expired';
export const COGNITO_UNAUTHORIZED_MESSAGE = 'Unauthorized';

export type CognitoVerification =
  | { readonly ok: true; readonly claims: Record<string, string> }
  /** `message` is the 401 body's `message`; `reason` is for the server log. */
  | { readonly ok: false; readonly reason: string; readonly message: string };

export type HttpJwtVerification =
  | {
    readonly ok: true;
    /** As the event carries them: every value stringified (see {@link renderHttpJwtClaims}). */
    readonly claims: Record<string, string>;
    /** The route's scopes the token holds; empty when the route has none (the event then carries `null`). */
    readonly scopes: string[];
  }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string; readonly wwwAuthenticate?: string };

export interface CognitoVerificationOptions {
  /** The authorizer's `ProviderARNs`, resolved to the app's pools. */
  readonly userPools: readonly UserPoolModel[];
  /** The method's `AuthorizationScopes`. */
  readonly scopes: readonly string[];
  readonly jwks: TrustedKeys;
  readonly clock: Clock;
}

export interface HttpJwtVerificationOptions {
  readonly issuer: string;
  readonly audience: readonly string[];
  /** The route's `AuthorizationScopes`. */
  readonly scopes: readonly string[];
  readonly jwks: TrustedKeys;
  readonly clock: Clock;
}

/**
 * A REST `COGNITO_USER_POOLS` authorizer's check of the identity header's value. The token must be signed by a key
 * of the JWKS, unexpired, and issued by one of the authorizer's pools (for one of its app clients, when the pool's
 * clients are known). Without method scopes only an ID token is accepted (the developer guide: "API Gateway treats
 * the supplied token as an identity token"; an access token is refused, as recorded against AWS); with scopes only an
 * access token holding one of them. A `Bearer ` prefix is accepted (uncertain: reported to work, not documented).
 */
export async function verifyCognitoUserPoolToken(identity: string | undefined, options: CognitoVerificationOptions): Promise<CognitoVerification> {
  const refuse = (reason: string, message: string = COGNITO_UNAUTHORIZED_MESSAGE): CognitoVerification => ({ ok: false, reason, message });
  const token = stripBearer(identity);
  if (token === undefined) {
    return refuse(JWT_ERRORS.MISSING_TOKEN);
  }
  const check = await checkToken(token, options.jwks, options.clock);
  if (!check.ok) {
    return refuse(describeTokenFailure(check.failure), check.failure.kind === 'EXPIRED' ? COGNITO_EXPIRED_MESSAGE : undefined);
  }
  const claims = check.claims;
  const pool = options.userPools.find((candidate) => candidate.issuer === claims.iss);
  if (pool === undefined) {
    return refuse(fill(JWT_ERRORS.NOT_FROM_AUTHORIZER_POOLS, {
      iss: String(claims.iss),
      pools: options.userPools.map((candidate) => candidate.userPoolId).join(', '),
    }));
  }
  const tokenUse = String(claims.token_use);
  if (options.scopes.length === 0 ? tokenUse !== 'id' : tokenUse !== 'access') {
    const template = options.scopes.length === 0 ? JWT_ERRORS.ID_TOKEN_REQUIRED : JWT_ERRORS.ACCESS_TOKEN_REQUIRED;
    return refuse(fill(template, { tokenUse, scopes: options.scopes.join(' ') }));
  }
  const clientId = tokenUse === 'id' ? claims.aud : claims.client_id;
  if (pool.clientIds.length > 0 && !(typeof clientId === 'string' && pool.clientIds.includes(clientId))) {
    return refuse(fill(JWT_ERRORS.UNKNOWN_CLIENT, { clientId: String(clientId), pool: pool.userPoolId }));
  }
  if (options.scopes.length > 0 && !tokenScopes(claims).some((scope) => options.scopes.includes(scope))) {
    return refuse(JWT_ERRORS.INSUFFICIENT_SCOPE);
  }
  return { ok: true, claims: renderRestCognitoClaims(claims) };
}

/**
 * An HTTP API JWT authorizer's check (developer guide, "Control access to HTTP APIs with JWT authorizers"): the token,
 * with or without a `Bearer ` prefix, must carry an RSA signature by the key its `kid` names, `iss` equal to the
 * configured issuer, `aud` (or, only when there is no `aud`, `client_id`) in the audience list, valid `exp`, `nbf`
 * and `iat`, and one of the route's scopes (`scope` or `scp`) when the route has any. A bad token is a 401 with
 * `www-authenticate: Bearer scope="…" error="invalid_token" error_description="…"` (the route's scopes,
 * space-separated; recorded); a missing scope a 403 with `error="insufficient_scope"` (uncertain).
 */
export async function verifyHttpJwt(identity: string | undefined, options: HttpJwtVerificationOptions): Promise<HttpJwtVerification> {
  const routeScopes = options.scopes.join(' ');
  const invalidToken = (description: string): HttpJwtVerification => ({
    ok: false,
    status: 401,
    reason: description,
    wwwAuthenticate: `Bearer scope="${routeScopes}" error="invalid_token" error_description="${description}"`,
  });
  const token = stripBearer(identity);
  if (token === undefined) {
    // Recorded: a request without the token gets a bare challenge.
    return { ok: false, status: 401, reason: JWT_ERRORS.MISSING_TOKEN, wwwAuthenticate: 'Bearer' };
  }
  const check = await checkToken(token, options.jwks, options.clock);
  if (!check.ok) {
    return invalidToken(describeTokenFailure(check.failure));
  }
  const claims = check.claims;
  if (claims.iss !== options.issuer) {
    return invalidToken(JWT_ERRORS.INVALID_ISSUER);
  }
  if (!hasValidAudience(claims, options.audience)) {
    return invalidToken(JWT_ERRORS.INVALID_AUDIENCE);
  }
  const granted = tokenScopes(claims).filter((scope) => options.scopes.includes(scope));
  if (options.scopes.length > 0 && granted.length === 0) {
    return {
      ok: false,
      status: 403,
      reason: JWT_ERRORS.INSUFFICIENT_SCOPE,
      wwwAuthenticate: `Bearer scope="${routeScopes}" error="insufficient_scope" error_description="${JWT_ERRORS.INSUFFICIENT_SCOPE}"`,
    };
  }
  return { ok: true, claims: renderHttpJwtClaims(claims), scopes: [...new Set(granted)] };
}

/** The developer guide: "API Gateway validates client_id only if aud is not present." */
function hasValidAudience(claims: JWTPayload, audience: readonly string[]): boolean {
  if (claims.aud !== undefined) {
    const tokenAudience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    return tokenAudience.some((entry) => audience.includes(entry));
  }
  return typeof claims.client_id === 'string' && audience.includes(claims.client_id);
}

/** `scope` and `scp` (a list, or a string): separated by the space character only (RFC 6749 section 3.3), as the bundled JWT authorizer does. */
function tokenScopes(claims: JWTPayload): string[] {
  const fromClaim = (value: unknown): string[] => {
    if (typeof value === 'string') {
      return value.split(' ').filter((scope) => scope.length > 0);
    }
    return Array.isArray(value) ? value.filter((scope): scope is string => typeof scope === 'string') : [];
  };
  return [...fromClaim(claims.scope), ...fromClaim(claims.scp)];
}

function stripBearer(identity: string | undefined): string | undefined {
  const token = identity?.startsWith('Bearer ') ? identity.slice('Bearer '.length) : identity;
  const trimmed = token?.trim();
  return trimmed ? trimmed : undefined;
}

function describeTokenFailure(failure: TokenFailure): string {
  switch (failure.kind) {
    case 'MALFORMED':
      return fill(JWT_ERRORS.MALFORMED, { detail: failure.detail });
    case 'UNSUPPORTED_ALGORITHM':
      return fill(JWT_ERRORS.UNSUPPORTED_ALGORITHM, { alg: failure.alg });
    case 'UNKNOWN_KID':
      return fill(JWT_ERRORS.UNKNOWN_KID, { kid: failure.kid ?? '' });
    default:
      return JWT_ERRORS[failure.kind];
  }
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
