import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { IConstruct } from 'constructs';
import { checkSourceName, HEADER_NAME } from '../../private/identity-source';
import { checkSeconds } from '../../private/numbers';

/** API Gateway caches authorizer results for at most an hour. */
const MAX_CACHE_TTL_SECONDS = 3600;
const DEFAULT_CACHE_TTL = Duration.minutes(5);
const DEFAULT_IDENTITY_HEADER = 'Authorization';

/** Applies the default TTL and validates the range API Gateway accepts. */
export function authorizerCacheTtl(scope: IConstruct, prop: string, ttl: Duration | undefined): Duration {
  checkSeconds(scope, prop, ttl, 0, MAX_CACHE_TTL_SECONDS);
  return ttl ?? DEFAULT_CACHE_TTL;
}

/** The options every authorizer that reads a token from one header shares. */
export interface HeaderTokenOptions {
  readonly identityHeader?: string;
  readonly resultsCacheTtl?: Duration;
}

/** Defaults and validation of a header-token authorizer's settings, written once for Cognito, TOKEN and JWT. */
export function headerTokenSettings(scope: IConstruct, id: string, options: HeaderTokenOptions) {
  const identityHeader = options.identityHeader ?? DEFAULT_IDENTITY_HEADER;
  checkSourceName(scope, `${id}.identityHeader`, identityHeader, {
    kind: 'header', pattern: HEADER_NAME, expected: "an HTTP header name such as 'Authorization'", errorId: 'InvalidHeaderName',
  });
  return {
    identityHeader,
    identitySource: apigateway.IdentitySource.header(identityHeader),
    resultsCacheTtl: authorizerCacheTtl(scope, `${id}.resultsCacheTtl`, options.resultsCacheTtl),
  };
}
