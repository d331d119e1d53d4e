import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { headerTokenSettings } from './authorizer-settings';
import type { JwtAuthorizerOptions } from '../rest-authorizer-options';
import { JWT_AUTHORIZER_OPTIONS } from './authorizer-option-schemas';
import { BoundRestAuthorizer, lazyAuthorizer, RestAuthorizerBindContext } from './bound-rest-authorizer';
import { createJwtAuthorizerFunction, jwtConfig } from './jwt-authorizer-function';
import { checkStruct } from '../../private/prop-types';

export function bindJwtAuthorizer(context: RestAuthorizerBindContext, options: JwtAuthorizerOptions): BoundRestAuthorizer {
  const { scope, restApi, id } = context;
  checkStruct(scope, id, options, JWT_AUTHORIZER_OPTIONS, true);
  const { identityHeader, identitySource, resultsCacheTtl } = headerTokenSettings(scope, id, options);
  const config = jwtConfig(scope, id, options);

  const handler = createJwtAuthorizerFunction(scope, `${id}Function`, config, options.logRetention, context.logEncryptionKey);
  const authorizer = lazyAuthorizer(restApi, id, {
    type: 'JWT',
    identityHeader,
    resultsCacheTtl: resultsCacheTtl.toSeconds(),
  }, () => new apigateway.TokenAuthorizer(scope, id, { handler, identitySource, resultsCacheTtl }));
  return {
    authorizationType: apigateway.AuthorizationType.CUSTOM,
    authorizer,
    supportsScopes: false,
    function: handler,
    userPool: options.userPool,
    providesUsageIdentifierKey: options.usageIdentifierClaim !== undefined,
    methodNagSuppressions: [{
      id: 'AwsSolutions-COG4',
      reason: 'The method is protected by the bundled JWT authorizer, which verifies the token signature against the issuer\'s JWKS and checks iss, aud or client_id, exp, nbf, token_use and scopes with aws-jwt-verify; cdk-nag only recognises the COGNITO_USER_POOLS authorizer type.',
    }],
  };
}
