import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { lambdaInvocationUri } from '../../private/arns';

/**
 * An integration whose `AWS::ApiGatewayV2::Integration` is created under `scope` with the id given, instead of under
 * the first route that uses it, so that its logical id does not depend on the order in which routes are declared.
 */
abstract class ScopedWebSocketIntegration extends apigatewayv2.WebSocketRouteIntegration {
  private created?: string;

  constructor(id: string, private readonly scope: Construct) {
    super(id);
  }

  /** The integration's id once a route has bound it. */
  public get integrationId(): string | undefined {
    return this.created;
  }

  /** @internal */
  public _bindToRoute(options: apigatewayv2.WebSocketRouteIntegrationBindOptions): { readonly integrationId: string } {
    const result = super._bindToRoute({ route: options.route, scope: this.scope });
    this.created = result.integrationId;
    return result;
  }
}

/**
 * A Lambda proxy (AWS_PROXY) integration that adds no permission: the API grants each function one permission for
 * all its routes, where aws-cdk-lib's `WebSocketLambdaIntegration` adds one per route.
 */
export class WebSocketLambdaProxyIntegration extends ScopedWebSocketIntegration {
  constructor(id: string, scope: Construct, private readonly handler: lambda.IFunction) {
    super(id, scope);
  }

  public bind(options: apigatewayv2.WebSocketRouteIntegrationBindOptions): apigatewayv2.WebSocketRouteIntegrationConfig {
    return { type: apigatewayv2.WebSocketIntegrationType.AWS_PROXY, uri: lambdaInvocationUri(options.route, this.handler) };
  }
}

/**
 * The `$connect` integration of an API that has no `$connect` handler: a MOCK integration answering 200, so that API
 * Gateway accepts every connection the route's authorizer allowed, without invoking any function. API Gateway
 * accepts a WebSocket connection when its `$connect` integration succeeds; a MOCK integration takes its status code
 * from the `statusCode` its request template renders (here always 200), and the `$default` integration response
 * (added by `acceptConnectionsResponse`) maps that status to the integration's response. `$connect` has no body, so
 * the template is selected with the literal `\$default`.
 */
export class AcceptConnectionsIntegration extends ScopedWebSocketIntegration {
  public bind(_options: apigatewayv2.WebSocketRouteIntegrationBindOptions): apigatewayv2.WebSocketRouteIntegrationConfig {
    return {
      type: apigatewayv2.WebSocketIntegrationType.MOCK,
      uri: '',
      requestTemplates: { $default: JSON.stringify({ statusCode: 200 }) },
      templateSelectionExpression: '\\$default',
    };
  }
}

/** The integration response every status of the accepting MOCK integration maps to. */
export function acceptConnectionsResponse(
  scope: Construct, id: string, webSocketApi: apigatewayv2.IWebSocketApi, integration: AcceptConnectionsIntegration,
): apigatewayv2.CfnIntegrationResponse {
  return new apigatewayv2.CfnIntegrationResponse(scope, id, {
    apiId: webSocketApi.apiId,
    integrationId: integration.integrationId!,
    integrationResponseKey: '$default',
  });
}
