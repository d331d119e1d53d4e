import type { ErrorId } from './error-ids';
import { GatewayKitValidationError } from './errors';
import { StructSchema, UnknownPropHint } from './prop-types';

/*
 * What to say when an API construct is given a prop of another one (`waf` on a WebSocket API), or of an aws-cdk-lib L2
 * (`restApiName`): the prop's feature, the API types that offer it and the construct to use.
 */

/** The API types, each served by its constructs. */
export type ApiType = 'REST' | 'HTTP' | 'WebSocket';

/** The props of an API construct, or the options of one of its routes. */
export interface ApiStructSchema extends StructSchema<any> {
  readonly api: ApiType;
  /** The construct that offers these props. */
  readonly construct: string;
}

/** What a prop of some API constructs asks for, to explain its absence from the others. */
interface ApiFeature {
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
  openApi: {
    feature: 'an API built from an OpenAPI document',
    instead: { WebSocket: 'OpenAPI describes request-response APIs; declare the WebSocket routes in routes' },
  },
  connectionRegistry: { feature: 'a registry of open WebSocket connections' },
  routesPerNestedStack: {
    feature: 'routes spread over nested stacks',
    instead: { WebSocket: "a WebSocket API's routes are few (one per message action) and stay in its stack" },
  },
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
    const fail = (errorId: ErrorId, message: string) => {
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

const ERROR_ID_PREFIX: { readonly [api in ApiType]: 'Rest' | 'Http' | 'WebSocket' } = { REST: 'Rest', HTTP: 'Http', WebSocket: 'WebSocket' };

function article(api: ApiType): string {
  return api === 'HTTP' ? 'an' : 'a';
}

/**
 * The schemas of the API constructs' props (`level: 'api'`) or of their routes' options (`'route'`), each explaining the
 * props of the others that it lacks.
 */
export function withApiFeatures(schemas: readonly ApiStructSchema[], level: 'api' | 'route'): ApiStructSchema[] {
  const [features, aliases] = level === 'api' ? [API_FEATURES, API_ALIASES] : [ROUTE_FEATURES, ROUTE_ALIASES];
  return schemas.map((schema) => ({ ...schema, unknownProp: foreignProp(schemas, schema, features, aliases) }));
}
