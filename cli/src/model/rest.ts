import type { ResourceOrigin } from '.';
import type { RestIntegrationModel } from './rest-integrations';

/** A REST API (API Gateway v1): its resources and methods, authorizers, gateway responses and stages. */
export interface RestApiModel {
  readonly origin: ResourceOrigin;
  readonly name: string;
  /** Local id, 10 lowercase letters and digits, stable across runs for the same stack and logical id. */
  readonly apiId: string;
  /** `ApiKeySourceType`, default HEADER. */
  readonly apiKeySource: 'HEADER' | 'AUTHORIZER';
  /** `BinaryMediaTypes`, e.g. `image/png`, `*\/*`. */
  readonly binaryMediaTypes: readonly string[];
  /** Every resource, the root (`/`) included, with its full path. */
  readonly resources: readonly RestResourceModel[];
  /** Keyed by the authorizer's local id (what `Method.AuthorizerId` resolves to). */
  readonly authorizers: ReadonlyMap<string, RestAuthorizerModel>;
  /** `AWS::ApiGateway::GatewayResponse`s of this API, keyed by response type (`DEFAULT_4XX`, `UNAUTHORIZED`, ...). */
  readonly gatewayResponses: ReadonlyMap<string, GatewayResponseModel>;
  /** Keyed by the request validator's local id. */
  readonly requestValidators: ReadonlyMap<string, RequestValidatorModel>;
  /** Models (JSON schemas of request bodies) by name, which is what `RequestModels` and `$ref`s name. */
  readonly models: ReadonlyMap<string, RestModelSchema>;
  readonly stages: readonly RestStageModel[];
  /** Local ids of the API's `AWS::ApiGateway::Deployment`s. */
  readonly deploymentIds: readonly string[];
  readonly disableExecuteApiEndpoint: boolean;
}

export interface RestResourceModel {
  /** Local id, what `Method.ResourceId` resolves to. */
  readonly resourceId: string;
  /** The full template path: `/`, `/items`, `/items/{id}`, `/files/{proxy+}`. */
  readonly path: string;
  /** Keyed by HTTP method in upper case, `ANY` included. */
  readonly methods: ReadonlyMap<string, RestMethodModel>;
}

export type RestAuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS';

export interface RestMethodModel {
  readonly origin: ResourceOrigin;
  readonly httpMethod: string;
  readonly authorizationType: RestAuthorizationType;
  /** Local id of the authorizer, for CUSTOM and COGNITO_USER_POOLS. */
  readonly authorizerId?: string;
  readonly authorizationScopes: readonly string[];
  readonly apiKeyRequired: boolean;
  /** `RequestParameters`: `method.request.querystring.page` -> required. */
  readonly requestParameters: Readonly<Record<string, boolean>>;
  /** `RequestModels`: content type -> model name. */
  readonly requestModels: Readonly<Record<string, string>>;
  readonly requestValidatorId?: string;
  /** `MethodResponses`: the status codes the method may answer with a non-proxy integration. */
  readonly methodResponseStatuses: readonly string[];
  readonly integration: RestIntegrationModel;
}

export interface RestAuthorizerModel {
  readonly origin: ResourceOrigin;
  readonly authorizerId: string;
  readonly name: string;
  readonly type: 'TOKEN' | 'REQUEST' | 'COGNITO_USER_POOLS';
  /** The authorizer function's local ARN (TOKEN and REQUEST), from `AuthorizerUri`. */
  readonly functionArn?: string;
  /**
   * `IdentitySource` split on commas: `method.request.header.Authorization`, `method.request.querystring.x`,
   * `stageVariables.x`, `context.x`. Empty when the template has none.
   */
  readonly identitySources: readonly string[];
  readonly identityValidationExpression?: string;
  /** `AuthorizerResultTtlInSeconds`, default 300. */
  readonly resultTtlSeconds: number;
  /** The user pools' local ARNs (COGNITO_USER_POOLS). */
  readonly providerArns: readonly string[];
}

export interface GatewayResponseModel {
  readonly responseType: string;
  /** `StatusCode`, when the template overrides the type's default. */
  readonly statusCode?: string;
  /** `gatewayresponse.header.X` -> `'literal'`, or `method.request.header.Y`-style mapping expressions. */
  readonly responseParameters: Readonly<Record<string, string>>;
  /** content type -> body template. */
  readonly responseTemplates: Readonly<Record<string, string>>;
}

/** An `AWS::ApiGateway::Model`, or a schema of an OpenAPI definition. */
export interface RestModelSchema {
  readonly name: string;
  /** A JSON schema (draft 4); its `$ref`s to other models of the API are {@link modelSchemaUrl}s. */
  readonly schema: Readonly<Record<string, unknown>>;
}

/** The URL by which a model's schema refers to another model of the same REST API, as API Gateway writes it. */
export function modelSchemaUrl(apiId: string, modelName: string): string {
  return `https://apigateway.amazonaws.com/restapis/${apiId}/models/${modelName}`;
}

export interface RequestValidatorModel {
  readonly validateRequestBody: boolean;
  readonly validateRequestParameters: boolean;
}

export interface RestStageModel {
  readonly stageName: string;
  /** Local id of the deployment the stage serves. */
  readonly deploymentId: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly methodSettings: readonly MethodSettingModel[];
  readonly canary?: CanaryModel;
  readonly tracingEnabled: boolean;
}

export interface MethodSettingModel {
  /** `/*` for every resource, or a resource path such as `/items/{id}` (as written: `~1` escapes decoded). */
  readonly resourcePath: string;
  /** `*` or an HTTP method. */
  readonly httpMethod: string;
  readonly throttlingRateLimit?: number;
  readonly throttlingBurstLimit?: number;
}

export interface CanaryModel {
  /** 0.0 to 100.0. */
  readonly percentTraffic: number;
  /** Local id of the canary's deployment. */
  readonly deploymentId: string;
  readonly stageVariableOverrides: Readonly<Record<string, string>>;
  readonly useStageCache: boolean;
}
