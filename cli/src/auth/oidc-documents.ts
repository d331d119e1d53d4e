import { JSONWebKeySet } from 'jose';

/** A canned HTTP answer, for the URLs the runtime serves itself. */
export interface StaticHttpResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The OIDC discovery document (`{issuer}/.well-known/openid-configuration`) and the JWKS (`{issuer}/.well-known/
 * jwks.json`) for each issuer, keyed by URL. As OpenID Connect Discovery 1.0 section 4 says, a terminating `/` of the
 * issuer is removed before `/.well-known/...` is appended; the document's `issuer` keeps the value as configured,
 * because verifiers compare `iss` with it exactly.
 */
export function oidcDocuments(issuers: readonly string[], jwks: JSONWebKeySet): Map<string, StaticHttpResponse> {
  const documents = new Map<string, StaticHttpResponse>();
  for (const issuer of issuers) {
    const base = issuer.replace(/\/+$/, '');
    const jwksUri = `${base}/.well-known/jwks.json`;
    documents.set(jwksUri, jsonResponse(jwks));
    documents.set(`${base}/.well-known/openid-configuration`, jsonResponse({
      issuer,
      jwks_uri: jwksUri,
      response_types_supported: ['code', 'token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    }));
  }
  return documents;
}

function jsonResponse(body: unknown): StaticHttpResponse {
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
