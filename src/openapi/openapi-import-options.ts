import * as lambda from 'aws-cdk-lib/aws-lambda';
import { OpenApiDefinition } from './openapi-definition';
import { HttpApiAuthorizer } from '../authorizers/http-authorizer';
import { RestAuthorizer } from '../authorizers/rest-authorizer';

/** The OpenAPI document a REST API is built from, and what its operations and security schemes are bound to. */
export interface RestOpenApiOptions {
  /** The OpenAPI 3 document: each operation becomes a route, its required parameters and JSON body are validated. */
  readonly definition: OpenApiDefinition;
  /** The function serving each operation, by `operationId`; every operation needs one. */
  readonly handlers: { [operationId: string]: lambda.IFunction };
  /**
   * The authorizer of each security scheme the operations require, by scheme name. A scheme with
   * `x-amazon-apigateway-authtype: awsSigv4` is IAM authorization, and an `apiKey` scheme for the `x-api-key` header
   * is an API key requirement: neither needs an entry.
   * @default - no scheme other than IAM and API keys can be required
   */
  readonly authorizers?: { [securitySchemeName: string]: RestAuthorizer };
}

/** The OpenAPI document an HTTP API is built from, and what its operations and security schemes are bound to. */
export interface HttpOpenApiOptions {
  /** The OpenAPI 3 document: each operation becomes a route (`/$default` with any method is the `$default` route). */
  readonly definition: OpenApiDefinition;
  /** The function serving each operation, by `operationId`; every operation needs one. */
  readonly handlers: { [operationId: string]: lambda.IFunction };
  /**
   * The authorizer of each security scheme the operations require, by scheme name. A scheme with
   * `x-amazon-apigateway-authtype: awsSigv4` is IAM authorization and needs no entry.
   * @default - no scheme other than IAM can be required
   */
  readonly authorizers?: { [securitySchemeName: string]: HttpApiAuthorizer };
}
