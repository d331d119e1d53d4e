import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { NagSuppression } from '../../private/nag-suppressions';

/** What an authorizer needs to create its resources for one REST API. */
export interface RestAuthorizerBindContext {
  /** Where the authorizer's constructs go (the API construct). */
  readonly scope: Construct;
  readonly restApi: apigateway.RestApi;
  /** Construct id for the authorizer, stable across declaration order. */
  readonly id: string;
  /**
   * The key the API encrypts its log groups with (the hardened profile): functions the authorizer deploys encrypt
   * their log groups with it too.
   * @default - their log groups are encrypted by CloudWatch Logs with a key it owns
   */
  readonly logEncryptionKey?: kms.IKey;
}

/** An authorizer after it was created for one API. */
export interface BoundRestAuthorizer {
  readonly authorizationType: apigateway.AuthorizationType;
  /**
   * Creates the API Gateway authorizer on first use: aws-cdk-lib refuses to synthesize an authorizer no method uses,
   * while the resources it verifies with (user pool, function) exist from the start.
   */
  readonly authorizer?: () => apigateway.IAuthorizer;
  /** Only Cognito user pool authorizers check per-route OAuth scopes on REST APIs. */
  readonly supportsScopes: boolean;
  readonly userPool?: cognito.IUserPool;
  readonly userPoolClient?: cognito.IUserPoolClient;
  readonly function?: lambda.IFunction;
  /**
   * Whether the authorizer can return `usageIdentifierKey`, the API key that an API whose key source is AUTHORIZER
   * meters callers with: Lambda TOKEN and REQUEST authorizers (their code may return it) and the JWT authorizer with
   * `usageIdentifierClaim`. Cognito and IAM authorizers never do.
   * @default false
   */
  readonly providesUsageIdentifierKey?: boolean;
  /** Why methods behind this authorizer do not use a Cognito authorizer (AwsSolutions-COG4). */
  readonly methodNagSuppressions: NagSuppression[];
}

/**
 * Defers `create` to the first route that uses the authorizer, and records `deploymentConfig` in the deployment
 * hash at that moment, so that a change to the authorizer's settings redeploys the stage.
 */
export function lazyAuthorizer(
  restApi: apigateway.RestApi, id: string, deploymentConfig: object, create: () => apigateway.IAuthorizer,
): () => apigateway.IAuthorizer {
  let authorizer: apigateway.IAuthorizer | undefined;
  return () => {
    if (!authorizer) {
      authorizer = create();
      restApi.latestDeployment?.addToLogicalId({ authorizer: { id, ...deploymentConfig } });
    }
    return authorizer;
  };
}
