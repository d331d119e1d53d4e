import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** What an authorizer needs to create its resources for one HTTP API. */
export interface HttpAuthorizerBindContext {
  /** Where the authorizer's constructs go (the API construct). */
  readonly scope: Construct;
  readonly httpApi: apigatewayv2.HttpApi;
  /** Construct id for the authorizer, stable across declaration order; also the prefix of its error messages. */
  readonly id: string;
}

/** The `AuthorizationType` of an `AWS::ApiGatewayV2::Route` behind an authorizer. */
export type HttpAuthorizationType = 'AWS_IAM' | 'JWT' | 'CUSTOM';

/** An authorizer after it was created for one API. */
export interface BoundHttpAuthorizer {
  readonly authorizationType: HttpAuthorizationType;
  /** What routes bind to; the `AWS::ApiGatewayV2::Authorizer`, if any, is created by the first route that does. */
  readonly routeAuthorizer: apigatewayv2.IHttpRouteAuthorizer;
  /** The authorizer resource once a route uses it; undefined for IAM authorization, which has none. */
  readonly created: () => apigatewayv2.HttpAuthorizer | undefined;
  /** Only JWT authorizers (for any issuer or a Cognito user pool) check per-route OAuth scopes on HTTP APIs. */
  readonly supportsScopes: boolean;
  readonly userPool?: cognito.IUserPool;
  readonly userPoolClient?: cognito.IUserPoolClient;
  readonly function?: lambda.IFunction;
}

/**
 * Defers `create` to the first route that uses the authorizer, so that an API whose routes are all public or
 * authorized otherwise has no unused authorizer, while the resources it verifies with (user pool, function) exist from
 * the start.
 */
export function lazyHttpAuthorizer(authorizationType: HttpAuthorizationType, create: () => apigatewayv2.HttpAuthorizer) {
  let authorizer: apigatewayv2.HttpAuthorizer | undefined;
  const routeAuthorizer: apigatewayv2.IHttpRouteAuthorizer = {
    bind: () => {
      authorizer ??= create();
      return { authorizationType, authorizerId: authorizer.authorizerId };
    },
  };
  return { authorizationType, routeAuthorizer, created: () => authorizer };
}
