import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { CognitoAuthorizerOptions } from '../rest-authorizer-options';
import { COGNITO_AUTHORIZER_OPTIONS } from './authorizer-option-schemas';
import { headerTokenSettings } from './authorizer-settings';
import { BoundRestAuthorizer, lazyAuthorizer, RestAuthorizerBindContext } from './bound-rest-authorizer';
import { createSecureUserPool } from './secure-user-pool';
import { checkStruct } from '../../private/prop-types';

export function bindCognitoAuthorizer(context: RestAuthorizerBindContext, options: CognitoAuthorizerOptions): BoundRestAuthorizer {
  const { scope, restApi, id } = context;
  checkStruct(scope, id, options, COGNITO_AUTHORIZER_OPTIONS, true);
  const { identityHeader, identitySource, resultsCacheTtl } = headerTokenSettings(scope, id, options);

  const createdPool = options.userPool ? undefined : createSecureUserPool(scope, `${id}UserPool`, options.userPoolProps);
  const userPool = options.userPool ?? createdPool!.userPool;
  const authorizer = lazyAuthorizer(restApi, id, {
    type: 'COGNITO_USER_POOLS',
    userPool: userPool.userPoolArn,
    identityHeader,
    resultsCacheTtl: resultsCacheTtl.toSeconds(),
  }, () => new apigateway.CognitoUserPoolsAuthorizer(scope, id, { cognitoUserPools: [userPool], identitySource, resultsCacheTtl }));
  return {
    authorizationType: apigateway.AuthorizationType.COGNITO,
    authorizer,
    supportsScopes: true,
    userPool,
    userPoolClient: createdPool?.client,
    methodNagSuppressions: [],
  };
}
