import type { ResourceOrigin } from '.';
import type { UnsupportedIntegrationModel } from './rest';
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
