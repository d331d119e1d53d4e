import {
  FunctionModel, WebSocketApiModel, WebSocketAuthorizationType, WebSocketAuthorizerModel, WebSocketIntegrationModel, WebSocketRouteModel,
} from '../model';
import { API_V2_PARTS, buildStage, HttpApiPartType } from './http-apis';
import { isOneOf } from './json';
import { functionArnOfTarget, isUnknownFunctionArn } from './lambda-arns';
import { ApiPart, buildApisWithParts, ResourceIndex } from './resources';
import { UnsupportedReport } from './unsupported';

/** API Gateway's default and maximum for WebSocket integrations. */
export const WEBSOCKET_INTEGRATION_TIMEOUT_MS = 29_000;
const AUTHORIZATION_TYPES: readonly WebSocketAuthorizationType[] = ['NONE', 'AWS_IAM', 'CUSTOM'];

/** Every WebSocket API of the app (`AWS::ApiGatewayV2::Api` with `ProtocolType: WEBSOCKET`). */
export function buildWebSocketApis(
  index: ResourceIndex, functions: ReadonlyMap<string, FunctionModel>, report: UnsupportedReport,
): WebSocketApiModel[] {
  return buildApisWithParts(
    index,
    { apiType: 'AWS::ApiGatewayV2::Api', partTypes: API_V2_PARTS, apiIdProperty: 'ApiId', apiKind: 'API' },
    report,
    (api, partsOf): WebSocketApiModel | undefined => {
      const properties = api.properties();
      if (properties.optionalString('ProtocolType') !== 'WEBSOCKET') return undefined;
      const twoWayRoutes = new Set(partsOf('AWS::ApiGatewayV2::RouteResponse').map((response) => response.properties().string('RouteId')));
      const integrations = new Map(partsOf('AWS::ApiGatewayV2::Integration').map((integration) => [integration.ref(), integration]));
      const routes = partsOf('AWS::ApiGatewayV2::Route').flatMap((route) => {
        const model = report.serveOrReport(route.origin, route.type, `the route ${route.origin.logicalId}`,
          () => buildRoute(route, twoWayRoutes.has(route.ref()), integrations, functions, report));
        return model ? [[model.routeKey, model] as const] : [];
      });
      const authorizers = partsOf('AWS::ApiGatewayV2::Authorizer').flatMap((authorizer) => {
        const model = report.serveOrReport(authorizer.origin, authorizer.type, `the authorizer ${authorizer.origin.logicalId}`,
          () => buildAuthorizer(authorizer, report));
        return model ? [[model.authorizerId, model] as const] : [];
      });
      reportUnservedParts(partsOf, report);
      return {
        origin: api.origin,
        name: properties.optionalString('Name') ?? api.logicalId,
        apiId: api.ref(),
        routeSelectionExpression: properties.string('RouteSelectionExpression'),
        apiKeySelectionExpression: properties.optionalString('ApiKeySelectionExpression'),
        routes: new Map(routes),
        authorizers: new Map(authorizers),
        stages: partsOf('AWS::ApiGatewayV2::Stage').map(buildStage),
      };
    },
  );
}

function buildRoute(
  route: ApiPart,
  twoWay: boolean,
  integrations: ReadonlyMap<string, ApiPart>,
  functions: ReadonlyMap<string, FunctionModel>,
  report: UnsupportedReport,
): WebSocketRouteModel {
  const properties = route.properties();
  const authorizationType = properties.optionalString('AuthorizationType')?.toUpperCase() ?? 'NONE';
  if (!isOneOf(authorizationType, AUTHORIZATION_TYPES)) {
    throw route.error(`has AuthorizationType ${authorizationType}; expected one of ${AUTHORIZATION_TYPES.join(', ')}`);
  }
  const target = properties.optionalString('Target');
  const integrationId = target === undefined ? undefined : /^integrations\/(.+)$/.exec(target)?.[1];
  const integration = integrationId === undefined ? undefined : integrations.get(integrationId);
  const routeKey = properties.string('RouteKey');
  return {
    origin: route.origin,
    routeKey,
    authorizationType,
    authorizerId: properties.optionalString('AuthorizerId'),
    apiKeyRequired: properties.optionalBoolean('ApiKeyRequired') ?? false,
    twoWay,
    integration: integration ? buildIntegration(integration, functions, report) : unservedTarget(route, routeKey, target, report),
  };
}

function unservedTarget(route: ApiPart, routeKey: string, target: string | undefined, report: UnsupportedReport): WebSocketIntegrationModel {
  report.add(route.origin, route.type, `the route ${routeKey} has ${target === undefined ? 'no target' : `the target ${target}, which is not an integration of its API`}, so messages to it fail`);
  return { type: 'UNSUPPORTED', integrationType: 'NONE' };
}

function buildIntegration(integration: ApiPart, functions: ReadonlyMap<string, FunctionModel>, report: UnsupportedReport): WebSocketIntegrationModel {
  const properties = integration.properties();
  const type = properties.string('IntegrationType').toUpperCase();
  if (type === 'MOCK') return { type };
  const functionArn = type === 'AWS_PROXY' ? functionArnOfTarget(properties.optionalString('IntegrationUri') ?? '') : undefined;
  if (!functionArn) {
    report.add(integration.origin, integration.type, `the ${type} integration is not served, so routes to it fail; Lambda proxy and MOCK integrations are`);
    return { type: 'UNSUPPORTED', integrationType: type };
  }
  if (isUnknownFunctionArn(functionArn, functions)) {
    report.add(integration.origin, integration.type, `the integration invokes ${functionArn}, which is not a function of the cloud assembly, so routes to it fail`);
  }
  return { type: 'AWS_PROXY', functionArn, timeoutMs: properties.optionalNumber('TimeoutInMillis') ?? WEBSOCKET_INTEGRATION_TIMEOUT_MS };
}

function buildAuthorizer(authorizer: ApiPart, report: UnsupportedReport): WebSocketAuthorizerModel | undefined {
  const properties = authorizer.properties();
  const name = properties.optionalString('Name') ?? authorizer.origin.logicalId;
  const functionArn = properties.string('AuthorizerType').toUpperCase() === 'REQUEST'
    ? functionArnOfTarget(properties.optionalString('AuthorizerUri') ?? '') : undefined;
  if (!functionArn) {
    report.add(authorizer.origin, authorizer.type, `the authorizer ${name} is not served (no Lambda function in AuthorizerUri), so $connect refuses every connection`);
    return undefined;
  }
  return { origin: authorizer.origin, authorizerId: authorizer.ref(), name, functionArn, identitySources: properties.stringList('IdentitySource') };
}

/**
 * Models validate and transform messages of non-proxy integrations, which the runtime does not apply (a MOCK answers
 * 200 whatever its integration responses say).
 */
function reportUnservedParts(partsOf: (type: HttpApiPartType) => readonly ApiPart[], report: UnsupportedReport): void {
  for (const part of partsOf('AWS::ApiGatewayV2::Model')) {
    report.add(part.origin, part.type, 'is not applied: the runtime serves Lambda proxy and MOCK integrations of WebSocket APIs without models');
  }
}
