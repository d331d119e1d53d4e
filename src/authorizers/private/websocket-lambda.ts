import { Token } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { WebSocketLambdaAuthorizerOptions } from '../websocket-authorizer-options';
import { WEBSOCKET_LAMBDA_AUTHORIZER_OPTIONS } from './authorizer-option-schemas';
import type { BoundWebSocketAuthorizer, WebSocketAuthorizerBindContext } from './bound-websocket-authorizer';
import { lambdaInvocationUri } from '../../private/arns';
import { check } from '../../private/errors';
import { identitySourceSuggestion } from '../../private/identity-source';
import { allowInvokeThroughAuthorizer } from '../../private/lambda-permissions';
import { checkStruct } from '../../private/prop-types';

/** The identity sources API Gateway accepts on WebSocket REQUEST authorizers. */
const IDENTITY_SOURCE = /^(route\.request\.(header|querystring)\.[A-Za-z0-9._-]+|stageVariables\.[A-Za-z0-9._-]+|context\.[A-Za-z0-9._-]+)$/;

export function bindWebSocketLambdaAuthorizer(
  context: WebSocketAuthorizerBindContext, handler: lambda.IFunction, options: WebSocketLambdaAuthorizerOptions,
): BoundWebSocketAuthorizer {
  const { scope, prop } = context;
  checkStruct(scope, prop, options ?? {}, WEBSOCKET_LAMBDA_AUTHORIZER_OPTIONS, true);
  for (const source of options.identitySources) {
    check(Token.isUnresolved(source) || IDENTITY_SOURCE.test(source), scope, 'InvalidIdentitySource', () =>
      `${prop}.identitySources has '${source}'; WebSocket authorizers read 'route.request.header.<name>', 'route.request.querystring.<name>', 'stageVariables.<name>' or 'context.<variable>'${identitySourceSuggestion('WebSocket', source)}`);
  }
  return {
    ...requestAuthorizer(context, handler, options.identitySources),
    providesUsageIdentifierKey: true,
    description: 'a Lambda REQUEST authorizer',
  };
}

/**
 * Creates the `AWS::ApiGatewayV2::Authorizer` of type REQUEST for `handler` and lets API Gateway invoke the function
 * through that authorizer only.
 */
export function requestAuthorizer(context: WebSocketAuthorizerBindContext, handler: lambda.IFunction, identitySources: string[]) {
  const { scope, webSocketApi, id } = context;
  const authorizer = new apigatewayv2.WebSocketAuthorizer(scope, id, {
    webSocketApi,
    type: apigatewayv2.WebSocketAuthorizerType.LAMBDA,
    identitySource: identitySources,
    authorizerUri: lambdaInvocationUri(scope, handler),
  });
  if (identitySources.length === 0) {
    // Optional for REQUEST authorizers; an empty list is not a valid value.
    (authorizer.node.defaultChild as apigatewayv2.CfnAuthorizer).identitySource = undefined;
  }
  allowInvokeThroughAuthorizer(scope, `${id}InvokePermission`, handler, webSocketApi.apiId, authorizer.authorizerId);
  const routeAuthorizer: apigatewayv2.IWebSocketRouteAuthorizer = {
    bind: () => ({ authorizationType: 'CUSTOM', authorizerId: authorizer.authorizerId }),
  };
  return { authorizationType: 'CUSTOM' as const, routeAuthorizer, function: handler };
}
