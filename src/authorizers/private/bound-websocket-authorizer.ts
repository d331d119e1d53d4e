import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** What an authorizer needs to create its resources for one WebSocket API. */
export interface WebSocketAuthorizerBindContext {
  /** Where the authorizer's constructs go (the API construct). */
  readonly scope: Construct;
  readonly webSocketApi: apigatewayv2.IWebSocketApi;
  /** Construct id of the authorizer; the API has one, on `$connect`. */
  readonly id: string;
  /** The prop that gave the authorizer, e.g. `authorizer` or `routes['$connect'].authorizer`, for messages. */
  readonly prop: string;
}

/** The `AuthorizationType` of the `$connect` route behind an authorizer. */
export type WebSocketAuthorizationType = 'AWS_IAM' | 'CUSTOM';

/** An authorizer after it was created for one API. */
export interface BoundWebSocketAuthorizer {
  readonly authorizationType: WebSocketAuthorizationType;
  /** What the `$connect` route binds to. */
  readonly routeAuthorizer: apigatewayv2.IWebSocketRouteAuthorizer;
  /** The function of a Lambda REQUEST authorizer (the user's, or the bundled JWT authorizer). */
  readonly function?: lambda.IFunction;
  /**
   * Whether the authorizer can return `usageIdentifierKey`, the API key an API whose key source is AUTHORIZER meters
   * connections with: a Lambda authorizer (its code may return it), or the JWT authorizer with `usageIdentifierClaim`.
   */
  readonly providesUsageIdentifierKey: boolean;
  /** The authorizer as messages name it, e.g. `IAM` or `a Lambda REQUEST authorizer`. */
  readonly description: string;
}
