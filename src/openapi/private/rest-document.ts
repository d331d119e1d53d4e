import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { IConstruct } from 'constructs';
import { CORS_EXTENSION, ExportedApi, lowerCase, ExportedOperation, OpenApiObject, SIGV4_SCHEME, SIGV4_SECURITY_SCHEME } from './document-builder';
import { refsOf, ResourcesByRef, resourcesOf } from './resources-by-ref';
import { toOpenApiSchema } from './schemas';
import { restSecurityScheme } from './security-schemes';
import { isObject } from '../../private/values';

/** What the document is read from: the API construct, its RestApi and its stages. */
export interface RestApiParts extends IConstruct {
  readonly restApi: apigateway.RestApi;
  readonly stages: { [stageName: string]: apigateway.Stage };
  /** The custom domain the API's `customDomain` created, mapping the primary stage. */
  readonly customDomain?: { readonly url: string };
}

const PARAMETER = /^method\.request\.(querystring|header)\.(.+)$/;

/** The routes, authorizers, models, stages and CORS of a REST API, read from the resources it deploys. */
export function exportRestApi(api: RestApiParts): ExportedApi {
  const cfnApi = api.restApi.node.defaultChild as apigateway.CfnRestApi;
  const authorizers = refsOf(api, apigateway.CfnAuthorizer);
  const models = refsOf(api.restApi, apigateway.CfnModel);
  const securitySchemes: { [name: string]: OpenApiObject } = { [SIGV4_SCHEME]: SIGV4_SECURITY_SCHEME };
  const schemas: { [name: string]: OpenApiObject } = {};
  const cors = api.restApi.root.defaultCorsPreflightOptions;
  const apiKeyFromHeader = (cfnApi.apiKeySourceType ?? 'HEADER') === 'HEADER';
  const operations = api.restApi.methods
    .filter((method) => !(cors && method.httpMethod === 'OPTIONS'))
    .map((method): ExportedOperation => {
      const cfn = method.node.defaultChild as apigateway.CfnMethod;
      const authorizer = cfn.authorizerId === undefined ? undefined : authorizers.find(cfn.authorizerId);
      if (authorizer) {
        securitySchemes[schemeName(authorizer)] = restSecurityScheme(authorizer);
      }
      const model = bodyModel(cfn, models);
      if (model) {
        schemas[model.name] = toOpenApiSchema(model.schema);
      }
      return {
        routeKey: `${method.httpMethod} ${method.resource.path}`,
        path: method.resource.path,
        method: method.httpMethod,
        security: cfn.authorizationType === 'AWS_IAM' ? { scheme: SIGV4_SCHEME, scopes: [] }
          : authorizer && { scheme: schemeName(authorizer), scopes: cfn.authorizationScopes ?? [] },
        apiKeyRequired: apiKeyFromHeader && cfn.apiKeyRequired === true,
        parameters: requestParameters(cfn),
        bodySchema: model?.name,
        extensions: integrationExtension(cfn.integration),
      };
    });
  return {
    title: api.restApi.restApiName,
    description: cfnApi.description,
    servers: [...cfnApi.disableExecuteApiEndpoint ? [] : stageServers(api), ...customDomainServers(api)],
    operations,
    securitySchemes,
    schemas,
    extensions: {
      ...cors && { [CORS_EXTENSION]: corsExtension(cors) },
      ...!apiKeyFromHeader && { 'x-amazon-apigateway-api-key-source': cfnApi.apiKeySourceType },
    },
  };
}

/** The URL of each stage on the default endpoint. */
function stageServers(api: RestApiParts): OpenApiObject[] {
  const stack = Stack.of(api);
  return Object.keys(api.stages).map((name) => ({
    url: `https://${api.restApi.restApiId}.execute-api.${stack.region}.${stack.urlSuffix}/${name}/`,
    description: `The stage '${name}'`,
  }));
}

/** The URL of the custom domain under each base path it maps the API to. */
function customDomainServers(api: RestApiParts): OpenApiObject[] {
  if (!api.customDomain) {
    return [];
  }
  const basePaths = [
    ...resourcesOf(api, apigateway.CfnBasePathMapping).map((mapping) => mapping.basePath),
    ...resourcesOf(api, apigatewayv2.CfnApiMapping).map((mapping) => mapping.apiMappingKey),
  ];
  return basePaths.map((basePath) => ({ url: `${api.customDomain!.url}${basePath ? `${basePath}/` : ''}`, description: 'The custom domain' }));
}

/** The scheme of an authorizer is named as its construct: `DefaultAuthorizer`, `CognitoAuthorizer`, ... */
function schemeName(authorizer: IConstruct): string {
  return authorizer.node.scope!.node.id;
}

function requestParameters(cfn: apigateway.CfnMethod): ExportedOperation['parameters'] {
  return Object.entries((cfn.requestParameters ?? {}) as Record<string, boolean>).flatMap(([parameter, required]) => {
    const match = PARAMETER.exec(parameter);
    return match ? [{ in: match[1] === 'header' ? 'header' as const : 'query' as const, name: match[2], required: required === true }] : [];
  });
}

function bodyModel(cfn: apigateway.CfnMethod, models: ResourcesByRef<apigateway.CfnModel>): { name: string; schema: unknown } | undefined {
  const modelId = (cfn.requestModels as Record<string, string> | undefined)?.['application/json'];
  const model = modelId === undefined ? undefined : models.find(modelId);
  return model && { name: model.name ?? model.node.scope!.node.id, schema: model.schema };
}

/**
 * `x-amazon-apigateway-integration`, as API Gateway imports and exports it; none for a method whose integration is
 * known only once the app is complete (an escape hatch's `Lazy`).
 */
function integrationExtension(property: unknown): OpenApiObject {
  if (!isObject(property) || typeof property.type !== 'string') {
    return {};
  }
  const integration = property as unknown as apigateway.CfnMethod.IntegrationProperty;
  const responses = (integration.integrationResponses ?? []) as apigateway.CfnMethod.IntegrationResponseProperty[];
  return {
    'x-amazon-apigateway-integration': {
      type: lowerCase(integration.type),
      httpMethod: integration.integrationHttpMethod,
      uri: integration.uri,
      connectionType: integration.connectionType,
      connectionId: integration.connectionId,
      credentials: integration.credentials,
      requestParameters: integration.requestParameters,
      requestTemplates: integration.requestTemplates,
      passthroughBehavior: lowerCase(integration.passthroughBehavior),
      timeoutInMillis: integration.timeoutInMillis,
      cacheKeyParameters: integration.cacheKeyParameters,
      ...responses.length > 0 && {
        responses: Object.fromEntries(responses.map((response) => [response.selectionPattern ?? 'default', {
          statusCode: response.statusCode,
          responseParameters: response.responseParameters,
          responseTemplates: response.responseTemplates,
        }])),
      },
    },
  };
}

/** The preflight answers, in the shape of `CorsOptions` (and of HTTP APIs' `x-amazon-apigateway-cors`). */
function corsExtension(cors: apigateway.CorsOptions): OpenApiObject {
  return {
    allowOrigins: cors.allowOrigins,
    allowMethods: cors.allowMethods,
    allowHeaders: cors.allowHeaders,
    allowCredentials: cors.allowCredentials,
    exposeHeaders: cors.exposeHeaders,
    maxAge: cors.maxAge?.toSeconds(),
  };
}
