import { WebSocketIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { BoundWebSocketAuthorizer, WebSocketAuthorizerBindContext } from './private/bound-websocket-authorizer';
import { bindWebSocketJwtAuthorizer } from './private/websocket-jwt';
import { bindWebSocketLambdaAuthorizer } from './private/websocket-lambda';
import { WebSocketJwtAuthorizerOptions, WebSocketLambdaAuthorizerOptions } from './websocket-authorizer-options';

type Binder = (context: WebSocketAuthorizerBindContext) => BoundWebSocketAuthorizer;

/**
 * How a WebSocket API authorizes connections: a bind-object for the `$connect` route, the only route API Gateway
 * authorizes. Every later message of the connection is trusted, and the authorizer's context is passed to every route
 * in `requestContext.authorizer`.
 */
export class WebSocketApiAuthorizer {
  /**
   * SigV4-signed handshakes, authorized by IAM identity policies allowing `execute-api:Invoke` on the `$connect` route;
   * grant it with `grantConnect`.
   */
  public static iam(): WebSocketApiAuthorizer {
    return new WebSocketApiAuthorizer(() => ({
      authorizationType: 'AWS_IAM',
      routeAuthorizer: new WebSocketIamAuthorizer(),
      providesUsageIdentifierKey: false,
      description: 'IAM',
    }));
  }

  /**
   * A Lambda REQUEST authorizer running your function on headers, query strings, stage variables or context of the
   * handshake; it returns an IAM policy allowing or denying `execute-api:Invoke` on the `methodArn` it receives.
   */
  public static request(handler: lambda.IFunction, options: WebSocketLambdaAuthorizerOptions): WebSocketApiAuthorizer {
    return new WebSocketApiAuthorizer((context) => bindWebSocketLambdaAuthorizer(context, handler, options));
  }

  /**
   * The bundled JWT authorizer (aws-jwt-verify), reading the token from a query string parameter: verifies tokens of
   * a Cognito user pool or any OIDC issuer (signature, issuer, audience or client id, expiry, token use, scopes).
   */
  public static jwt(options: WebSocketJwtAuthorizerOptions): WebSocketApiAuthorizer {
    return new WebSocketApiAuthorizer((context) => bindWebSocketJwtAuthorizer(context, options));
  }

  private readonly binder: Binder;

  private constructor(binder: Binder) {
    this.binder = binder;
  }

  /** @internal */
  public _bind(context: WebSocketAuthorizerBindContext): BoundWebSocketAuthorizer {
    return this.binder(context);
  }
}
