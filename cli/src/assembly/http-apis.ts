import {
  FunctionModel, HttpApiModel, HttpAuthorizationType, HttpCorsModel, HttpIntegrationModel, HttpRouteModel, HttpStageModel,
  ThrottleModel,
} from '../model';
import { buildHttpAuthorizer, buildHttpIntegration, HTTP_INTEGRATION_TIMEOUT_MS, lambdaProxyIntegration } from './http-integrations';
import { isOneOf } from './json';
import { functionArnOfTarget } from './lambda-arns';
import { apiDefinitionOf, reportBasePath, withDefinition } from './openapi/api-definition';
import { httpApiDefinition } from './openapi/http-definition';
import { PropertyReader } from './property-reader';
import { ApiPart, buildApisWithParts, ResourceIndex, TemplateResource } from './resources';
import { UnsupportedReport } from './unsupported';

const API = 'AWS::ApiGatewayV2::Api';
/** The resource types that belong to one API through their `ApiId`; WebSocket-only types are skipped with their API. */
const API_PARTS = [
  'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::Authorizer', 'AWS::ApiGatewayV2::Stage',
  'AWS::ApiGatewayV2::Deployment', 'AWS::ApiGatewayV2::RouteResponse', 'AWS::ApiGatewayV2::IntegrationResponse',
  'AWS::ApiGatewayV2::Model',
] as const;
export type HttpApiPartType = typeof API_PARTS[number];
export { API_PARTS as API_V2_PARTS };
const AUTHORIZATION_TYPES: readonly HttpAuthorizationType[] = ['NONE', 'AWS_IAM', 'JWT', 'CUSTOM'];

/** Every HTTP API of the app. */
export function buildHttpApis(index: ResourceIndex, functions: ReadonlyMap<string, FunctionModel>, report: UnsupportedReport): HttpApiModel[] {
  return buildApisWithParts(
    index,
    { apiType: API, partTypes: API_PARTS, apiIdProperty: 'ApiId', apiKind: 'API' },
    report,
    (api, templateParts) => {
      // An OpenAPI definition declares an HTTP API (API Gateway imports no other kind) with its routes and authorizers.
      const definition = apiDefinitionOf(api, report, 'the routes it declares are not served', (document) => {
        reportBasePath(api, api.properties().optionalString('BasePath'), report);
        return httpApiDefinition(document, api, report);
      });
      const properties = definition ? withDefinition(api, definition) : api.properties();
      const protocol = properties.optionalString('ProtocolType');
      if (protocol === 'HTTP') {
        return buildHttpApi(api, properties, (type) => [...definition?.partsOf(type) ?? [], ...templateParts(type)], functions, report);
      }
      const name = properties.optionalString('Name') ?? api.logicalId;
      // WebSocket APIs are built by websocket-apis.ts.
      if (protocol !== 'WEBSOCKET' && !properties.has('Body') && !properties.has('BodyS3Location')) {
        report.add(api.origin, API, `the API ${name} has ProtocolType ${protocol ?? '(none)'} and no OpenAPI definition, so it is not served`);
      }
      return undefined;
    },
  );
}

function buildHttpApi(
  api: TemplateResource,
  properties: PropertyReader,
  partsOf: (type: HttpApiPartType) => readonly ApiPart[],
  functions: ReadonlyMap<string, FunctionModel>,
  report: UnsupportedReport,
): HttpApiModel {
  const integrations = new Map<string, HttpIntegrationModel>();
  const integrationById = new Map(partsOf('AWS::ApiGatewayV2::Integration').map((integration) => [integration.ref(), integration]));
  const integrationOf = (route: ApiPart): HttpIntegrationModel => {
    const target = route.properties().optionalString('Target');
    const integrationId = target === undefined ? undefined : /^integrations\/(.+)$/.exec(target)?.[1];
    const integration = integrationId === undefined ? undefined : integrationById.get(integrationId);
    if (integrationId === undefined || !integration) {
      report.add(route.origin, route.type, `the route ${route.properties().string('RouteKey')} has ${target === undefined ? 'no target' : `the target ${target}, which is not an integration of its API`}, so it is not served`);
      return { type: 'UNSUPPORTED', integrationType: 'NONE' };
    }
    const built = integrations.get(integrationId) ?? buildHttpIntegration(integration, functions, report);
    integrations.set(integrationId, built);
    report.attachRoutes(integration.origin, [route.properties().string('RouteKey')]);
    return built;
  };
  const quickCreate = quickCreateOf(api, properties, functions, report);
  const cors = properties.object('CorsConfiguration');
  const name = properties.optionalString('Name') ?? api.logicalId;
  if (properties.optionalBoolean('DisableExecuteApiEndpoint')) {
    report.add(api.origin, API, `the default endpoint of the HTTP API ${name} is disabled: its local URL answers 403 Forbidden, as execute-api does in AWS (its custom domain is not served)`, { apiId: api.ref() });
  }
  const routes = partsOf('AWS::ApiGatewayV2::Route').flatMap((route) => {
    const model = report.serveOrReport(route.origin, route.type, `the route ${route.origin.logicalId}`, () => buildRoute(route, integrationOf(route)));
    return model ? [model] : [];
  });
  const authorizers = new Map(partsOf('AWS::ApiGatewayV2::Authorizer').flatMap((authorizer) => {
    const model = report.serveOrReport(authorizer.origin, authorizer.type, `the authorizer ${authorizer.origin.logicalId}`, () => buildHttpAuthorizer(authorizer, report));
    const authorizerId = authorizer.ref();
    report.attachRoutes(authorizer.origin, routes.filter((route) => route.authorizerId === authorizerId).map((route) => route.routeKey));
    return model ? [[model.authorizerId, model] as const] : [];
  }));
  return {
    origin: api.origin,
    name,
    apiId: api.ref(),
    routes: [...routes, ...quickCreate.routes],
    authorizers,
    cors: cors && corsOf(cors),
    stages: [...partsOf('AWS::ApiGatewayV2::Stage').map(buildStage), ...quickCreate.stages],
    disableExecuteApiEndpoint: properties.optionalBoolean('DisableExecuteApiEndpoint') ?? false,
  };
}

function buildRoute(route: ApiPart, integration: HttpIntegrationModel): HttpRouteModel {
  const properties = route.properties();
  const authorizationType = properties.optionalString('AuthorizationType')?.toUpperCase() ?? 'NONE';
  if (!isOneOf(authorizationType, AUTHORIZATION_TYPES)) {
    throw route.error(`has AuthorizationType ${authorizationType}; expected one of ${AUTHORIZATION_TYPES.join(', ')}`);
  }
  return {
    origin: route.origin,
    routeKey: properties.string('RouteKey'),
    authorizationType,
    authorizerId: properties.optionalString('AuthorizerId'),
    authorizationScopes: properties.stringList('AuthorizationScopes'),
    integration,
  };
}

/**
 * Quick create (`Target` on the API itself): API Gateway adds a route (`RouteKey`, default `$default`) to the target
 * and a `$default` stage that deploys automatically.
 */
function quickCreateOf(
  api: TemplateResource,
  properties: PropertyReader,
  functions: ReadonlyMap<string, FunctionModel>,
  report: UnsupportedReport,
): { readonly routes: HttpRouteModel[]; readonly stages: HttpStageModel[] } {
  const target = properties.optionalString('Target');
  if (target === undefined) return { routes: [], stages: [] };
  const functionArn = functionArnOfTarget(target);
  const route: HttpRouteModel = {
    origin: api.origin,
    routeKey: properties.optionalString('RouteKey') ?? '$default',
    authorizationType: 'NONE',
    authorizationScopes: [],
    // A target that is not a function is a URL, which quick create integrates as HTTP_PROXY.
    integration: functionArn
      ? lambdaProxyIntegration(api, functionArn, undefined, undefined, functions, report)
      : { type: 'HTTP_PROXY', uri: target, httpMethod: 'ANY', requestParameters: {}, timeoutMs: HTTP_INTEGRATION_TIMEOUT_MS },
  };
  return { routes: [route], stages: [{ stageName: '$default', variables: {}, routeThrottles: {} }] };
}

/** An `AWS::ApiGatewayV2::Stage`, of an HTTP or a WebSocket API. */
export function buildStage(stage: ApiPart): HttpStageModel {
  const properties = stage.properties();
  const defaultRoute = properties.object('DefaultRouteSettings');
  return {
    stageName: properties.string('StageName'),
    variables: properties.stringMap('StageVariables'),
    defaultRouteThrottle: defaultRoute && throttleOf(defaultRoute),
    routeThrottles: Object.fromEntries(properties.objectEntries('RouteSettings').flatMap(([routeKey, settings]) => {
      const throttle = throttleOf(settings);
      return throttle ? [[routeKey, throttle]] : [];
    })),
  };
}

function throttleOf(settings: PropertyReader): ThrottleModel | undefined {
  const rateLimit = settings.optionalNumber('ThrottlingRateLimit');
  const burstLimit = settings.optionalNumber('ThrottlingBurstLimit');
  return rateLimit === undefined && burstLimit === undefined ? undefined : { rateLimit, burstLimit };
}

function corsOf(cors: PropertyReader): HttpCorsModel {
  return {
    allowOrigins: cors.stringList('AllowOrigins'),
    allowMethods: cors.stringList('AllowMethods'),
    allowHeaders: cors.stringList('AllowHeaders'),
    exposeHeaders: cors.stringList('ExposeHeaders'),
    allowCredentials: cors.optionalBoolean('AllowCredentials') ?? false,
    maxAge: cors.optionalNumber('MaxAge'),
  };
}
