import { DocumentParts } from './document-parts';
import { Field } from './fields';
import { JsonObject } from '../json';
import { PropertyReader } from '../property-reader';

/**
 * `x-amazon-apigateway-integration` of a REST API, by field: the `AWS::ApiGateway::Method.Integration` property it is.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
 */
const REST_INTEGRATION_FIELDS: Readonly<Record<string, Field>> = {
  type: ['Type', 'upper'],
  uri: ['Uri', 'string'],
  httpMethod: ['IntegrationHttpMethod', 'upper'],
  credentials: ['Credentials', 'string'],
  requestParameters: ['RequestParameters', 'stringMap'],
  requestTemplates: ['RequestTemplates', 'stringMap'],
  passthroughBehavior: ['PassthroughBehavior', 'upper'],
  contentHandling: ['ContentHandling', 'upper'],
  timeoutInMillis: ['TimeoutInMillis', 'number'],
  connectionType: ['ConnectionType', 'upper'],
  connectionId: ['ConnectionId', 'string'],
  cacheNamespace: ['CacheNamespace', 'string'],
  cacheKeyParameters: ['CacheKeyParameters', 'stringList'],
  responseTransferMode: ['ResponseTransferMode', 'upper'],
  integrationTarget: ['IntegrationTarget', 'string'],
  tlsConfig: ['TlsConfig', 'json'],
};

/** An entry of the integration's `responses`, keyed by selection pattern (`default` for none). */
const REST_INTEGRATION_RESPONSE_FIELDS: Readonly<Record<string, Field>> = {
  statusCode: ['StatusCode', 'string'],
  responseParameters: ['ResponseParameters', 'stringMap'],
  responseTemplates: ['ResponseTemplates', 'stringMap'],
  contentHandling: ['ContentHandling', 'upper'],
};

/**
 * `x-amazon-apigateway-integration` of an HTTP API: the `AWS::ApiGatewayV2::Integration` property each field is.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api.html
 */
const HTTP_INTEGRATION_FIELDS: Readonly<Record<string, Field>> = {
  type: ['IntegrationType', 'upper'],
  uri: ['IntegrationUri', 'string'],
  httpMethod: ['IntegrationMethod', 'upper'],
  payloadFormatVersion: ['PayloadFormatVersion', 'version'],
  integrationSubtype: ['IntegrationSubtype', 'string'],
  credentials: ['CredentialsArn', 'string'],
  requestParameters: ['RequestParameters', 'stringMap'],
  responseParameters: ['ResponseParameters', 'json'],
  timeoutInMillis: ['TimeoutInMillis', 'number'],
  connectionType: ['ConnectionType', 'upper'],
  connectionId: ['ConnectionId', 'string'],
  tlsConfig: ['TlsConfig', 'json'],
};

/** A REST operation's `x-amazon-apigateway-integration` as the method's CloudFormation `Integration`. */
export function restIntegration<T extends string>(parts: DocumentParts<T>, integration: PropertyReader, what: string): JsonObject {
  // Required: a missing type is an error at its JSON pointer, not at the property it becomes.
  integration.string('type');
  const properties = parts.translate(integration, REST_INTEGRATION_FIELDS, `the integration of ${what}`, ['responses']);
  // The keys of `responses` are selection patterns; `default` is the response no pattern selects.
  properties.IntegrationResponses = parts.document.entries(integration, 'responses').map(([pattern, response]) => ({
    ...parts.translate(response, REST_INTEGRATION_RESPONSE_FIELDS, `the integration response ${pattern} of ${what}`),
    ...(pattern === 'default' ? {} : { SelectionPattern: pattern }),
  }));
  return properties;
}

/** An HTTP operation's `x-amazon-apigateway-integration` as the properties of an `AWS::ApiGatewayV2::Integration`. */
export function httpIntegration<T extends string>(parts: DocumentParts<T>, integration: PropertyReader, what: string): JsonObject {
  // Required, as for REST integrations.
  integration.string('type');
  return parts.translate(integration, HTTP_INTEGRATION_FIELDS, `the integration of ${what}`);
}
