import type { ResourceOrigin } from '.';
import type { UnsupportedIntegrationModel } from './rest-integrations';
import type { ThrottleModel } from './usage-plans';

/** An HTTP API (API Gateway v2, protocol HTTP): its routes, authorizers, CORS configuration and stages. */
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

/** An `AWS::ApiGatewayV2::Integration` of an HTTP API, `type` as written (`IntegrationType`). */
export type HttpIntegrationModel = HttpLambdaIntegrationModel | HttpUrlIntegrationModel | HttpServiceIntegrationModel | UnsupportedIntegrationModel;

export interface HttpLambdaIntegrationModel {
  readonly type: 'AWS_PROXY';
  /** Absent: distinguishes this from {@link HttpServiceIntegrationModel}. */
  readonly subtype?: undefined;
  readonly functionArn: string;
  readonly payloadFormatVersion: '1.0' | '2.0';
  /** `TimeoutInMillis`, default 30,000. */
  readonly timeoutMs: number;
}

/** `HTTP_PROXY`: the request goes to `uri` and the upstream's response comes back as it is. */
export interface HttpUrlIntegrationModel {
  readonly type: 'HTTP_PROXY';
  /** `IntegrationUri`: the URL; a `{proxy}` or other path parameter in it is filled from the route's. */
  readonly uri: string;
  /** `IntegrationMethod`, default ANY (the request's method). */
  readonly httpMethod: string;
  /**
   * `RequestParameters`: `overwrite:path`, `overwrite:querystring.x`, `append:header.x`, `remove:header.x`, … ->
   * a value that may hold `$request.header.x`, `$request.querystring.x`, `$request.path[.x]`, `$context.x`,
   * `$stageVariables.x`.
   */
  readonly requestParameters: Readonly<Record<string, string>>;
  /** `TimeoutInMillis`, default 30,000. */
  readonly timeoutMs: number;
}

/**
 * `AWS_PROXY` with an `IntegrationSubtype` (`SQS-SendMessage`, `EventBridge-PutEvents`, …): a first-class AWS service
 * integration, whose `RequestParameters` name the action's parameters.
 */
export interface HttpServiceIntegrationModel {
  readonly type: 'AWS_PROXY';
  readonly subtype: string;
  /** Parameter name (`QueueUrl`, `MessageBody`, …) -> a value that may hold `$request.*`, `$context.*`, `$stageVariables.*`. */
  readonly requestParameters: Readonly<Record<string, string>>;
  /** `CredentialsArn`: the role API Gateway assumes; locally the request is signed with the runtime's credentials. */
  readonly credentialsArn?: string;
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
