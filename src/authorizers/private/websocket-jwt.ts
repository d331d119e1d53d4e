import type { WebSocketJwtAuthorizerOptions } from '../websocket-authorizer-options';
import { WEBSOCKET_JWT_AUTHORIZER_OPTIONS } from './authorizer-option-schemas';
import type { BoundWebSocketAuthorizer, WebSocketAuthorizerBindContext } from './bound-websocket-authorizer';
import { createJwtAuthorizerFunction, jwtConfig } from './jwt-authorizer-function';
import { requestAuthorizer } from './websocket-lambda';
import { checkSourceName } from '../../private/identity-source';
import { checkStruct } from '../../private/prop-types';

const DEFAULT_TOKEN_QUERY_STRING = 'token';
/** A query string parameter name as WebSocket identity sources accept it. */
const QUERY_STRING_NAME = /^[A-Za-z0-9._-]+$/;

export function bindWebSocketJwtAuthorizer(
  context: WebSocketAuthorizerBindContext, options: WebSocketJwtAuthorizerOptions,
): BoundWebSocketAuthorizer {
  const { scope, prop, id } = context;
  checkStruct(scope, prop, options, WEBSOCKET_JWT_AUTHORIZER_OPTIONS, true);
  const name = options.tokenQueryString ?? DEFAULT_TOKEN_QUERY_STRING;
  checkSourceName(scope, `${prop}.tokenQueryString`, name, {
    kind: 'querystring',
    pattern: QUERY_STRING_NAME,
    expected: "a query string parameter name of letters, digits, '.', '_' and '-', e.g. 'token'",
    errorId: 'InvalidTokenQueryString',
  });
  const config = jwtConfig(scope, prop, options, { in: 'query', name });
  const handler = createJwtAuthorizerFunction(scope, `${id}Function`, config, options.logRetention);
  return {
    ...requestAuthorizer(context, handler, [`route.request.querystring.${name}`]),
    providesUsageIdentifierKey: options.usageIdentifierClaim !== undefined,
    description: 'the bundled JWT authorizer',
  };
}
