/**
 * What the local runtime serves, read from a cloud assembly with every CloudFormation intrinsic resolved to a stable
 * local value. The assembly reader (`assembly/`) builds it; the REST and HTTP pipelines only read it.
 */

/** The app: every API it can serve, the functions behind them, and what it found but cannot serve. */
export interface AppModel {
  /** The region of the first stack with an explicit one, else {@link DEFAULT_REGION}. */
  readonly region: string;
  /** The account of the first stack with an explicit one, else {@link DEFAULT_ACCOUNT_ID}. */
  readonly accountId: string;
  /** Every Lambda function of every stack, keyed by its local ARN (`arn:aws:lambda:{region}:{account}:function:{name}`). */
  readonly functions: ReadonlyMap<string, FunctionModel>;
  readonly restApis: readonly RestApiModel[];
  readonly httpApis: readonly HttpApiModel[];
  /** Cognito user pools, for the local issuer and the REST Cognito authorizers. */
  readonly userPools: readonly UserPoolModel[];
  /** Usage plans of every REST API, with their keys. */
  readonly usagePlans: readonly UsagePlanModel[];
  /** Things in the assembly that the runtime does not serve (yet), each named, for the startup report. */
  readonly unsupported: readonly UnsupportedItem[];
}

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT_ID = '123456789012';

/** Something the runtime found and does not serve, with why and what it serves instead. */
export interface UnsupportedItem {
  /** `Stack/LogicalId`, or the construct path when the template has `aws:cdk:path` metadata. */
  readonly path: string;
  /** The CloudFormation type, e.g. `AWS::ApiGatewayV2::Api (WEBSOCKET)`. */
  readonly type: string;
  /** One sentence: what is not served and what is. */
  readonly reason: string;
}

/** Where a resource came from, for messages and logs. */
export interface ResourceOrigin {
  readonly stackName: string;
  readonly logicalId: string;
  /** The construct path from `aws:cdk:path` metadata, else `stackName/logicalId`. */
  readonly path: string;
}

/** A Lambda function with its code on disk. */
export interface FunctionModel {
  readonly origin: ResourceOrigin;
  readonly arn: string;
  readonly functionName: string;
  /** E.g. `nodejs24.x`; the runtime runs only `nodejs*` functions. */
  readonly runtime: string;
  /** `file.export`, possibly with folders: `src/index.handler`. */
  readonly handler: string;
  /**
   * The folder holding the code: the asset folder in the assembly, or, for inline code (`ZipFile`), a folder the
   * reader wrote `index.js` into. Undefined when the code cannot be found locally (then `unsupported` says why).
   */
  readonly codeDir?: string;
  /** `Timeout`, default 3. */
  readonly timeoutSeconds: number;
  /** `MemorySize`, default 128. */
  readonly memorySizeMb: number;
  /** `Environment.Variables`, resolved. */
  readonly environment: Readonly<Record<string, string>>;
  /** `ReservedConcurrentExecutions`, when set. */
  readonly reservedConcurrency?: number;
}

/** A Cognito user pool and its app clients, with local ids. */
export interface UserPoolModel {
  readonly origin: ResourceOrigin;
  /** `{region}_{9 characters}`. */
  readonly userPoolId: string;
  readonly arn: string;
  /** `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`. */
  readonly issuer: string;
  readonly clientIds: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// REST APIs (API Gateway v1)

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
  readonly integration: RestIntegrationModel;
}

export type RestIntegrationModel = LambdaProxyIntegrationModel | MockIntegrationModel | UnsupportedIntegrationModel;

export interface LambdaProxyIntegrationModel {
  readonly type: 'AWS_PROXY';
  /**
   * The function's local ARN, taken from the integration URI (`…/functions/{arn}/invocations`). It may still hold
   * stage variables (`${stageVariables.fn}`), which the pipeline substitutes per request.
   */
  readonly functionArn: string;
  /** `TimeoutInMillis`, default 29,000. */
  readonly timeoutMs: number;
}

export interface MockIntegrationModel {
  readonly type: 'MOCK';
  /** `RequestTemplates`: content type -> template. */
  readonly requestTemplates: Readonly<Record<string, string>>;
  readonly passthroughBehavior: string;
  readonly integrationResponses: readonly IntegrationResponseModel[];
}

export interface IntegrationResponseModel {
  readonly statusCode: string;
  /** A regular expression matched against the integration's status (MOCK) or error; undefined is the default response. */
  readonly selectionPattern?: string;
  /** `method.response.header.X` -> `'literal'` or a mapping expression. */
  readonly responseParameters: Readonly<Record<string, string>>;
  readonly responseTemplates: Readonly<Record<string, string>>;
}

export interface UnsupportedIntegrationModel {
  readonly type: 'UNSUPPORTED';
  /** The integration type as written (AWS, HTTP, HTTP_PROXY, or AWS for a non-proxy Lambda integration). */
  readonly integrationType: string;
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

export interface ThrottleModel {
  readonly rateLimit?: number;
  readonly burstLimit?: number;
}

export interface UsagePlanModel {
  readonly origin: ResourceOrigin;
  readonly usagePlanId: string;
  readonly name: string;
  readonly apiStages: readonly UsagePlanStageModel[];
  readonly throttle?: ThrottleModel;
  readonly quota?: QuotaModel;
  readonly apiKeys: readonly ApiKeyModel[];
}

export interface UsagePlanStageModel {
  /** The REST API's local id. */
  readonly apiId: string;
  readonly stageName: string;
  /** Per-method throttles keyed as in the template: `/items/GET`, `/items/{id}/*`. */
  readonly throttle: Readonly<Record<string, ThrottleModel>>;
}

export interface QuotaModel {
  readonly limit: number;
  readonly period: 'DAY' | 'WEEK' | 'MONTH';
  readonly offset: number;
}

export interface ApiKeyModel {
  readonly origin: ResourceOrigin;
  readonly apiKeyId: string;
  /**
   * The key's value: `Value` from the template, or, when the template leaves it to API Gateway or reads it from a
   * secret (a dynamic reference), a stable local value derived from the key's logical id, printed at startup.
   */
  readonly value: string;
  /** True when `value` was made up locally. */
  readonly generatedValue: boolean;
  readonly enabled: boolean;
  /** `StageKeys` and the plans' stages are what bind a key; this lists `{apiId}/{stage}` pairs of `StageKeys`. */
  readonly stageKeys: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP APIs (API Gateway v2, protocol HTTP)

export interface HttpApiModel {
  readonly origin: ResourceOrigin;
  readonly name: string;
  readonly apiId: string;
  readonly routes: readonly HttpRouteModel[];
  /** Keyed by the authorizer's local id. */
  readonly authorizers: ReadonlyMap<string, HttpAuthorizerModel>;
  readonly cors?: HttpCorsModel;
  readonly stages: readonly HttpStageModel[];
  readonly disableExecuteApiEndpoint: boolean;
}

export type HttpAuthorizationType = 'NONE' | 'AWS_IAM' | 'JWT' | 'CUSTOM';

export interface HttpRouteModel {
  readonly origin: ResourceOrigin;
  /** `GET /items/{id}`, `ANY /{proxy+}` or `$default`. */
  readonly routeKey: string;
  readonly authorizationType: HttpAuthorizationType;
  readonly authorizerId?: string;
  readonly authorizationScopes: readonly string[];
  readonly integration: HttpIntegrationModel;
}

export type HttpIntegrationModel = HttpLambdaIntegrationModel | UnsupportedIntegrationModel;

export interface HttpLambdaIntegrationModel {
  readonly type: 'AWS_PROXY';
  readonly functionArn: string;
  readonly payloadFormatVersion: '1.0' | '2.0';
  /** `TimeoutInMillis`, default 30,000. */
  readonly timeoutMs: number;
}

export type HttpAuthorizerModel = HttpJwtAuthorizerModel | HttpLambdaAuthorizerModel;

export interface HttpJwtAuthorizerModel {
  readonly type: 'JWT';
  readonly origin: ResourceOrigin;
  readonly authorizerId: string;
  readonly name: string;
  /** E.g. `['$request.header.Authorization']`. */
  readonly identitySources: readonly string[];
  readonly issuer: string;
  readonly audience: readonly string[];
}

export interface HttpLambdaAuthorizerModel {
  readonly type: 'REQUEST';
  readonly origin: ResourceOrigin;
  readonly authorizerId: string;
  readonly name: string;
  readonly functionArn: string;
  /** `$request.header.X`, `$request.querystring.x`, `$context.x`, `$stageVariables.x`. */
  readonly identitySources: readonly string[];
  /** `AuthorizerPayloadFormatVersion`. */
  readonly payloadFormatVersion: '1.0' | '2.0';
  /** `EnableSimpleResponses`, default false. */
  readonly enableSimpleResponses: boolean;
  /** `AuthorizerResultTtlInSeconds`, default 0. */
  readonly resultTtlSeconds: number;
}

export interface HttpCorsModel {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly allowCredentials: boolean;
  readonly maxAge?: number;
}

export interface HttpStageModel {
  /** `$default` serves at the root of the URL; any other name is the first path segment. */
  readonly stageName: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly defaultRouteThrottle?: ThrottleModel;
  /** Keyed by route key. */
  readonly routeThrottles: Readonly<Record<string, ThrottleModel>>;
}
