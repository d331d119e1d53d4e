import { Token } from 'aws-cdk-lib';
import { createJwtAuthorizerFunction, JwtVerificationOptions, jwtConfig } from './jwt';
import { requestAuthorizer } from './websocket-lambda';
import { check } from '../private/errors';
import type { BoundWebSocketAuthorizer, WebSocketAuthorizerBindContext } from '../private/websocket-bound-authorizer';

const DEFAULT_TOKEN_QUERY_STRING = 'token';
/** A query string parameter name as WebSocket identity sources accept it. */
const QUERY_STRING_NAME = /^[A-Za-z0-9._-]+$/;

/** Options for the bundled JWT authorizer on a WebSocket API's `$connect` route. */
export interface WebSocketJwtAuthorizerOptions extends JwtVerificationOptions {
  /**
   * The query string parameter carrying the token, as in `wss://…/prod?token=eyJ…`: browsers cannot set headers on
   * a WebSocket handshake. A `Bearer ` prefix is optional. API Gateway refuses a connection without it (401) before
   * invoking the function.
   * @default 'token'
   */
  readonly tokenQueryString?: string;
}

export function bindWebSocketJwtAuthorizer(
  context: WebSocketAuthorizerBindContext, options: WebSocketJwtAuthorizerOptions,
): BoundWebSocketAuthorizer {
  const { scope, prop, id } = context;
  const name = options.tokenQueryString ?? DEFAULT_TOKEN_QUERY_STRING;
  check(!Token.isUnresolved(name) && QUERY_STRING_NAME.test(name), scope, 'InvalidTokenQueryString', () =>
    `${prop}.tokenQueryString is '${name}'; expected a query string parameter name of letters, digits, '.', '_' and '-', e.g. 'token'`);
  const config = jwtConfig(scope, prop, options, { in: 'query', name });
  const handler = createJwtAuthorizerFunction(scope, `${id}Function`, config, options.logRetention);
  return {
    ...requestAuthorizer(context, handler, [`route.request.querystring.${name}`]),
    providesUsageIdentifierKey: options.usageIdentifierClaim !== undefined,
    description: 'the bundled JWT authorizer',
  };
}
