import {
  FunctionModel, GatewayResponseModel, RequestValidatorModel, RestApiModel, RestAuthorizerModel, RestMethodModel,
  RestResourceModel,
} from '../model';
import { isOneOf } from './json';
import { functionArnOfInvocationUri } from './lambda-arns';
import { apiDefinitionOf, reportBasePath, withDefinition } from './openapi/api-definition';
import { restApiDefinition } from './openapi/rest-definition';
import { PropertyReader } from './property-reader';
import { ApiPart, buildApisWithParts, ResourceIndex, TemplateResource } from './resources';
import { buildRestMethod } from './rest-methods';
import { buildRestModels, reportUnknownRequestModels } from './rest-models';
import { buildRestStages } from './rest-stages';
import { AffectedRoutes, UnsupportedReport } from './unsupported';

const REST_API = 'AWS::ApiGateway::RestApi';
/** The resource types that belong to one REST API through their `RestApiId`. */
const REST_API_PARTS = [
  'AWS::ApiGateway::Resource', 'AWS::ApiGateway::Method', 'AWS::ApiGateway::Authorizer', 'AWS::ApiGateway::Deployment',
  'AWS::ApiGateway::Stage', 'AWS::ApiGateway::GatewayResponse', 'AWS::ApiGateway::RequestValidator', 'AWS::ApiGateway::Model',
] as const;
export type RestApiPartType = typeof REST_API_PARTS[number];
const AUTHORIZER_TYPES: ReadonlyArray<RestAuthorizerModel['type']> = ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'];

/** Every REST API of the app, its parts gathered from every stack by the API id they resolve to. */
export function buildRestApis(index: ResourceIndex, functions: ReadonlyMap<string, FunctionModel>, report: UnsupportedReport): RestApiModel[] {
  return buildApisWithParts(
    index,
    { apiType: REST_API, partTypes: REST_API_PARTS, apiIdProperty: 'RestApiId', apiKind: 'REST API' },
    report,
    (api, partsOf) => buildRestApi(api, partsOf, functions, report),
  );
}

/**
 * One REST API: the resources of the template that belong to it, and what its OpenAPI definition (`Body`,
 * `BodyS3Location`) declares, translated into the same resources, as API Gateway merges them.
 */
function buildRestApi(
  api: TemplateResource,
  templateParts: (type: RestApiPartType) => readonly TemplateResource[],
  functions: ReadonlyMap<string, FunctionModel>,
  report: UnsupportedReport,
): RestApiModel {
  const definition = apiDefinitionOf(api, report, 'only the resources and methods declared as AWS::ApiGateway resources are served', (document) => {
    reportBasePath(api, api.properties().object('Parameters')?.optionalString('basepath'), report);
    return restApiDefinition(document, api, report);
  });
  const partsOf = (type: RestApiPartType): readonly ApiPart[] => [...definition?.partsOf(type) ?? [], ...templateParts(type)];
  const properties = definition ? withDefinition(api, definition, ['BinaryMediaTypes']) : api.properties();
  const name = properties.optionalString('Name') ?? api.logicalId;
  reportRestApiAccess(api, properties, name, report, { apiId: api.ref() });
  if (properties.has('MinimumCompressionSize')) {
    report.add(api.origin, REST_API, `the responses of the REST API ${name} are not compressed (MinimumCompressionSize): they are sent as the integration answers`);
  }
  const apiKeySource = properties.optionalString('ApiKeySourceType') ?? 'HEADER';
  if (apiKeySource !== 'HEADER' && apiKeySource !== 'AUTHORIZER') {
    throw api.error(`has ApiKeySourceType ${apiKeySource}; expected HEADER or AUTHORIZER`);
  }
  const resources = buildResources(api, partsOf('AWS::ApiGateway::Resource'), partsOf('AWS::ApiGateway::Method'), functions, report);
  const requestValidators = new Map(partsOf('AWS::ApiGateway::RequestValidator').map((validator): [string, RequestValidatorModel] => [
    validator.ref(),
    {
      validateRequestBody: validator.properties().optionalBoolean('ValidateRequestBody') ?? false,
      validateRequestParameters: validator.properties().optionalBoolean('ValidateRequestParameters') ?? false,
    },
  ]));
  const models = buildRestModels(partsOf('AWS::ApiGateway::Model'));
  reportUnknownRequestModels(resources, models, (validatorId) => requestValidators.get(validatorId ?? '')?.validateRequestBody === true, report);
  const authorizers = new Map(partsOf('AWS::ApiGateway::Authorizer').flatMap((authorizer) => {
    const model = buildAuthorizer(authorizer, report);
    const authorizerId = authorizer.ref();
    report.attachRoutes(authorizer.origin, resources.flatMap((resource) => [...resource.methods.values()]
      .filter((method) => method.authorizerId === authorizerId).map((method) => `${method.httpMethod} ${resource.path}`)));
    return model ? [[model.authorizerId, model] as const] : [];
  }));
  return {
    origin: api.origin,
    name,
    apiId: api.ref(),
    apiKeySource,
    // API Gateway writes `/` in a media type as `~1` (image~1png); both spellings are accepted.
    binaryMediaTypes: properties.stringList('BinaryMediaTypes').map((type) => type.replace(/~1/g, '/')),
    resources,
    authorizers,
    gatewayResponses: new Map(partsOf('AWS::ApiGateway::GatewayResponse').map((response) => {
      const model = buildGatewayResponse(response);
      return [model.responseType, model];
    })),
    requestValidators,
    models,
    stages: buildRestStages(templateParts('AWS::ApiGateway::Deployment'), templateParts('AWS::ApiGateway::Stage'), report),
    deploymentIds: templateParts('AWS::ApiGateway::Deployment').map((deployment) => deployment.ref()),
    disableExecuteApiEndpoint: properties.optionalBoolean('DisableExecuteApiEndpoint') ?? false,
  };
}

/** What limits who reaches the API in AWS and is not enforced locally: its resource policy and a PRIVATE endpoint. */
function reportRestApiAccess(
  api: TemplateResource, properties: PropertyReader, name: string, report: UnsupportedReport, everyRoute: AffectedRoutes,
): void {
  if (properties.has('Policy')) {
    report.add(api.origin, REST_API, `the resource policy of the REST API ${name} is not enforced: every request passes it`, everyRoute);
  }
  if (properties.object('EndpointConfiguration')?.stringList('Types').includes('PRIVATE')) {
    report.add(api.origin, REST_API, `the REST API ${name} is PRIVATE: AWS serves it only through interface VPC endpoints; it is served on localhost anyway`, everyRoute);
  }
  if (properties.optionalBoolean('DisableExecuteApiEndpoint')) {
    report.add(api.origin, REST_API, `the default endpoint of the REST API ${name} is disabled: its local URL answers 403 Forbidden, as execute-api does in AWS (its custom domain is not served)`, everyRoute);
  }
}

/** The root (`/`) and every resource with its full path, built from `ParentId` and `PathPart`. */
function buildResources(
  api: TemplateResource,
  resources: readonly ApiPart[],
  methods: readonly ApiPart[],
  functions: ReadonlyMap<string, FunctionModel>,
  report: UnsupportedReport,
): RestResourceModel[] {
  const rootId = String(api.attribute('RootResourceId'));
  const byId = new Map(resources.map((resource) => [resource.ref(), resource]));
  const paths = new Map<string, string>([[rootId, '/']]);
  const pathOf = (resourceId: string, child: ApiPart, visiting: ReadonlySet<string>): string => {
    const known = paths.get(resourceId);
    if (known !== undefined) return known;
    const resource = byId.get(resourceId);
    if (!resource || visiting.has(resourceId)) {
      throw child.error(`is under ${resourceId}, which is neither the root resource nor a resource of the REST API ${api.logicalId}; expected a ParentId or ResourceId of the same API`);
    }
    const properties = resource.properties();
    const parentPath = pathOf(properties.string('ParentId'), resource, new Set([...visiting, resourceId]));
    const resourcePath = `${parentPath === '/' ? '' : parentPath}/${properties.string('PathPart')}`;
    paths.set(resourceId, resourcePath);
    return resourcePath;
  };
  const methodsByResource = new Map<string, Map<string, RestMethodModel>>();
  for (const method of methods) {
    report.serveOrReport(method.origin, method.type, `the method ${method.origin.logicalId}`, () => {
      const resourceId = method.properties().string('ResourceId');
      const model = buildRestMethod(method, pathOf(resourceId, method, new Set()), functions, report);
      report.attachRoutes(method.origin, [`${model.httpMethod} ${pathOf(resourceId, method, new Set())}`]);
      methodsByResource.set(resourceId, (methodsByResource.get(resourceId) ?? new Map<string, RestMethodModel>()).set(model.httpMethod, model));
    });
  }
  const root: RestResourceModel = { resourceId: rootId, path: '/', methods: methodsByResource.get(rootId) ?? new Map<string, RestMethodModel>() };
  return [root, ...[...byId].flatMap(([resourceId, resource]) => {
    const path = report.serveOrReport(resource.origin, resource.type, `the resource ${resource.origin.logicalId}`, () => pathOf(resourceId, resource, new Set()));
    return path === undefined ? [] : [{ resourceId, path, methods: methodsByResource.get(resourceId) ?? new Map<string, RestMethodModel>() }];
  })];
}

function buildAuthorizer(authorizer: ApiPart, report: UnsupportedReport): RestAuthorizerModel | undefined {
  const properties = authorizer.properties();
  const type = properties.string('Type').toUpperCase();
  const name = properties.optionalString('Name') ?? authorizer.origin.logicalId;
  if (!isOneOf(type, AUTHORIZER_TYPES)) {
    report.add(authorizer.origin, authorizer.type, `the authorizer ${name} has type ${type}, which is not served; methods using it fail`);
    return undefined;
  }
  const uri = properties.optionalString('AuthorizerUri');
  const functionArn = uri === undefined ? undefined : functionArnOfInvocationUri(uri);
  if (type !== 'COGNITO_USER_POOLS' && !functionArn) {
    report.add(authorizer.origin, authorizer.type, `the ${type} authorizer ${name} does not invoke a Lambda function (AuthorizerUri ${uri ?? 'missing'}), so methods using it fail`);
  }
  return {
    origin: authorizer.origin,
    authorizerId: authorizer.ref(),
    name,
    type,
    functionArn,
    identitySources: (properties.optionalString('IdentitySource') ?? '').split(',').map((source) => source.trim()).filter(Boolean),
    identityValidationExpression: properties.optionalString('IdentityValidationExpression'),
    resultTtlSeconds: properties.optionalNumber('AuthorizerResultTtlInSeconds') ?? 300,
    providerArns: properties.stringList('ProviderARNs'),
  };
}

function buildGatewayResponse(response: ApiPart): GatewayResponseModel {
  const properties = response.properties();
  return {
    responseType: properties.string('ResponseType'),
    statusCode: properties.optionalString('StatusCode'),
    responseParameters: properties.stringMap('ResponseParameters'),
    responseTemplates: properties.stringMap('ResponseTemplates'),
  };
}
