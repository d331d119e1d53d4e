import { FetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { exportJWK, generateKeyPair, JWTHeaderParameters, JWTPayload, KeyLike, SignJWT } from 'jose';
import { JWT_AUTHORIZER_CONFIG_ENV, JwtAuthorizerConfig } from '../../src/handlers/jwt-authorizer-config.lambda-shared';
import { withEnvironment } from '../support/environment';

type JwtAuthorizerModule = typeof import('../../src/handlers/jwt-authorizer.lambda');

export const ISSUER = 'https://idp.example.com/tenant';
export const JWKS_URI = `${ISSUER}/.well-known/jwks.json`;
export const AUDIENCE = 'gatewaykit-api';
export const SUBJECT = 'user-123';
export const KID = 'test-key-1';
export const METHOD_ARN = 'arn:aws:execute-api:eu-west-1:123456789012:abcde12345/prod/GET/pets/42';
export const API_ARN = 'arn:aws:execute-api:eu-west-1:123456789012:abcde12345/*';

export const BASE_CONFIG: JwtAuthorizerConfig = { issuer: ISSUER, audience: [AUDIENCE] };

export interface SigningKit {
  readonly privateKey: KeyLike;
  readonly publicKey: KeyLike;
  readonly jwks: Jwks;
  /** Signs `claims` on top of valid defaults (iss, aud, sub, iat, exp in 5 minutes) with RS256 and the kit's `kid`. */
  sign(claims?: JWTPayload, header?: Partial<JWTHeaderParameters>): Promise<string>;
}

export async function createSigningKit(): Promise<SigningKit> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] } as Jwks;
  const sign = async (claims: JWTPayload = {}, header: Partial<JWTHeaderParameters> = {}): Promise<string> => {
    const now = nowSeconds();
    return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: SUBJECT, iat: now, exp: now + 300, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: KID, ...header })
      .sign(privateKey);
  };
  return { privateKey, publicKey, jwks, sign };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function tokenEvent(authorizationToken: string, methodArn = METHOD_ARN): Record<string, unknown> {
  return { type: 'TOKEN', authorizationToken, methodArn };
}

export function requestEvent(
  parts: { headers?: Record<string, string> | null; queryStringParameters?: Record<string, string> | null },
  methodArn = METHOD_ARN,
): Record<string, unknown> {
  return {
    type: 'REQUEST',
    methodArn,
    resource: '/pets/{id}',
    path: '/pets/42',
    httpMethod: 'GET',
    headers: parts.headers ?? null,
    queryStringParameters: parts.queryStringParameters ?? null,
    pathParameters: { id: '42' },
    stageVariables: null,
  };
}

/** A fetcher that serves `jwks` without network, counting calls. */
export function localFetcher(jwks: Jwks): Fetcher & { fetch: jest.Mock } {
  return { fetch: jest.fn(async () => new TextEncoder().encode(JSON.stringify(jwks)).buffer as ArrayBuffer) };
}

/** A fetcher that always fails with the error aws-jwt-verify's own fetcher raises for an unreachable identity provider. */
export function failingFetcher(): Fetcher & { fetch: jest.Mock } {
  return { fetch: jest.fn(async (uri: string) => { throw new FetchError(uri, 'network disabled in tests'); }) };
}

/** Captures the decision log lines instead of printing them. */
export function captureLogs(): { lines: () => string[] } {
  const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  return { lines: () => spy.mock.calls.map((args) => args.map(String).join(' ')) };
}

/**
 * The bundled handler from a fresh copy of its module, as in a new Lambda container whose configuration variable is
 * `config` (undone by `restoreEnvironments()`, also when the test changes it afterwards).
 */
export function coldStartHandler(config: string | undefined): JwtAuthorizerModule['handler'] {
  withEnvironment({ [JWT_AUTHORIZER_CONFIG_ENV]: config });
  let handler: JwtAuthorizerModule['handler'] | undefined;
  jest.isolateModules(() => {
    handler = jest.requireActual<JwtAuthorizerModule>('../../src/handlers/jwt-authorizer.lambda').handler;
  });
  return handler!;
}
