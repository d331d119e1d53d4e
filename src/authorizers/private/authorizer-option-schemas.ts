import { HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import { DURATION, RETENTION } from '../../private/option-schemas';
import { BOOLEAN, construct, listOf, object, oneOf, PropsSchema, required, STRING, STRINGS, StructSchema } from '../../private/prop-types';
import type { HttpCognitoAuthorizerOptions, HttpJwtAuthorizerOptions, HttpLambdaAuthorizerOptions } from '../http-authorizer-options';
import { JwtTokenUse } from '../jwt-token-use';
import type { JwtVerificationOptions } from '../jwt-verification-options';
import type { CognitoAuthorizerOptions, JwtAuthorizerOptions, RequestAuthorizerOptions, TokenAuthorizerOptions } from '../rest-authorizer-options';
import type { WebSocketJwtAuthorizerOptions, WebSocketLambdaAuthorizerOptions } from '../websocket-authorizer-options';

// The options of the authorizers, checked when an API binds them; values beyond their types (an issuer URL, a
// claim name) are checked by each authorizer's own validation.
const USER_POOL = construct<cognito.IUserPool>('a Cognito user pool (cognito.IUserPool)', 'userPoolId');
const USER_POOL_PROPS = object<cognito.UserPoolProps>('an object of cognito.UserPoolProps');

/** What the bundled JWT authorizer verifies, the same for REST and WebSocket APIs. */
const JWT_VERIFICATION_PROPS: PropsSchema<JwtVerificationOptions> = {
  userPool: USER_POOL,
  issuer: STRING,
  jwksUri: STRING,
  audience: STRINGS,
  clientIds: STRINGS,
  tokenUse: oneOf(JwtTokenUse, 'JwtTokenUse'),
  requireExpiration: BOOLEAN,
  requiredScopes: STRINGS,
  contextClaims: STRINGS,
  usageIdentifierClaim: STRING,
  logRetention: RETENTION,
};

export const JWT_AUTHORIZER_OPTIONS: StructSchema<JwtAuthorizerOptions> = {
  name: 'JwtAuthorizerOptions',
  props: { ...JWT_VERIFICATION_PROPS, identityHeader: STRING, resultsCacheTtl: DURATION },
};

export const WEBSOCKET_JWT_AUTHORIZER_OPTIONS: StructSchema<WebSocketJwtAuthorizerOptions> = {
  name: 'WebSocketJwtAuthorizerOptions',
  props: { ...JWT_VERIFICATION_PROPS, tokenQueryString: STRING },
};

export const TOKEN_AUTHORIZER_OPTIONS: StructSchema<TokenAuthorizerOptions> = {
  name: 'TokenAuthorizerOptions',
  props: { identityHeader: STRING, validationRegex: STRING, resultsCacheTtl: DURATION },
};

export const REQUEST_AUTHORIZER_OPTIONS: StructSchema<RequestAuthorizerOptions> = {
  name: 'RequestAuthorizerOptions',
  props: {
    identitySources: required(STRINGS, {
      errorId: 'InvalidIdentitySource',
      expected: "a list built with apigateway.IdentitySource, e.g. [apigateway.IdentitySource.header('Authorization')]",
    }),
    resultsCacheTtl: DURATION,
  },
};

export const COGNITO_AUTHORIZER_OPTIONS: StructSchema<CognitoAuthorizerOptions> = {
  name: 'CognitoAuthorizerOptions',
  props: { userPool: USER_POOL, userPoolProps: USER_POOL_PROPS, identityHeader: STRING, resultsCacheTtl: DURATION },
};

export const HTTP_JWT_AUTHORIZER_OPTIONS: StructSchema<HttpJwtAuthorizerOptions> = {
  name: 'HttpJwtAuthorizerOptions',
  props: {
    userPool: USER_POOL,
    issuer: STRING,
    audience: required(STRINGS, {
      errorId: 'JwtAudience',
      expected: 'the audiences whose tokens are accepted (for a Cognito user pool, the app client ids), e.g. [client.userPoolClientId]',
    }),
    identitySource: STRING,
  },
};

export const HTTP_COGNITO_AUTHORIZER_OPTIONS: StructSchema<HttpCognitoAuthorizerOptions> = {
  name: 'HttpCognitoAuthorizerOptions',
  props: {
    userPool: USER_POOL,
    userPoolClients: listOf(construct<cognito.IUserPoolClient>('an app client (cognito.IUserPoolClient)', 'userPoolClientId'),
      'a list of app clients (cognito.IUserPoolClient)'),
    userPoolProps: USER_POOL_PROPS,
  },
};

export const HTTP_LAMBDA_AUTHORIZER_OPTIONS: StructSchema<HttpLambdaAuthorizerOptions> = {
  name: 'HttpLambdaAuthorizerOptions',
  props: { responseType: oneOf(HttpLambdaResponseType, 'HttpLambdaResponseType'), identitySources: STRINGS, resultsCacheTtl: DURATION },
};

export const WEBSOCKET_LAMBDA_AUTHORIZER_OPTIONS: StructSchema<WebSocketLambdaAuthorizerOptions> = {
  name: 'WebSocketLambdaAuthorizerOptions',
  props: {
    identitySources: required(STRINGS, {
      errorId: 'InvalidIdentitySource',
      expected: "a list such as ['route.request.querystring.token'] (an empty list invokes the function for every connection)",
    }),
  },
};
