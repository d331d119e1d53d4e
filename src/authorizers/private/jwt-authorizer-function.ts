import { Stack, Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { resolveJwtIssuer } from './jwt-issuer';
import { guardUsageIdentifierAttribute } from './usage-identifier-attribute';
import { CLAIM_NAME, JWT_AUTHORIZER_CONFIG_ENV, JwtAuthorizerConfig, JwtTokenSource } from '../../handlers/jwt-authorizer-config.lambda-shared';
import { JwtAuthorizerFunction } from '../../handlers/jwt-authorizer-function';
import { createBundledFunction } from '../../private/bundled-function';
import { check } from '../../private/errors';
import { inEveryPack } from '../../private/nag-suppressions';
import type { JwtVerificationOptions } from '../jwt-verification-options';

/**
 * Validates the verification options and builds the handler's configuration.
 * @param id the authorizer's construct id, prefix of error messages
 * @param tokenSource where the handler reads the token of REQUEST events; the handler's default is the
 * `Authorization` header (TOKEN events always carry the token themselves)
 */
export function jwtConfig(scope: Construct, id: string, options: JwtVerificationOptions, tokenSource?: JwtTokenSource): JwtAuthorizerConfig {
  const issuer = resolveJwtIssuer(scope, id, options);
  check((options.audience?.length ?? 0) + (options.clientIds?.length ?? 0) > 0, scope, 'JwtAudience', () =>
    `${id} needs audience or clientIds (got neither): without them, tokens the issuer minted for any other application would be accepted`);
  if (options.usageIdentifierClaim !== undefined && !Token.isUnresolved(options.usageIdentifierClaim)) {
    check(CLAIM_NAME.test(options.usageIdentifierClaim), scope, 'JwtUsageIdentifierClaim', () =>
      `${id}.usageIdentifierClaim must be the name of a claim, non-empty and without whitespace (e.g. 'custom:api_key'), got '${options.usageIdentifierClaim}'`);
  }
  guardUsageIdentifierAttribute(scope, id, options);
  return {
    issuer,
    jwksUri: options.jwksUri,
    audience: options.audience,
    clientIds: options.clientIds,
    tokenUse: options.tokenUse,
    requireExpiration: options.requireExpiration,
    requiredScopes: options.requiredScopes,
    contextClaims: options.contextClaims ?? ['sub'],
    tokenSource,
    usageIdentifierClaim: options.usageIdentifierClaim,
  };
}

/**
 * The bundled JWT authorizer function for `config`, with its own role, log group and the nag suppressions it needs.
 * @param logEncryptionKey encrypts the log group (the hardened profile's key)
 */
export function createJwtAuthorizerFunction(
  scope: Construct, id: string, config: JwtAuthorizerConfig, retention: logs.RetentionDays = logs.RetentionDays.ONE_YEAR, logEncryptionKey?: kms.IKey,
): lambda.IFunction {
  return createBundledFunction(scope, id, JwtAuthorizerFunction, {
    description: 'gatewaykit JWT authorizer (aws-jwt-verify)',
    roleDescription: 'Runs the gatewaykit JWT authorizer: writes its own log group and X-Ray traces, nothing else',
    environment: { [JWT_AUTHORIZER_CONFIG_ENV]: Stack.of(scope).toJsonString(config) },
    logRetention: retention,
    logEncryptionKey,
    dlqReason: 'API Gateway invokes the authorizer synchronously and turns a failure into a 401/500 response; a dead-letter queue only ever receives failed asynchronous invocations.',
    asyncFailureDestinationReason: 'API Gateway invokes the authorizer synchronously; on-failure destinations apply to asynchronous invocations only.',
    nagSuppressions: [
      ...inEveryPack('LambdaInsideVPC', 'The authorizer\'s only network calls are HTTPS GETs of the issuer\'s JWKS (its public signing keys), cached in memory; its role allows nothing but writing its own logs and X-Ray traces, so it reaches no resource a VPC would protect. In a VPC it would need a NAT gateway to reach the issuer, which adds cost and no protection.'),
      ...inEveryPack('LambdaConcurrency', 'API Gateway invokes the authorizer on the request path (every REST request without a cached decision, every WebSocket $connect): a reserved concurrency would cap the API\'s throughput at that many concurrent authorizations, failing the requests beyond it, and take that many from the account\'s unreserved pool. The stage throttle (rate and burst limits) is what bounds its invocations.'),
    ],
  });
}
