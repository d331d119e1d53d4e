import { Duration, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { check } from '../private/errors';
import { checkSeconds } from '../private/numbers';

/** API Gateway caches authorizer results for at most an hour. */
const MAX_CACHE_TTL_SECONDS = 3600;
const DEFAULT_CACHE_TTL = Duration.minutes(5);

/** Applies the default TTL and validates the range API Gateway accepts. */
export function authorizerCacheTtl(scope: IConstruct, prop: string, ttl: Duration | undefined): Duration {
  checkSeconds(scope, prop, ttl, 0, MAX_CACHE_TTL_SECONDS);
  return ttl ?? DEFAULT_CACHE_TTL;
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** Header names are RFC 9110 tokens; anything else would never match a request. */
export function validateIdentityHeader(scope: IConstruct, prop: string, header: string): void {
  if (Token.isUnresolved(header)) {
    return;
  }
  check(HEADER_NAME.test(header), scope, 'InvalidHeaderName', () =>
    `${prop} must be an HTTP header name such as 'Authorization', got '${header}'`);
}
