import { Token } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { IConstruct } from 'constructs';
import { HttpCognitoAuthorizerOptions, HttpJwtAuthorizerOptions } from '../http-authorizer-options';
import { HTTP_COGNITO_AUTHORIZER_OPTIONS, HTTP_JWT_AUTHORIZER_OPTIONS } from './authorizer-option-schemas';
import { BoundHttpAuthorizer, HttpAuthorizerBindContext, lazyHttpAuthorizer } from './bound-http-authorizer';
import { resolveJwtIssuer, userPoolIssuer } from './jwt-issuer';
import { createSecureUserPool, createUserPoolClient } from './secure-user-pool';
import { check } from '../../private/errors';
import { identitySourceSuggestion } from '../../private/identity-source';
import { checkStruct } from '../../private/prop-types';

const DEFAULT_TOKEN_SOURCE = '$request.header.Authorization';
/** API Gateway reads a JWT from one header or one query string parameter. */
const TOKEN_SOURCE = /^\$request\.(header|querystring)\.[^\s,]+$/;

export function bindHttpJwtAuthorizer(context: HttpAuthorizerBindContext, options: HttpJwtAuthorizerOptions): BoundHttpAuthorizer {
  checkStruct(context.scope, context.id, options, HTTP_JWT_AUTHORIZER_OPTIONS, true);
  const issuer = resolveJwtIssuer(context.scope, context.id, options);
  return { ...nativeJwtAuthorizer(context, issuer, options.audience, options.identitySource), userPool: options.userPool };
}

export function bindHttpCognitoAuthorizer(context: HttpAuthorizerBindContext, options: HttpCognitoAuthorizerOptions): BoundHttpAuthorizer {
  const { scope, id } = context;
  checkStruct(scope, id, options, HTTP_COGNITO_AUTHORIZER_OPTIONS, true);
  const createdPool = options.userPool ? undefined : createSecureUserPool(scope, `${id}UserPool`, options.userPoolProps);
  const userPool = options.userPool ?? createdPool!.userPool;
  const createdClient = options.userPoolClients ? undefined : createdPool?.client ?? createUserPoolClient(scope, `${id}Client`, userPool);
  const clients = options.userPoolClients ?? [createdClient!];
  return {
    ...nativeJwtAuthorizer(context, userPoolIssuer(userPool), clients.map((client) => client.userPoolClientId), undefined, 'userPoolClients'),
    userPool,
    userPoolClient: createdClient,
  };
}

function nativeJwtAuthorizer(
  context: HttpAuthorizerBindContext, issuer: string, audience: string[], identitySource = DEFAULT_TOKEN_SOURCE, audienceProp = 'audience',
): BoundHttpAuthorizer {
  const { scope, httpApi, id } = context;
  check(audience.length > 0, scope, 'JwtAudience', () =>
    `${id}.${audienceProp} is empty; list the audiences (for a Cognito user pool, the app client ids) whose tokens are accepted`);
  checkTokenSource(scope, `${id}.identitySource`, identitySource);
  return {
    ...lazyHttpAuthorizer('JWT', () => new apigatewayv2.HttpAuthorizer(scope, id, {
      httpApi,
      type: apigatewayv2.HttpAuthorizerType.JWT,
      identitySource: [identitySource],
      jwtIssuer: issuer,
      jwtAudience: audience,
    })),
    supportsScopes: true,
  };
}

function checkTokenSource(scope: IConstruct, prop: string, source: string): void {
  check(Token.isUnresolved(source) || TOKEN_SOURCE.test(source), scope, 'InvalidIdentitySource', () =>
    `${prop} is '${source}'; a JWT authorizer reads the token from one header or query string parameter: '$request.header.<name>' or '$request.querystring.<name>'${identitySourceSuggestion('HTTP', source, ['header', 'querystring'])}`);
}
