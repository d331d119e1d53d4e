import type { APIGatewayAuthorizerResult } from 'aws-lambda';

/** Verified JWT claims. */
export type Claims = Readonly<Record<string, unknown>>;

/** Used when the token has no `sub`, because API Gateway requires a principal. */
export const ANONYMOUS_PRINCIPAL = 'user';

/** API Gateway accepts API key values of 20 to 128 characters. */
export const MIN_API_KEY_LENGTH = 20;
export const MAX_API_KEY_LENGTH = 128;

/**
 * The claim value to return as `usageIdentifierKey`, or why there is none: `missing` when the token lacks the claim,
 * `invalid` when it is not a string API Gateway would accept as an API key value.
 */
export type UsageIdentifier = { readonly key: string } | { readonly problem: 'missing' | 'invalid' };

export function usageIdentifierOf(claims: Claims, name: string): UsageIdentifier {
  const value = ownClaim(claims, name);
  if (value === undefined || value === null) {
    return { problem: 'missing' };
  }
  if (typeof value !== 'string' || value.length < MIN_API_KEY_LENGTH || value.length > MAX_API_KEY_LENGTH) {
    return { problem: 'invalid' };
  }
  return { key: value };
}

/**
 * Allows the whole API. With `usageIdentifierKey`, API Gateway meters the request against the usage plan of that
 * API key (when the API's key source is AUTHORIZER).
 */
export function allowResult(
  claims: Claims, apiArn: string, contextClaims: readonly string[], usageIdentifierKey?: string,
): APIGatewayAuthorizerResult {
  return {
    principalId: principalOf(claims),
    policyDocument: policy('Allow', apiArn),
    context: contextFromClaims(claims, contextClaims),
    ...(usageIdentifierKey !== undefined ? { usageIdentifierKey } : {}),
  };
}

/** An explicit Deny makes API Gateway answer 403: the caller is known but lacks a permission. */
export function denyResult(claims: Claims, apiArn: string): APIGatewayAuthorizerResult {
  return {
    principalId: principalOf(claims),
    policyDocument: policy('Deny', apiArn),
  };
}

/** True when every required scope appears in `scope` (space-separated) or `scp` (space-separated or a list). */
export function hasAllScopes(claims: Claims, required: readonly string[]): boolean {
  if (required.length === 0) {
    return true;
  }
  const granted = new Set([...scopesIn(ownClaim(claims, 'scope')), ...scopesIn(ownClaim(claims, 'scp'))]);
  return required.every((scope) => granted.has(scope));
}

/**
 * API Gateway REST rejects non-primitive context values, so everything becomes a string.
 * Built with `Object.fromEntries` so that a claim named `__proto__` stays an ordinary key.
 */
export function contextFromClaims(claims: Claims, names: readonly string[]): Record<string, string> {
  const entries: [string, string][] = [];
  for (const name of names) {
    const value = ownClaim(claims, name);
    if (value !== undefined) {
      entries.push([name, stringify(value)]);
    }
  }
  return Object.fromEntries(entries);
}

function principalOf(claims: Claims): string {
  const sub = ownClaim(claims, 'sub');
  return typeof sub === 'string' && sub !== '' ? sub : ANONYMOUS_PRINCIPAL;
}

function policy(effect: 'Allow' | 'Deny', apiArn: string): APIGatewayAuthorizerResult['policyDocument'] {
  return {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: apiArn }],
  };
}

/**
 * RFC 6749 section 3.3 separates scopes with the space character (%x20) only. Splitting on any whitespace would let
 * `read\u00a0admin`, one scope token as the issuer signed it, grant `admin`.
 */
function scopesIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return value.split(' ').filter((scope) => scope !== '');
  }
  return Array.isArray(value) ? value.filter((scope): scope is string => typeof scope === 'string') : [];
}

function stringify(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** Own properties only: a configured name such as `constructor` must not read `Object.prototype`. */
function ownClaim(claims: Claims, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(claims, name) ? claims[name] : undefined;
}
