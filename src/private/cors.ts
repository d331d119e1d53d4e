import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { check } from './errors';
import { checkSeconds } from './numbers';
import { ROUTE_METHODS } from './route-key';
import { CorsOptions } from '../common/cors';

export const DEFAULT_CORS_HEADERS = ['Content-Type', 'X-Amz-Date', 'X-Amz-Security-Token', 'X-Api-Key', 'Authorization'];
const ORIGIN = /^https?:\/\/[^/\s]+$/;

/** Validates CORS options the same way for every API type; whether the API answers CORS requests. */
export function validateCors(scope: IConstruct, cors: CorsOptions | undefined): boolean {
  if (cors === undefined) {
    return false;
  }
  check(cors.allowOrigins.length > 0, scope, 'CorsNoOrigin', () =>
    "cors.allowOrigins is empty; list the origins allowed to call the API, e.g. ['https://app.example.com']");
  const wildcard = cors.allowOrigins.includes('*');
  check(!wildcard || cors.allowOrigins.length === 1, scope, 'CorsWildcardWithOrigins', () =>
    `cors.allowOrigins mixes '*' with other origins (${JSON.stringify(cors.allowOrigins)}); use ['*'] alone or list the origins`);
  check(!(wildcard && cors.allowCredentials), scope, 'CorsCredentialsWithWildcard', () =>
    "cors.allowCredentials is true with cors.allowOrigins ['*']; browsers refuse credentials from a wildcard origin, so list the origins explicitly");
  for (const origin of cors.allowOrigins) {
    check(origin === '*' || Token.isUnresolved(origin) || ORIGIN.test(origin), scope, 'CorsInvalidOrigin', () =>
      `cors.allowOrigins has '${origin}'; an origin is a scheme and host without a path, e.g. 'https://app.example.com'`);
  }
  check(cors.allowMethods === undefined || cors.allowMethods.length > 0, scope, 'CorsNoMethod', () =>
    "cors.allowMethods is []; browsers would be allowed no method after a preflight, so list the methods, e.g. ['GET', 'POST'], or leave it out for every method");
  for (const method of cors.allowMethods ?? []) {
    check(method === '*' || (ROUTE_METHODS as readonly string[]).includes(method.toUpperCase()), scope, 'CorsInvalidMethod', () =>
      `cors.allowMethods has the unknown method '${method}'; expected '*' or one of ${ROUTE_METHODS.filter((m) => m !== 'ANY').join(', ')}`);
  }
  checkSeconds(scope, 'cors.maxAge', cors.maxAge, 0, 86400);
  return true;
}
