import type * as Yaml from 'yaml';
import { badRequest } from './errors';
import { lazyRequire } from '../lazy-require';
import { RestApiModel, RestIntegrationModel, RestMethodModel, RestStageModel } from '../model';

const yamlModule = lazyRequire<typeof Yaml>('yaml');

/** What `GetExport` takes: the format, API Gateway extensions to include, and the media type asked for. */
export interface ExportRequest {
  readonly api: RestApiModel;
  readonly stage: RestStageModel;
  readonly region: string;
  /** `oas30` or `swagger`. */
  readonly exportType: string;
  /** The `extensions` parameter: `integrations`, `apigateway` (both add `x-amazon-apigateway-*`), `authorizers`. */
  readonly extensions?: string;
  /** `application/json` (default) or `application/yaml`. */
  readonly accept?: string;
}

/**
 * The stage's API as an OpenAPI 3.0 or Swagger 2.0 document, built from the served model: paths, methods, required
 * parameters, API key security and models, and with extensions the `x-amazon-apigateway-integration` of each method.
 */
export function exportApi(request: ExportRequest): { readonly contentType: string; readonly text: string } {
  const { api, stage, exportType } = request;
  if (exportType !== 'oas30' && exportType !== 'swagger') {
    throw badRequest(`Invalid export type '${exportType}'; expected oas30 or swagger`);
  }
  const withIntegrations = /\b(integrations|apigateway)\b/.test(request.extensions ?? '');
  const oas3 = exportType === 'oas30';
  const host = `${api.apiId}.execute-api.${request.region}.amazonaws.com`;
  const paths = Object.fromEntries(api.resources.filter((r) => r.methods.size > 0).map((resource) => [
    resource.path,
    Object.fromEntries([...resource.methods.values()].map((method) => [
      method.httpMethod === 'ANY' ? 'x-amazon-apigateway-any-method' : method.httpMethod.toLowerCase(),
      operationOf(method, oas3, withIntegrations),
    ])),
  ]));
  const apiKeyScheme = { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } };
  const schemas = Object.fromEntries([...api.models.values()].map((model) => [model.name, model.schema]));
  const document = oas3
    ? {
      openapi: '3.0.1',
      info: { title: api.name, version: stage.deploymentId },
      servers: [{ url: `https://${host}/{basePath}`, variables: { basePath: { default: stage.stageName } } }],
      paths,
      components: { securitySchemes: apiKeyScheme, schemas },
    }
    : {
      swagger: '2.0',
      info: { title: api.name, version: stage.deploymentId },
      host,
      basePath: `/${stage.stageName}`,
      schemes: ['https'],
      paths,
      securityDefinitions: apiKeyScheme,
      definitions: schemas,
    };
  const yaml = request.accept?.includes('yaml') === true;
  return yaml
    ? { contentType: 'application/yaml', text: yamlModule().stringify(document) }
    : { contentType: 'application/json', text: JSON.stringify(document, undefined, 2) };
}

function operationOf(method: RestMethodModel, oas3: boolean, withIntegrations: boolean): Record<string, unknown> {
  const parameters = Object.entries(method.requestParameters).flatMap(([name, required]) => {
    const match = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(name);
    if (!match) return [];
    const location = match[1] === 'querystring' ? 'query' : match[1];
    return [{ name: match[2], in: location, required: location === 'path' || required, ...(oas3 ? { schema: { type: 'string' } } : { type: 'string' }) }];
  });
  const statuses = method.methodResponseStatuses.length > 0 ? method.methodResponseStatuses : ['200'];
  return {
    ...(parameters.length > 0 ? { parameters } : {}),
    responses: Object.fromEntries(statuses.map((status) => [status, { description: `${status} response` }])),
    ...(method.apiKeyRequired ? { security: [{ api_key: [] }] } : {}),
    ...(withIntegrations ? { 'x-amazon-apigateway-integration': integrationExtension(method.integration) } : {}),
  };
}

function integrationExtension(integration: RestIntegrationModel): Record<string, unknown> {
  switch (integration.type) {
    case 'AWS_PROXY':
      return { type: 'aws_proxy', httpMethod: 'POST', uri: lambdaUri(integration.functionArn) };
    case 'AWS':
      return integration.functionArn !== undefined
        ? { type: 'aws', httpMethod: 'POST', uri: lambdaUri(integration.functionArn) }
        : { type: 'aws', httpMethod: integration.httpMethod, uri: integration.uri };
    case 'HTTP':
    case 'HTTP_PROXY':
      return { type: integration.type.toLowerCase(), httpMethod: integration.httpMethod, uri: integration.uri };
    case 'MOCK':
      return { type: 'mock' };
    case 'UNSUPPORTED':
      return { type: integration.integrationType.toLowerCase() };
  }
}

function lambdaUri(functionArn: string): string {
  const region = functionArn.split(':')[3];
  return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}
