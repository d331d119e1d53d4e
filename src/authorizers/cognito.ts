import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { headerTokenSettings } from './authorizer-settings';
import { COGNITO_AUTHORIZER_OPTIONS } from '../private/authorizer-option-schemas';
import { BoundRestAuthorizer, lazyAuthorizer, RestAuthorizerBindContext } from '../private/bound-rest-authorizer';
import { checkStruct } from '../private/prop-types';
import { createSecureUserPool } from '../private/secure-user-pool';

/** Options for a Cognito user pool authorizer. */
export interface CognitoAuthorizerOptions {
  /**
   * The user pool whose tokens are accepted.
   * @default - a new pool with secure defaults: admin-created users only, 12-character passwords with all
   * character classes, required TOTP MFA, the Plus feature plan with full threat protection, retained on deletion,
   * and one public client (no secret, SRP sign-in)
   */
  readonly userPool?: cognito.IUserPool;
  /**
   * Overrides for the pool the construct creates; ignored when `userPool` is given.
   * @default - the secure defaults described on `userPool`
   */
  readonly userPoolProps?: cognito.UserPoolProps;
  /**
   * The header carrying the token.
   * @default 'Authorization'
   */
  readonly identityHeader?: string;
  /**
   * How long API Gateway caches the authorizer's decision; 0 disables caching.
   * @default Duration.minutes(5)
   */
  readonly resultsCacheTtl?: Duration;
}

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
