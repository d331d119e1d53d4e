import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { NagSuppression } from './nag-suppressions';

/** What an authorizer needs to create its resources for one REST API. */
export interface RestAuthorizerBindContext {
  /** Where the authorizer's constructs go (the API construct). */
  readonly scope: Construct;
  readonly restApi: apigateway.RestApi;
  /** Construct id for the authorizer, stable across declaration order. */
  readonly id: string;
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
  /** The header a browser sends credentials in, added to the CORS allow-list. */
  readonly identityHeader?: string;
  /** Why methods behind this authorizer do not use a Cognito authorizer (AwsSolutions-COG4). */
  readonly methodNagSuppressions: NagSuppression[];
}

/** Records an authorizer's configuration in the deployment hash, so a change to it redeploys the stage. */
export function addAuthorizerToDeployment(restApi: apigateway.RestApi, id: string, config: object): void {
  restApi.latestDeployment?.addToLogicalId({ authorizer: { id, ...config } });
}

/** Runs `create` once, on the first call. */
export function once<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= create();
    return value;
  };
}
