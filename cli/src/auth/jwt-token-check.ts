import type * as Jose from 'jose';
import { Clock } from '../clock';
import { lazyRequire } from '../lazy-require';

type JWK = Jose.JWK;
type JWTPayload = Jose.JWTPayload;
type JWTVerifyGetKey = Jose.JWTVerifyGetKey;

/** jose's verifier, loaded by the first token checked: most apps have no JWT or Cognito authorizer. */
const jose = lazyRequire<typeof Jose>('jose');

/** API Gateway verifies JWTs with RSA keys only ("Currently, only RSA-based algorithms are supported"). */
export const RSA_ALGORITHMS: readonly string[] = ['RS256', 'RS384', 'RS512'];
const VERIFY_ALGORITHMS = [...RSA_ALGORITHMS];

/** One jose key set per trusted JWKS: a key set imports each public key once and keeps it, so it outlives requests. */
const keySets = new WeakMap<TrustedKeys, JWTVerifyGetKey>();

/** The public keys a verifier trusts: a JWKS document, as `LocalIssuer.jwks()` returns it. */
export interface TrustedKeys {
  readonly keys: readonly JWK[];
}

/** Why a token failed the checks every API Gateway JWT verifier makes (signature and time claims). */
export type TokenFailure =
  | { readonly kind: 'MALFORMED'; readonly detail: string }
  | { readonly kind: 'NONE_ALGORITHM' }
  | { readonly kind: 'UNSUPPORTED_ALGORITHM'; readonly alg: string }
  | { readonly kind: 'UNKNOWN_KID'; readonly kid?: string }
  | { readonly kind: 'BAD_SIGNATURE' }
  | { readonly kind: 'EXPIRED' }
  | { readonly kind: 'NOT_YET_VALID' }
  | { readonly kind: 'ISSUED_IN_FUTURE' };

export type TokenCheck = { readonly ok: true; readonly claims: JWTPayload } | { readonly ok: false; readonly failure: TokenFailure };

/**
 * Checks a compact JWT as API Gateway's verifiers do before they look at issuer, audience or scopes: three segments,
 * an RSA `alg`, a `kid` present in `jwks`, a valid signature, `exp` after and `nbf` and `iat` not after the clock's
 * time. jose reads the time from `currentDate`, so the check follows the injected clock.
 */
export async function checkToken(token: string, jwks: TrustedKeys, clock: Clock): Promise<TokenCheck> {
  if (token.split('.').length !== 3) {
    return fail({ kind: 'MALFORMED', detail: 'token contains an invalid number of segments' });
  }
  const header = decodeHeader(token);
  if (header === undefined) {
    return fail({ kind: 'MALFORMED', detail: 'the token header is not base64url-encoded JSON' });
  }
  if (header.alg === undefined) {
    return fail({ kind: 'MALFORMED', detail: 'the token header has no alg' });
  }
  if (header.alg === 'none') {
    return fail({ kind: 'NONE_ALGORITHM' });
  }
  if (!RSA_ALGORITHMS.includes(header.alg)) {
    return fail({ kind: 'UNSUPPORTED_ALGORITHM', alg: header.alg });
  }
  if (header.kid === undefined || !jwks.keys.some((key) => key.kid === header.kid)) {
    return fail({ kind: 'UNKNOWN_KID', kid: header.kid });
  }
  const currentDate = new Date(clock.now());
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jose().jwtVerify(token, keySetOf(jwks), { algorithms: VERIFY_ALGORITHMS, currentDate }));
  } catch (error) {
    return fail(joseFailure(error));
  }
  if (typeof claims.iat === 'number' && claims.iat > Math.floor(currentDate.getTime() / 1000)) {
    return fail({ kind: 'ISSUED_IN_FUTURE' });
  }
  return { ok: true, claims };
}

function keySetOf(jwks: TrustedKeys): JWTVerifyGetKey {
  let keySet = keySets.get(jwks);
  if (keySet === undefined) {
    keySet = jose().createLocalJWKSet({ keys: [...jwks.keys] });
    keySets.set(jwks, keySet);
  }
  return keySet;
}

function decodeHeader(token: string): { alg?: string; kid?: string } | undefined {
  try {
    return jose().decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
}

function joseFailure(error: unknown): TokenFailure {
  const { errors } = jose();
  if (error instanceof errors.JWTExpired) {
    return { kind: 'EXPIRED' };
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
    return { kind: 'NOT_YET_VALID' };
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return { kind: 'BAD_SIGNATURE' };
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return { kind: 'UNKNOWN_KID' };
  }
  if (error instanceof errors.JOSEError) {
    return { kind: 'MALFORMED', detail: error.message };
  }
  throw error;
}

function fail(failure: TokenFailure): TokenCheck {
  return { ok: false, failure };
}
