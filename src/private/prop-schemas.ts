import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { GatewayKitValidationError } from './errors';
import {
  BOOLEAN, construct, instanceOf, like, listOf, mapOf, NAME, NUMBER, object, oneOf, PropsSchema, required, STRING, STRINGS, struct, StructSchema,
  UnknownPropHint,
} from './prop-types';
import type { CognitoAuthorizerOptions } from '../authorizers/cognito';
import { HttpApiAuthorizer } from '../authorizers/http-authorizer';
import type { HttpCognitoAuthorizerOptions, HttpJwtAuthorizerOptions, HttpLambdaAuthorizerOptions } from '../authorizers/http-authorizer-options';
import type { RequestAuthorizerOptions, TokenAuthorizerOptions } from '../authorizers/lambda';
import { RestAuthorizer } from '../authorizers/rest-authorizer';
import { WebSocketApiAuthorizer } from '../authorizers/websocket-authorizer';
import type { WebSocketLambdaAuthorizerOptions } from '../authorizers/websocket-authorizer-options';
import type { CorsOptions } from '../cors';
import type { HttpApiRouteOptions, SecureHttpApiProps } from '../http/secure-http-api-props';
import { ApiGatewayCloudWatchRole, type ApiGatewayCloudWatchRoleProps } from '../logging/api-gateway-cloudwatch-role';
import type { ApiCustomDomainProps, CustomDomainMappingOptions, MutualTlsOptions } from '../rest/api-custom-domain';
import type { MeteredApiProps } from '../rest/metered-api';
import type { PrivateApiCustomDomainProps } from '../rest/private-api-custom-domain';
import type { PrivateEndpointOptions } from '../rest/private-endpoint-options';
import type { ResourcePolicyOptions } from '../rest/resource-policy-options';
import type { CustomDomainOptions, RestRouteOptions, SecureLambdaApiProps } from '../rest/secure-lambda-api-props';
import type { StageCanaryProps } from '../rest/stage-canary';
import {
  CacheClusterSize, type CanaryAlarmOptions, type CanaryOptions, type RestStageOptions, type RouteCacheOptions, type StageCachingOptions,
} from '../rest/stage-options';
import type { WafOptions } from '../rest/waf-options';
import type { ThrottleSettings } from '../throttle';
import { ApiKeySource } from '../usage-plans/api-key-source';
import { CustomerApiKey } from '../usage-plans/customer-api-key';
import type { QuotaOptions, TierOptions } from '../usage-plans/tier-options';
import type { CustomerOptions } from '../usage-plans/usage-customer';
import type { ConnectionRegistryOptions, SecureWebSocketApiProps, WebSocketApiRouteOptions } from '../websocket/secure-websocket-api-props';

/*
 * The props of every L3 and of the option structs users write by hand, as runtime checks (see prop-types.ts), and
 * what to say when an API construct is given a prop of another one.
 */

// Values of aws-cdk-lib, recognised by members every implementation has.
const DURATION = like<Duration>('a Duration, e.g. Duration.minutes(5)', 'toSeconds');
const FUNCTION = construct<lambda.IFunction>('a Lambda function (lambda.IFunction)', 'functionArn', 'grantInvoke');
const RETENTION = oneOf(logs.RetentionDays, 'logs.RetentionDays');
const LOGGING_LEVEL = oneOf(apigateway.MethodLoggingLevel, 'apigateway.MethodLoggingLevel');
const CERTIFICATE = construct<acm.ICertificate>('an ACM certificate (acm.ICertificate)', 'certificateArn');
const HOSTED_ZONE = construct<route53.IHostedZone>('a Route 53 hosted zone (route53.IHostedZone)', 'hostedZoneId', 'zoneName');
const VPC = construct<ec2.IVpc>('a VPC (ec2.IVpc)', 'vpcId');
const VPC_ENDPOINT = construct<ec2.IInterfaceVpcEndpoint>('an interface VPC endpoint (ec2.IInterfaceVpcEndpoint)', 'vpcEndpointId');
const VPC_ENDPOINTS = listOf(VPC_ENDPOINT, 'a list of interface VPC endpoints (ec2.IInterfaceVpcEndpoint)');
const KEY = construct<kms.IKey>('a KMS key (kms.IKey)', 'keyArn');

const THROTTLE = struct<ThrottleSettings>({ name: 'ThrottleSettings', props: { rateLimit: NUMBER, burstLimit: NUMBER } });

const CORS = struct<CorsOptions>({
  name: 'CorsOptions',
  props: {
    allowOrigins: required(STRINGS, { errorId: 'CorsNoOrigin', expected: "the origins allowed to call the API, e.g. ['https://app.example.com']" }),
    allowHeaders: STRINGS,
    allowMethods: STRINGS,
    allowCredentials: BOOLEAN,
    maxAge: DURATION,
    exposeHeaders: STRINGS,
  },
});

const MUTUAL_TLS = struct<MutualTlsOptions>({
  name: 'MutualTlsOptions',
  props: {
    truststoreBucket: required(construct<s3.IBucket>('an S3 bucket (s3.IBucket)', 'bucketName')),
    truststoreKey: required(STRING),
    truststoreVersion: STRING,
  },
});

const CUSTOM_DOMAIN_PROPS = {
  domainName: required(STRING),
  certificate: CERTIFICATE,
  hostedZone: HOSTED_ZONE,
  mutualTls: MUTUAL_TLS,
};

const CUSTOM_DOMAIN = struct<CustomDomainOptions>({ name: 'CustomDomainOptions', props: { ...CUSTOM_DOMAIN_PROPS, basePath: STRING } });

const CANARY_ALARMS = struct<CanaryAlarmOptions>({
  name: 'CanaryAlarmOptions',
  props: { serverErrorRatePercent: NUMBER, latencyP99: DURATION, period: DURATION, evaluationPeriods: NUMBER },
});

const CANARY_PROPS: PropsSchema<CanaryOptions> = {
  percentTraffic: required(NUMBER, { errorId: 'CanaryPercentTraffic', expected: 'the percentage (0 to 100) of requests the canary serves' }),
  stageVariableOverrides: mapOf(STRING, 'an object of stage variable values by name'),
  useStageCache: BOOLEAN,
  alarms: CANARY_ALARMS,
};

const STAGE = struct<RestStageOptions>({
  name: 'RestStageOptions',
  props: {
    description: STRING,
    variables: mapOf(STRING, 'an object of stage variable values by name'),
    throttle: THROTTLE,
    loggingLevel: LOGGING_LEVEL,
    tracingEnabled: BOOLEAN,
    accessLogRetention: RETENTION,
    caching: struct<StageCachingOptions>({
      name: 'StageCachingOptions',
      props: { enabled: BOOLEAN, clusterSize: oneOf(CacheClusterSize, 'CacheClusterSize'), ttl: DURATION, encrypted: BOOLEAN },
    }),
    canary: struct<CanaryOptions>({ name: 'CanaryOptions', props: CANARY_PROPS }),
  },
});

const WAF = struct<WafOptions>({
  name: 'WafOptions',
  props: { enabled: BOOLEAN, webAclArn: STRING, rateLimitPerIp: NUMBER, logging: BOOLEAN, logRetention: RETENTION },
});

const RESOURCE_POLICY = struct<ResourcePolicyOptions>({
  name: 'ResourcePolicyOptions',
  props: {
    allowedSourceIps: STRINGS,
    deniedSourceIps: STRINGS,
    allowedVpcs: listOf(VPC, 'a list of VPCs (ec2.IVpc)'),
    allowedVpcEndpoints: VPC_ENDPOINTS,
    allowedAccounts: STRINGS,
    allowedPrincipals: listOf(like<iam.IPrincipal>('an IAM principal (iam.IPrincipal)', 'policyFragment'), 'a list of IAM principals (iam.IPrincipal)'),
  },
});

const PRIVATE_ENDPOINT = struct<PrivateEndpointOptions>({
  name: 'PrivateEndpointOptions',
  props: { vpcEndpoints: VPC_ENDPOINTS, vpc: VPC, subnets: object<ec2.SubnetSelection>('an ec2.SubnetSelection') },
});

export const TIER_OPTIONS: StructSchema<TierOptions> = {
  name: 'TierOptions',
  props: {
    throttle: THROTTLE,
    quota: struct<QuotaOptions>({
      name: 'QuotaOptions',
      props: {
        limit: required(NUMBER, {
          errorId: 'QuotaLimitMissing',
          expected: 'the number of requests allowed per period, e.g. { limit: 10000, period: Period.MONTH }. Add a limit, or remove the quota for unlimited requests',
        }),
        period: required(oneOf(apigateway.Period, 'apigateway.Period', 'InvalidQuotaPeriod'), {
          errorId: 'QuotaPeriodMissing',
          expected: 'Period.DAY, Period.WEEK or Period.MONTH: the period the limit applies to',
        }),
        offset: NUMBER,
      },
    }),
    routeThrottles: mapOf(THROTTLE, 'an object of ThrottleSettings by route key'),
    description: STRING,
  },
};

export const CUSTOMER_OPTIONS: StructSchema<CustomerOptions> = {
  name: 'CustomerOptions',
  props: {
    tier: required(STRING, { errorId: 'UnknownTier', expected: 'the name of the tier whose throttle and quota apply to the customer, e.g. { tier: \'free\' }' }),
    apiKey: instanceOf(() => CustomerApiKey, 'a CustomerApiKey: CustomerApiKey.generate(), fromSecret() or fromApiKeyId()'),
    enabled: BOOLEAN,
    description: STRING,
  },
};

const ROUTES_BY_KEY = "an object of route options by route key, e.g. { 'GET /items/{id}': { handler } }";
const TIERS = mapOf(object<TierOptions>('an object of TierOptions'), 'an object of tiers by name, e.g. { free: { quota: { limit: 1000, period: Period.DAY } } }');
const CUSTOMERS = mapOf(object<CustomerOptions>('an object of CustomerOptions'), "an object of customers by id, e.g. { acme: { tier: 'free' } }");
const API_KEY_SOURCE = oneOf(ApiKeySource, 'ApiKeySource');
const CLOUDWATCH_ROLE = instanceOf(() => ApiGatewayCloudWatchRole, 'an ApiGatewayCloudWatchRole (this library\'s construct, not the boolean of aws-cdk-lib\'s RestApi)');
const STAGE_VARIABLES = mapOf(STRING, 'an object of stage variable values by name');

const REST_AUTHORIZER = instanceOf(() => RestAuthorizer, 'a RestAuthorizer: RestAuthorizer.iam(), cognito(), jwt(), token() or request() (HttpApiAuthorizer and WebSocketApiAuthorizer are for SecureHttpApi and SecureWebSocketApi)', 'NotARestAuthorizer');
const HTTP_AUTHORIZER = instanceOf(() => HttpApiAuthorizer, 'an HttpApiAuthorizer: HttpApiAuthorizer.iam(), jwt(), cognito() or lambda() (RestAuthorizer is for SecureLambdaApi)', 'NotAnHttpAuthorizer');
const WEBSOCKET_AUTHORIZER = instanceOf(() => WebSocketApiAuthorizer, 'a WebSocketApiAuthorizer: WebSocketApiAuthorizer.iam(), lambda() or jwt() (RestAuthorizer and HttpApiAuthorizer are for SecureLambdaApi and SecureHttpApi)', 'NotAWebSocketAuthorizer');
const PAYLOAD_FORMAT = like<apigatewayv2.PayloadFormatVersion>('apigatewayv2.PayloadFormatVersion.VERSION_2_0 or VERSION_1_0', 'version');

/** The API types, each served by its constructs. */
export type ApiType = 'REST' | 'HTTP' | 'WebSocket';

/** The props of an API construct, or the options of one of its routes. */
interface ApiStructSchema extends StructSchema<any> {
  readonly api: ApiType;
  /** The construct that offers these props. */
  readonly construct: string;
}

const SECURE_LAMBDA_API_PROPS: PropsSchema<SecureLambdaApiProps> = {
  routes: mapOf(object<RestRouteOptions>('an object of RestRouteOptions'), ROUTES_BY_KEY),
  authorizer: REST_AUTHORIZER,
  cors: CORS,
  apiName: NAME,
  description: STRING,
  stageName: STRING,
  stages: mapOf(STAGE, 'an object of stages by name, e.g. { dev: {}, prod: { canary: { percentTraffic: 10 } } }'),
  throttle: THROTTLE,
  loggingLevel: LOGGING_LEVEL,
  accessLogRetention: RETENTION,
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
  apiName: NAME,
  description: STRING,
  stageName: STRING,
  stageVariables: STAGE_VARIABLES,
  throttle: THROTTLE,
  detailedMetrics: BOOLEAN,
  accessLogRetention: RETENTION,
  customDomain: CUSTOM_DOMAIN,
  disableExecuteApiEndpoint: BOOLEAN,
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
  apiName: NAME,
  description: STRING,
  stageName: STRING,
  stageVariables: STAGE_VARIABLES,
  throttle: THROTTLE,
  loggingLevel: LOGGING_LEVEL,
  accessLogRetention: RETENTION,
  cloudWatchRole: CLOUDWATCH_ROLE,
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

/** What a prop of some API constructs asks for, to explain its absence from the others. */
export interface ApiFeature {
  /** E.g. `an AWS WAF web ACL`. */
  readonly feature: string;
  /** The constructs to use for it, when not all the constructs that have the prop. */
  readonly use?: readonly string[];
  /** What to do instead on an API type whose construct lacks the prop for a reason of its own. */
  readonly instead?: { readonly [api in ApiType]?: string };
}

const API_FEATURES: { readonly [prop: string]: ApiFeature } = {
  cors: {
    feature: 'cross-origin access for browsers (CORS)',
    instead: { WebSocket: 'browsers apply no CORS to WebSocket connections; check the Origin header in a $connect authorizer instead' },
  },
  stages: { feature: 'several stages, with canary releases and caching' },
  loggingLevel: { feature: 'execution logging (HTTP APIs write access logs only)' },
  cloudWatchRole: { feature: 'the account CloudWatch role of execution logging (HTTP API access logs need none)' },
  tracingEnabled: { feature: 'X-Ray tracing' },
  allowTestInvoke: { feature: "the console's test invocation" },
  waf: { feature: 'an AWS WAF web ACL' },
  resourcePolicy: { feature: 'a resource policy' },
  policy: { feature: 'a resource policy' },
  endpointType: { feature: 'private and edge-optimized endpoints' },
  privateEndpoint: { feature: 'a private endpoint reached through VPC endpoints' },
  customDomain: {
    feature: 'a custom domain',
    instead: { WebSocket: 'map webSocketApi to an aws-cdk-lib apigatewayv2.DomainName with an apigatewayv2.ApiMapping instead' },
  },
  disableExecuteApiEndpoint: {
    feature: 'turning off the default execute-api endpoint',
    instead: { WebSocket: 'it has no custom domain to replace its default endpoint' },
  },
  clientCertificate: { feature: 'a client certificate presented to HTTP backends' },
  hardened: { feature: 'the compliance profile (WAF, X-Ray, execution logging, client certificate, encrypted cache)' },
  tiers: { feature: 'usage plans' },
  customers: { feature: 'API keys of usage plans' },
  apiKeySource: { feature: 'API keys' },
  payloadFormatVersion: { feature: 'a choice of Lambda payload format (1.0 or 2.0)' },
  stageVariables: {
    feature: 'stage variables',
    instead: { REST: "it sets them per stage: stages: { prod: { variables: { name: 'value' } } }" },
  },
  detailedMetrics: {
    feature: 'per-route metrics',
    instead: {
      REST: "set metricsEnabled in a stage's methodSettings instead (stage.node.defaultChild)",
      WebSocket: "set detailedMetricsEnabled in the stage's defaultRouteSettings instead (stage.node.defaultChild)",
    },
  },
  routeSelectionExpression: { feature: 'routing messages by their content' },
  connectionRegistry: { feature: 'a registry of open WebSocket connections' },
};

const ROUTE_FEATURES: { readonly [prop: string]: ApiFeature } = {
  integration: {
    feature: 'a backend other than a Lambda function',
    instead: { WebSocket: "its routes are served by Lambda functions (handler); add a route with another integration to webSocketApi with aws-cdk-lib's WebSocketRoute" },
  },
  authorizationScopes: {
    feature: 'OAuth scopes checked per route',
    instead: { WebSocket: 'a WebSocket API authorizes a connection once, on $connect: require scopes with WebSocketApiAuthorizer.jwt({ requiredScopes })' },
  },
  cache: { feature: 'response caching' },
  apiKeyRequired: { feature: 'API keys', use: ['MeteredApi', 'SecureWebSocketApi'] },
  bodySchema: { feature: 'request body validation' },
  bodyModel: { feature: 'request body validation' },
  requiredQueryStrings: { feature: 'request parameter validation' },
  requiredHeaders: { feature: 'request parameter validation' },
  payloadFormatVersion: { feature: 'a choice of Lambda payload format (1.0 or 2.0)' },
  returnResponse: { feature: "two-way routes that answer with the function's response" },
};

/**
 * Props of aws-cdk-lib's L2s, or props of this library in the wrong place, and where their setting goes; keyed by
 * prop, each a function of the API type it was given to.
 */
const API_ALIASES: { readonly [prop: string]: (api: ApiType) => string } = {
  handler: (api) => `give each route its handler in routes, e.g. routes: { ${api === 'REST' ? "'ANY /{proxy+}'" : '$default'}: { handler } }`,
  restApiName: () => 'the name is apiName',
  defaultCorsPreflightOptions: () => 'CORS is cors',
  corsPreflight: () => 'CORS is cors',
  defaultAuthorizer: () => 'the default authorizer is authorizer',
  defaultMethodOptions: () => 'routes are authorized by authorizer unless they are isPublic: true',
  deployOptions: () => 'the stage is set by stageName, throttle, loggingLevel, tracingEnabled and accessLogRetention, or by stages for several stages',
  caching: (api) => (api === 'REST'
    ? 'a cache is set per stage: stages: { prod: { caching: {} } }, and each cached route sets cache'
    : 'response caching is a stage option of SecureLambdaApi (stages[name].caching), as API Gateway offers it on REST APIs only'),
  connectRouteOptions: () => "the $connect route is routes['$connect']",
  disconnectRouteOptions: () => "the $disconnect route is routes['$disconnect']",
  defaultRouteOptions: () => "the $default route is routes['$default']",
  apiKeySelectionExpression: () => 'the API key source is apiKeySource (ApiKeySource.HEADER or AUTHORIZER)',
};

const ROUTE_ALIASES: { readonly [prop: string]: (api: ApiType) => string } = {
  requestParameters: (api) => (api === 'REST' ? 'declare required parameters with requiredHeaders and requiredQueryStrings'
    : 'request parameter validation is a route option of SecureLambdaApi (requiredHeaders, requiredQueryStrings), as API Gateway offers it on REST APIs only'),
  requestModels: (api) => (api === 'REST' ? 'a body model is bodySchema (or bodyModel for a shared model)'
    : 'request body validation is a route option of SecureLambdaApi (bodySchema, bodyModel), as API Gateway offers it on REST APIs only'),
  requestValidator: (api) => (api === 'REST' ? "every route is validated by the API's requestValidator against its bodySchema, requiredHeaders and requiredQueryStrings"
    : 'request validation is a route option of SecureLambdaApi, as API Gateway offers it on REST APIs only'),
  authorizationType: () => 'routes are authorized by authorizer unless they are isPublic: true',
  methodResponses: () => 'Lambda proxy routes return their own status codes and headers',
};

/**
 * Explains a prop that an API construct (or its routes) lacks: a prop of another API type names the constructs that
 * have it, and an aws-cdk-lib L2 prop or a misplaced one names where its setting goes here.
 */
function foreignProp(
  schemas: readonly ApiStructSchema[], self: ApiStructSchema, features: typeof API_FEATURES, aliases: typeof API_ALIASES,
): UnknownPropHint {
  return (scope, path, prop) => {
    const offering = schemas.filter((schema) => schema !== self && Object.hasOwn(schema.props, prop));
    const fail = (errorId: string, message: string) => {
      throw new GatewayKitValidationError(errorId, message, scope);
    };
    if (offering.length === 0) {
      const alias = aliases[prop]?.(self.api);
      return alias ? fail('UnknownProp', `${path} is not a prop of ${self.name}; ${alias}`) : undefined;
    }
    const { feature, use, instead } = features[prop];
    const sameApi = offering.filter((schema) => schema.api === self.api);
    const note = instead?.[self.api] ?? (sameApi.length ? `use ${constructNames(sameApi)} for an API with it` : undefined);
    if (note) {
      return fail('UnsupportedFeature', `${path} asks for ${feature}, which ${self.construct} does not offer; ${note}, or remove ${path}`);
    }
    const types = [...new Set(offering.map((schema) => schema.api))];
    const onOneType = types.length === 1;
    return fail(onOneType ? `${ERROR_ID_PREFIX[types[0]]}OnlyFeature` : 'UnsupportedFeature',
      `${path} asks for ${feature}, which API Gateway offers on ${types.join(' and ')} APIs only; use ${use?.join(' or ') ?? constructNames(offering)} for ${onOneType ? `${article(types[0])} ${types[0]} API` : 'an API'} with it, or remove ${path}`);
  };
}

/** `MeteredApi` is a `SecureLambdaApi`: it is named only when `SecureLambdaApi` lacks the prop. */
function constructNames(schemas: readonly ApiStructSchema[]): string {
  const names = schemas.map((schema) => schema.construct);
  return [...new Set(names.includes('SecureLambdaApi') ? names.filter((name) => name !== 'MeteredApi') : names)].join(' or ');
}

const ERROR_ID_PREFIX: { readonly [api in ApiType]: string } = { REST: 'Rest', HTTP: 'Http', WebSocket: 'WebSocket' };

function article(api: ApiType): string {
  return api === 'HTTP' ? 'an' : 'a';
}

function withForeignProps(
  schemas: readonly ApiStructSchema[], features: typeof API_FEATURES, aliases: typeof API_ALIASES,
): ApiStructSchema[] {
  return schemas.map((schema) => ({ ...schema, unknownProp: foreignProp(schemas, schema, features, aliases) }));
}

const [SECURE_LAMBDA_API, METERED_API, SECURE_HTTP_API, SECURE_WEBSOCKET_API] = withForeignProps(API_PROPS, API_FEATURES, API_ALIASES);
export { SECURE_LAMBDA_API, METERED_API, SECURE_HTTP_API, SECURE_WEBSOCKET_API };

/** The route options of each API type. */
export const ROUTE_OPTIONS_OF: { readonly [api in ApiType]: StructSchema<unknown> } = (() => {
  const [rest, http, webSocket] = withForeignProps(ROUTE_OPTIONS, ROUTE_FEATURES, ROUTE_ALIASES);
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

// The options of the authorizers, checked when an API binds them. The options of the bundled JWT authorizer
// (RestAuthorizer.jwt, WebSocketApiAuthorizer.jwt) are checked by its own validation.
const USER_POOL = construct<cognito.IUserPool>('a Cognito user pool (cognito.IUserPool)', 'userPoolId');
const USER_POOL_PROPS = object<cognito.UserPoolProps>('an object of cognito.UserPoolProps');

export const TOKEN_AUTHORIZER_OPTIONS: StructSchema<TokenAuthorizerOptions> = {
  name: 'TokenAuthorizerOptions',
  props: { identityHeader: STRING, validationRegex: STRING, resultsCacheTtl: DURATION },
};

export const REQUEST_AUTHORIZER_OPTIONS: StructSchema<RequestAuthorizerOptions> = {
  name: 'RequestAuthorizerOptions',
  props: {
    identitySources: required(STRINGS, {
      errorId: 'InvalidIdentitySource',
      expected: "a list built with apigateway.IdentitySource, e.g. [apigateway.IdentitySource.header('Authorization')]",
    }),
    resultsCacheTtl: DURATION,
  },
};

export const COGNITO_AUTHORIZER_OPTIONS: StructSchema<CognitoAuthorizerOptions> = {
  name: 'CognitoAuthorizerOptions',
  props: { userPool: USER_POOL, userPoolProps: USER_POOL_PROPS, identityHeader: STRING, resultsCacheTtl: DURATION },
};

export const HTTP_JWT_AUTHORIZER_OPTIONS: StructSchema<HttpJwtAuthorizerOptions> = {
  name: 'HttpJwtAuthorizerOptions',
  props: {
    userPool: USER_POOL,
    issuer: STRING,
    audience: required(STRINGS, {
      errorId: 'JwtAudience',
      expected: 'the audiences whose tokens are accepted (for a Cognito user pool, the app client ids), e.g. [client.userPoolClientId]',
    }),
    identitySource: STRING,
  },
};

export const HTTP_COGNITO_AUTHORIZER_OPTIONS: StructSchema<HttpCognitoAuthorizerOptions> = {
  name: 'HttpCognitoAuthorizerOptions',
  props: {
    userPool: USER_POOL,
    userPoolClients: listOf(construct<cognito.IUserPoolClient>('an app client (cognito.IUserPoolClient)', 'userPoolClientId'),
      'a list of app clients (cognito.IUserPoolClient)'),
    userPoolProps: USER_POOL_PROPS,
  },
};

export const HTTP_LAMBDA_AUTHORIZER_OPTIONS: StructSchema<HttpLambdaAuthorizerOptions> = {
  name: 'HttpLambdaAuthorizerOptions',
  props: { responseType: oneOf(HttpLambdaResponseType, 'HttpLambdaResponseType'), identitySources: STRINGS, resultsCacheTtl: DURATION },
};

export const WEBSOCKET_LAMBDA_AUTHORIZER_OPTIONS: StructSchema<WebSocketLambdaAuthorizerOptions> = {
  name: 'WebSocketLambdaAuthorizerOptions',
  props: {
    identitySources: required(STRINGS, {
      errorId: 'InvalidIdentitySource',
      expected: "a list such as ['route.request.querystring.token'] (an empty list invokes the function for every connection)",
    }),
  },
};
