import { RemovalPolicy } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import { ApiStructSchema, ApiType, withApiFeatures } from './api-features';
import {
  API_KEY_SOURCE, CANARY_PROPS, CERTIFICATE, CORS, CUSTOM_DOMAIN, CUSTOM_DOMAIN_PROPS, CUSTOMERS, DURATION, FUNCTION, KEY,
  LOGGING_LEVEL, PRIVATE_ENDPOINT, RESOURCE_POLICY, RETENTION, STAGE, STAGE_VARIABLES, THROTTLE, TIERS, VPC_ENDPOINTS, WAF,
} from './option-schemas';
import {
  BOOLEAN, construct, instanceOf, like, mapOf, NAME, NUMBER, object, oneOf, PropsSchema, required, STRING, STRINGS, struct, StructSchema,
} from './prop-types';
import { HttpApiAuthorizer } from '../authorizers/http-authorizer';
import { RestAuthorizer } from '../authorizers/rest-authorizer';
import { WebSocketApiAuthorizer } from '../authorizers/websocket-authorizer';
import type { ApiMonitoringOptions } from '../common/monitoring-options';
import type { HttpApiRouteOptions, SecureHttpApiProps } from '../http/secure-http-api-props';
import { ApiGatewayCloudWatchRole, type ApiGatewayCloudWatchRoleProps } from '../logging/api-gateway-cloudwatch-role';
import { OpenApiDefinition } from '../openapi/openapi-definition';
import type { HttpOpenApiOptions, RestOpenApiOptions } from '../openapi/openapi-import-options';
import type { ApiCustomDomainProps, CustomDomainMappingOptions } from '../rest/api-custom-domain';
import type { MeteredApiProps } from '../rest/metered-api';
import type { PrivateApiCustomDomainProps } from '../rest/private-api-custom-domain';
import type { RestRouteOptions, SecureLambdaApiProps } from '../rest/secure-lambda-api-props';
import type { StageCanaryProps } from '../rest/stage-canary';
import type { RouteCacheOptions } from '../rest/stage-options';
import type { ConnectionRegistryOptions, SecureWebSocketApiProps, WebSocketApiRouteOptions } from '../websocket/secure-websocket-api-props';

/*
 * The props of every L3 and the options of their routes, as runtime checks (see prop-types.ts); a prop of another API
 * construct is explained by api-features.ts.
 */

const ROUTES_BY_KEY = "an object of route options by route key, e.g. { 'GET /items/{id}': { handler } }";
const REST_AUTHORIZER = instanceOf(() => RestAuthorizer, 'a RestAuthorizer: RestAuthorizer.iam(), cognito(), jwt(), token() or request() (HttpApiAuthorizer and WebSocketApiAuthorizer are for SecureHttpApi and SecureWebSocketApi)', 'NotARestAuthorizer');
const HTTP_AUTHORIZER = instanceOf(() => HttpApiAuthorizer, 'an HttpApiAuthorizer: HttpApiAuthorizer.iam(), jwt(), cognito() or request() (RestAuthorizer is for SecureLambdaApi)', 'NotAnHttpAuthorizer');
const WEBSOCKET_AUTHORIZER = instanceOf(() => WebSocketApiAuthorizer, 'a WebSocketApiAuthorizer: WebSocketApiAuthorizer.iam(), request() or jwt() (RestAuthorizer and HttpApiAuthorizer are for SecureLambdaApi and SecureHttpApi)', 'NotAWebSocketAuthorizer');
const CLOUDWATCH_ROLE = instanceOf(() => ApiGatewayCloudWatchRole, 'an ApiGatewayCloudWatchRole (this library\'s construct, not the boolean of aws-cdk-lib\'s RestApi)');
const PAYLOAD_FORMAT = like<apigatewayv2.PayloadFormatVersion>('apigatewayv2.PayloadFormatVersion.VERSION_2_0 or VERSION_1_0', 'version');

const OPENAPI_DEFINITION = required(instanceOf(() => OpenApiDefinition, 'an OpenApiDefinition: OpenApiDefinition.fromFile() or fromObject()'));
const OPENAPI_HANDLERS = required(mapOf(FUNCTION, 'the functions by operationId, e.g. { listItems: handler }'));
const REST_OPENAPI = struct<RestOpenApiOptions>({
  name: 'RestOpenApiOptions',
  props: { definition: OPENAPI_DEFINITION, handlers: OPENAPI_HANDLERS, authorizers: mapOf(REST_AUTHORIZER, 'the authorizers by security scheme name') },
});
const HTTP_OPENAPI = struct<HttpOpenApiOptions>({
  name: 'HttpOpenApiOptions',
  props: { definition: OPENAPI_DEFINITION, handlers: OPENAPI_HANDLERS, authorizers: mapOf(HTTP_AUTHORIZER, 'the authorizers by security scheme name') },
});
const MONITORING = object<ApiMonitoringOptions>('an object of ApiMonitoringOptions, e.g. { alarmTopic }');

/** The props every API construct has: its name and description, and its stage's name, throttle and access logs. */
const API_STAGE_AND_NAMING = { apiName: NAME, description: STRING, stageName: STRING, throttle: THROTTLE, accessLogRetention: RETENTION };

const SECURE_LAMBDA_API_PROPS: PropsSchema<SecureLambdaApiProps> = {
  routes: mapOf(object<RestRouteOptions>('an object of RestRouteOptions'), ROUTES_BY_KEY),
  authorizer: REST_AUTHORIZER,
  cors: CORS,
  stages: mapOf(STAGE, 'an object of stages by name, e.g. { dev: {}, prod: { canary: { percentTraffic: 10 } } }'),
  loggingLevel: LOGGING_LEVEL,
  tracingEnabled: BOOLEAN,
  allowTestInvoke: BOOLEAN,
  waf: WAF,
  resourcePolicy: RESOURCE_POLICY,
  policy: like<iam.PolicyDocument>('an iam.PolicyDocument', 'addStatements'),
  endpointType: oneOf(apigateway.EndpointType, 'apigateway.EndpointType'),
  privateEndpoint: PRIVATE_ENDPOINT,
  customDomain: CUSTOM_DOMAIN,
  disableExecuteApiEndpoint: BOOLEAN,
  clientCertificate: BOOLEAN,
  hardened: BOOLEAN,
  cloudWatchRole: CLOUDWATCH_ROLE,
  openApi: REST_OPENAPI,
  routesPerNestedStack: NUMBER,
  monitoring: MONITORING,
  ...API_STAGE_AND_NAMING,
};

const METERED_API_PROPS: PropsSchema<MeteredApiProps> = {
  ...SECURE_LAMBDA_API_PROPS,
  tiers: required(TIERS, {
    errorId: 'MissingProp',
    expected: 'the tiers of service by name, e.g. tiers: { free: { quota: { limit: 1000, period: Period.DAY } } }: a MeteredApi meters its routes by the API keys of its tiers (use SecureLambdaApi for an API without API keys)',
  }),
  customers: CUSTOMERS,
  apiKeySource: API_KEY_SOURCE,
};

const SECURE_HTTP_API_PROPS: PropsSchema<SecureHttpApiProps> = {
  routes: mapOf(object<HttpApiRouteOptions>('an object of HttpApiRouteOptions'), ROUTES_BY_KEY),
  authorizer: HTTP_AUTHORIZER,
  cors: CORS,
  payloadFormatVersion: PAYLOAD_FORMAT,
  stageVariables: STAGE_VARIABLES,
  detailedMetrics: BOOLEAN,
  customDomain: CUSTOM_DOMAIN,
  disableExecuteApiEndpoint: BOOLEAN,
  openApi: HTTP_OPENAPI,
  routesPerNestedStack: NUMBER,
  monitoring: MONITORING,
  ...API_STAGE_AND_NAMING,
};

const SECURE_WEBSOCKET_API_PROPS: PropsSchema<SecureWebSocketApiProps> = {
  routes: mapOf(object<WebSocketApiRouteOptions>('an object of WebSocketApiRouteOptions'), 'an object of route options by route key, e.g. { $connect: { handler }, sendMessage: { handler } }'),
  authorizer: WEBSOCKET_AUTHORIZER,
  routeSelectionExpression: STRING,
  connectionRegistry: struct<ConnectionRegistryOptions>({
    name: 'ConnectionRegistryOptions',
    props: { timeToLive: DURATION, encryptionKey: KEY, removalPolicy: oneOf(RemovalPolicy, 'RemovalPolicy'), logRetention: RETENTION },
  }),
  tiers: TIERS,
  customers: CUSTOMERS,
  apiKeySource: API_KEY_SOURCE,
  stageVariables: STAGE_VARIABLES,
  loggingLevel: LOGGING_LEVEL,
  cloudWatchRole: CLOUDWATCH_ROLE,
  monitoring: MONITORING,
  ...API_STAGE_AND_NAMING,
};

const ROUTE_AUTHORIZATION = { isPublic: BOOLEAN, throttle: THROTTLE };

const REST_ROUTE_OPTIONS: PropsSchema<RestRouteOptions> = {
  ...ROUTE_AUTHORIZATION,
  handler: FUNCTION,
  integration: like<apigateway.Integration>('an aws-cdk-lib/aws-apigateway integration, e.g. new apigateway.MockIntegration(...)', 'bind'),
  authorizer: REST_AUTHORIZER,
  authorizationScopes: STRINGS,
  cache: struct<RouteCacheOptions>({ name: 'RouteCacheOptions', props: { ttl: DURATION, keyParameters: STRINGS } }),
  apiKeyRequired: BOOLEAN,
  bodySchema: object<apigateway.JsonSchema>('a JSON schema (apigateway.JsonSchema)'),
  bodyModel: construct<apigateway.IModel>('an API Gateway model of this API (apigateway.IModel)', 'modelId'),
  requiredQueryStrings: STRINGS,
  requiredHeaders: STRINGS,
};

const HTTP_ROUTE_OPTIONS: PropsSchema<HttpApiRouteOptions> = {
  ...ROUTE_AUTHORIZATION,
  handler: FUNCTION,
  integration: instanceOf(() => apigatewayv2.HttpRouteIntegration,
    'an HTTP API integration of aws-cdk-lib/aws-apigatewayv2-integrations, such as HttpUrlIntegration (aws-apigateway integrations are for SecureLambdaApi)',
    'NotAnHttpIntegration'),
  payloadFormatVersion: PAYLOAD_FORMAT,
  authorizer: HTTP_AUTHORIZER,
  authorizationScopes: STRINGS,
};

const WEBSOCKET_ROUTE_OPTIONS: PropsSchema<WebSocketApiRouteOptions> = {
  ...ROUTE_AUTHORIZATION,
  handler: FUNCTION,
  returnResponse: BOOLEAN,
  authorizer: WEBSOCKET_AUTHORIZER,
  apiKeyRequired: BOOLEAN,
};

const API_PROPS: readonly ApiStructSchema[] = [
  { api: 'REST', construct: 'SecureLambdaApi', name: 'SecureLambdaApi', props: SECURE_LAMBDA_API_PROPS },
  { api: 'REST', construct: 'MeteredApi', name: 'MeteredApi', props: METERED_API_PROPS },
  { api: 'HTTP', construct: 'SecureHttpApi', name: 'SecureHttpApi', props: SECURE_HTTP_API_PROPS },
  { api: 'WebSocket', construct: 'SecureWebSocketApi', name: 'SecureWebSocketApi', props: SECURE_WEBSOCKET_API_PROPS },
];

const ROUTE_OPTIONS: readonly ApiStructSchema[] = [
  { api: 'REST', construct: 'SecureLambdaApi', name: 'RestRouteOptions', props: REST_ROUTE_OPTIONS },
  { api: 'HTTP', construct: 'SecureHttpApi', name: 'HttpApiRouteOptions', props: HTTP_ROUTE_OPTIONS },
  { api: 'WebSocket', construct: 'SecureWebSocketApi', name: 'WebSocketApiRouteOptions', props: WEBSOCKET_ROUTE_OPTIONS },
];

const [SECURE_LAMBDA_API, METERED_API, SECURE_HTTP_API, SECURE_WEBSOCKET_API] = withApiFeatures(API_PROPS, 'api');
export { SECURE_LAMBDA_API, METERED_API, SECURE_HTTP_API, SECURE_WEBSOCKET_API };

/** The route options of each API type. */
export const ROUTE_OPTIONS_OF: { readonly [api in ApiType]: StructSchema<unknown> } = (() => {
  const [rest, http, webSocket] = withApiFeatures(ROUTE_OPTIONS, 'route');
  return { REST: rest, HTTP: http, WebSocket: webSocket };
})();

export const API_CUSTOM_DOMAIN: StructSchema<ApiCustomDomainProps> = {
  name: 'ApiCustomDomain',
  props: { ...CUSTOM_DOMAIN_PROPS, endpointType: oneOf(apigateway.EndpointType, 'apigateway.EndpointType') },
};

/** The options of `addBasePathMapping` on both custom domain constructs. */
export const CUSTOM_DOMAIN_MAPPING_OPTIONS: StructSchema<CustomDomainMappingOptions> = {
  name: 'CustomDomainMappingOptions',
  props: {
    stage: required(construct<apigateway.IStage>('a stage of the mapped API (apigateway.IStage), e.g. api.stage', 'stageName', 'restApi')),
    basePath: STRING,
  },
};

export const PRIVATE_API_CUSTOM_DOMAIN: StructSchema<PrivateApiCustomDomainProps> = {
  name: 'PrivateApiCustomDomain',
  props: {
    domainName: required(STRING),
    certificate: CERTIFICATE,
    publicHostedZone: construct<route53.IPublicHostedZone>('a public Route 53 hosted zone (route53.IPublicHostedZone)', 'hostedZoneId', 'zoneName'),
    vpcEndpoints: required(VPC_ENDPOINTS),
    privateHostedZone: construct<route53.IPrivateHostedZone>('a private Route 53 hosted zone (route53.IPrivateHostedZone)', 'hostedZoneId', 'zoneName'),
  },
};

export const API_GATEWAY_CLOUDWATCH_ROLE: StructSchema<ApiGatewayCloudWatchRoleProps> = {
  name: 'ApiGatewayCloudWatchRole',
  props: { role: construct<iam.IRole>('an IAM role (iam.IRole)', 'roleArn') },
};

export const STAGE_CANARY: StructSchema<StageCanaryProps> = {
  name: 'StageCanary',
  props: {
    ...CANARY_PROPS,
    stage: required(construct<apigateway.Stage>('an API Gateway stage (apigateway.Stage)', 'stageName', 'restApi')),
    deployment: required(construct<apigateway.Deployment>('an API Gateway deployment (apigateway.Deployment)', 'deploymentId')),
    accessLogGroup: construct<logs.ILogGroup>('a log group (logs.ILogGroup)', 'logGroupName'),
  },
};

