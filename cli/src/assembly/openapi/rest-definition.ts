import { ApiDefinition } from './api-definition';
import { DocumentParts } from './document-parts';
import { definedOnly, Field, translateFields } from './fields';
import { OpenApiDocument } from './openapi-document';
import { addNamedModels } from './request-models';
import { addRestPaths } from './rest-operations';
import { securitySchemes } from './security';
import { JsonObject } from '../json';
import { TemplateResource } from '../resources';
import type { RestApiPartType } from '../rest-apis';
import { UnsupportedReport } from '../unsupported';

/** The document-level extensions of a REST API that are read (documentation has no effect on requests). */
const DOCUMENT_EXTENSIONS = [
  'x-amazon-apigateway-api-key-source', 'x-amazon-apigateway-binary-media-types', 'x-amazon-apigateway-documentation',
  'x-amazon-apigateway-endpoint-configuration', 'x-amazon-apigateway-gateway-responses', 'x-amazon-apigateway-minimum-compression-size',
  'x-amazon-apigateway-policy', 'x-amazon-apigateway-request-validator', 'x-amazon-apigateway-request-validators',
];

const API_FIELDS: Readonly<Record<string, Field>> = {
  'x-amazon-apigateway-api-key-source': ['ApiKeySourceType', 'upper'],
  'x-amazon-apigateway-binary-media-types': ['BinaryMediaTypes', 'stringList'],
  'x-amazon-apigateway-minimum-compression-size': ['MinimumCompressionSize', 'number'],
  'x-amazon-apigateway-policy': ['Policy', 'json'],
};

const ENDPOINT_FIELDS: Readonly<Record<string, Field>> = {
  types: ['Types', 'stringList'],
  vpcEndpointIds: ['VpcEndpointIds', 'stringList'],
  disableExecuteApiEndpoint: ['DisableExecuteApiEndpoint', 'boolean'],
};

const VALIDATOR_FIELDS: Readonly<Record<string, Field>> = {
  validateRequestBody: ['ValidateRequestBody', 'boolean'],
  validateRequestParameters: ['ValidateRequestParameters', 'boolean'],
};

const GATEWAY_RESPONSE_FIELDS: Readonly<Record<string, Field>> = {
  statusCode: ['StatusCode', 'string'],
  responseParameters: ['ResponseParameters', 'stringMap'],
  responseTemplates: ['ResponseTemplates', 'stringMap'],
};

/** `x-amazon-apigateway-authorizer` of a REST API: the `AWS::ApiGateway::Authorizer` property each field is. */
const AUTHORIZER_FIELDS: Readonly<Record<string, Field>> = {
  type: ['Type', 'upper'],
  authorizerUri: ['AuthorizerUri', 'string'],
  authorizerCredentials: ['AuthorizerCredentials', 'string'],
  identitySource: ['IdentitySource', 'string'],
  identityValidationExpression: ['IdentityValidationExpression', 'string'],
  authorizerResultTtlInSeconds: ['AuthorizerResultTtlInSeconds', 'number'],
  providerARNs: ['ProviderARNs', 'stringList'],
};

/**
 * The REST API an OpenAPI definition declares, as API Gateway imports it: resources and methods from `paths`,
 * authorizers from the security schemes, models from the named schemas, request validators and gateway responses
 * from their extensions.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */
export function restApiDefinition(document: OpenApiDocument, api: TemplateResource, report: UnsupportedReport): ApiDefinition<RestApiPartType> {
  const parts = new DocumentParts<RestApiPartType>(document, api, report);
  const { root } = document;
  parts.unknownExtensions(root, DOCUMENT_EXTENSIONS, 'the document');
  for (const [responseType, response] of document.entries(root, 'x-amazon-apigateway-gateway-responses')) {
    parts.add('AWS::ApiGateway::GatewayResponse', parts.id('gateway-response', responseType), response, {
      ResponseType: responseType,
      ...parts.translate(response, GATEWAY_RESPONSE_FIELDS, `the gateway response ${responseType}`),
    });
  }
  const validators = new Map(document.entries(root, 'x-amazon-apigateway-request-validators').map(([name, validator]) => {
    const id = parts.id('request-validator', name);
    parts.add('AWS::ApiGateway::RequestValidator', id, validator, { Name: name, ...parts.translate(validator, VALIDATOR_FIELDS, `the request validator ${name}`) });
    return [name, id];
  }));
  const schemes = securitySchemes(parts, (name, scheme, extension) => {
    const id = parts.id('authorizer', name);
    const type = extension.string('type').toUpperCase();
    const properties: JsonObject = { Name: name, ...parts.translate(extension, AUTHORIZER_FIELDS, `the authorizer of the security scheme ${name}`) };
    // TOKEN and Cognito authorizers read the header the scheme names (`in: header`, `name`) unless the extension says.
    if (type !== 'REQUEST' && properties.IdentitySource === undefined && scheme.optionalString('in') === 'header') {
      properties.IdentitySource = `method.request.header.${scheme.string('name')}`;
    }
    parts.add('AWS::ApiGateway::Authorizer', id, extension, properties);
    return { id, type };
  });
  addNamedModels(parts);
  addRestPaths({ parts, rootId: String(api.attribute('RootResourceId')), schemes, validators });
  const endpoint = root.object('x-amazon-apigateway-endpoint-configuration');
  const { DisableExecuteApiEndpoint, ...endpointConfiguration } = endpoint ? parts.translate(endpoint, ENDPOINT_FIELDS, 'the endpoint configuration') : {};
  return {
    properties: {
      ...definedOnly({ Name: root.object('info')?.optionalString('title'), DisableExecuteApiEndpoint }),
      ...(endpoint ? { EndpointConfiguration: endpointConfiguration } : {}),
      ...translateFields(root, API_FIELDS).properties,
    },
    partsOf: (type) => parts.of(type),
  };
}
