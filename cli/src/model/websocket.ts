import type { ResourceOrigin } from '.';
import type { HttpStageModel } from './http';

/** A WebSocket API (API Gateway v2, protocol WEBSOCKET): its routes, its `$connect` authorizer and its stages. */
export interface WebSocketApiModel {
  readonly origin: ResourceOrigin;
  readonly name: string;
  readonly apiId: string;
  /** `RouteSelectionExpression`, e.g. `$request.body.action`. */
  readonly routeSelectionExpression: string;
  /** `ApiKeySelectionExpression`, set when a route requires an API key, e.g. `$request.header.x-api-key`. */
  readonly apiKeySelectionExpression?: string;
  /** Keyed by route key: `$connect`, `$disconnect`, `$default` and custom keys. */
  readonly routes: ReadonlyMap<string, WebSocketRouteModel>;
  /** Keyed by the authorizer's local id. */
  readonly authorizers: ReadonlyMap<string, WebSocketAuthorizerModel>;
  readonly stages: readonly WebSocketStageModel[];
}

export type WebSocketAuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM';

export interface WebSocketRouteModel {
  readonly origin: ResourceOrigin;
  readonly routeKey: string;
  readonly authorizationType: WebSocketAuthorizationType;
  readonly authorizerId?: string;
  readonly apiKeyRequired: boolean;
  /** Set when the route has a route response (a two-way route): the integration's answer is sent to the client. */
  readonly twoWay: boolean;
  readonly integration: WebSocketIntegrationModel;
}

/** A Lambda proxy integration, a MOCK (answering the route itself), or one the runtime does not serve. */
export type WebSocketIntegrationModel =
  | { readonly type: 'AWS_PROXY'; readonly functionArn: string; readonly timeoutMs: number }
  | { readonly type: 'MOCK' }
  | { readonly type: 'UNSUPPORTED'; readonly integrationType: string };

/** A Lambda REQUEST authorizer of `$connect`. */
export interface WebSocketAuthorizerModel {
  readonly origin: ResourceOrigin;
  readonly authorizerId: string;
  readonly name: string;
  readonly functionArn: string;
  /** `route.request.header.Auth`, `route.request.querystring.token`, `stageVariables.x`, `context.x`. */
  readonly identitySources: readonly string[];
}

/** A stage: its variables and throttles, read as an HTTP API's are. */
export type WebSocketStageModel = HttpStageModel;
