import { Names } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { BoundRestAuthorizer, RestAuthorizerBindContext } from './private/bound-rest-authorizer';
import { jwtIssuerIdentity } from './private/jwt-issuer';
import { bindCognitoAuthorizer } from './private/rest-cognito';
import { bindIamAuthorizer } from './private/rest-iam';
import { bindJwtAuthorizer } from './private/rest-jwt';
import { bindRequestAuthorizer, bindTokenAuthorizer } from './private/rest-lambda';
import { CognitoAuthorizerOptions, JwtAuthorizerOptions, RequestAuthorizerOptions, TokenAuthorizerOptions } from './rest-authorizer-options';

type Binder = (context: RestAuthorizerBindContext) => BoundRestAuthorizer;

/**
 * How a REST API route is authorized: a bind-object attached to routes, created once per API on first use.
 *
 * Pass one as the API's default `authorizer`, or as a route's `authorizer` to override it.
 */
export class RestAuthorizer {
  /** SigV4-signed requests, authorized by IAM identity policies; grant access with `grantInvoke`. */
  public static iam(): RestAuthorizer {
    return new RestAuthorizer('Iam', bindIamAuthorizer);
  }

  /** A Cognito user pool authorizer; the pool is yours, or created with secure defaults. */
  public static cognito(options: CognitoAuthorizerOptions = {}): RestAuthorizer {
    return new RestAuthorizer(`Cognito${options.userPool ? Names.nodeUniqueId(options.userPool.node) : ''}`, (context) => bindCognitoAuthorizer(context, options));
  }

  /** A Lambda TOKEN authorizer running your function on the token from one header. */
  public static token(handler: lambda.IFunction, options: TokenAuthorizerOptions = {}): RestAuthorizer {
    return new RestAuthorizer(`Token${Names.nodeUniqueId(handler.node)}`, (context) => bindTokenAuthorizer(context, handler, options));
  }

  /** A Lambda REQUEST authorizer running your function on headers, query strings, stage variables or context. */
  public static request(handler: lambda.IFunction, options: RequestAuthorizerOptions): RestAuthorizer {
    return new RestAuthorizer(`Request${Names.nodeUniqueId(handler.node)}`, (context) => bindRequestAuthorizer(context, handler, options));
  }

  /**
   * The bundled JWT authorizer: verifies tokens of a Cognito user pool or any OIDC issuer (signature, issuer,
   * audience or client id, expiry, token use, scopes) with the aws-jwt-verify library.
   */
  public static jwt(options: JwtAuthorizerOptions): RestAuthorizer {
    return new RestAuthorizer(`Jwt${jwtIssuerIdentity(options)}`, (context) => bindJwtAuthorizer(context, options));
  }

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
  public _bind(scope: Construct, restApi: apigateway.RestApi, id: string, logEncryptionKey?: kms.IKey): BoundRestAuthorizer {
    return this.binder({ scope, restApi, id, logEncryptionKey });
  }
}
