import { Names } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { HttpCognitoAuthorizerOptions, HttpJwtAuthorizerOptions, HttpLambdaAuthorizerOptions } from './http-authorizer-options';
import type { BoundHttpAuthorizer, HttpAuthorizerBindContext } from './private/bound-http-authorizer';
import { bindHttpCognitoAuthorizer, bindHttpJwtAuthorizer } from './private/http-jwt';
import { bindHttpLambdaAuthorizer } from './private/http-lambda';
import { jwtIssuerIdentity } from './private/jwt-issuer';

type Binder = (context: HttpAuthorizerBindContext) => BoundHttpAuthorizer;

/**
 * How an HTTP API route is authorized: a bind-object attached to routes, created once per API on first use.
 *
 * Pass one as the API's default `authorizer`, or as a route's `authorizer` to override it.
 */
export class HttpApiAuthorizer {
  /** SigV4-signed requests, authorized by IAM identity policies; grant access with `grantInvoke` or `grantInvokeRoute`. */
  public static iam(): HttpApiAuthorizer {
    return HttpApiAuthorizer.IAM;
  }

  /**
   * API Gateway's native JWT authorizer: verifies the token's signature with the issuer's published keys, its issuer,
   * audience (`aud`, or `client_id` when there is no `aud`), expiry and not-before time, and per-route scopes.
   */
  public static jwt(options: HttpJwtAuthorizerOptions): HttpApiAuthorizer {
    return new HttpApiAuthorizer(`Jwt${jwtIssuerIdentity(options)}`, (context) => bindHttpJwtAuthorizer(context, options));
  }

  /** The native JWT authorizer for the tokens of a Cognito user pool; the pool is yours, or created with secure defaults. */
  public static cognito(options: HttpCognitoAuthorizerOptions = {}): HttpApiAuthorizer {
    return new HttpApiAuthorizer(`Cognito${options.userPool ? Names.nodeUniqueId(options.userPool.node) : ''}`,
      (context) => bindHttpCognitoAuthorizer(context, options));
  }

  /** A Lambda authorizer of the REQUEST type (as on REST APIs) running your function on headers, query strings, context or stage variables. */
  public static request(handler: lambda.IFunction, options: HttpLambdaAuthorizerOptions = {}): HttpApiAuthorizer {
    return new HttpApiAuthorizer(`Lambda${Names.nodeUniqueId(handler.node)}`, (context) => bindHttpLambdaAuthorizer(context, handler, options));
  }

  /** One object: IAM authorization creates nothing, so any number of routes may ask for it anew. */
  private static readonly IAM = new HttpApiAuthorizer('Iam', () => ({
    authorizationType: 'AWS_IAM',
    routeAuthorizer: new HttpIamAuthorizer(),
    created: () => undefined,
    supportsScopes: false,
  }));

  /**
   * Names the authorizer's constructs: derived from what it verifies with, never from declaration order,
   * so that adding a route does not replace another route's authorizer.
   * @internal
   */
  public readonly _identity: string;
  private readonly binder: Binder;

  private constructor(identity: string, binder: Binder) {
    this._identity = identity;
    this.binder = binder;
  }

  /** @internal */
  public _bind(scope: Construct, httpApi: apigatewayv2.HttpApi, id: string): BoundHttpAuthorizer {
    return this.binder({ scope, httpApi, id });
  }
}
