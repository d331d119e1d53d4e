import { ApiDefinition } from './api-definition';
import { DocumentParts } from './document-parts';
import { definedOnly, Field } from './fields';
import { httpIntegration } from './integration-extension';
import { OpenApiDocument } from './openapi-document';
import { pathOperations } from './paths';
import { operationSecurity, OperationSecurity, securitySchemes } from './security';
import type { HttpApiPartType } from '../http-apis';
import { JsonObject } from '../json';
import { PropertyReader } from '../property-reader';
import { TemplateResource } from '../resources';
import { UnsupportedReport } from '../unsupported';

type HttpParts = DocumentParts<HttpApiPartType>;

const DOCUMENT_EXTENSIONS = ['x-amazon-apigateway-cors', 'x-amazon-apigateway-endpoint-configuration', 'x-amazon-apigateway-importexport-version'];

const CORS_FIELDS: Readonly<Record<string, Field>> = {
  allowOrigins: ['AllowOrigins', 'stringList'],
  allowCredentials: ['AllowCredentials', 'boolean'],
  allowMethods: ['AllowMethods', 'stringList'],
  allowHeaders: ['AllowHeaders', 'stringList'],
  exposeHeaders: ['ExposeHeaders', 'stringList'],
  maxAge: ['MaxAge', 'number'],
};

/** `x-amazon-apigateway-authorizer` of an HTTP API: the `AWS::ApiGatewayV2::Authorizer` property each field is. */
const AUTHORIZER_FIELDS: Readonly<Record<string, Field>> = {
  type: ['AuthorizerType', 'upper'],
  identitySource: ['IdentitySource', 'commaList'],
  authorizerUri: ['AuthorizerUri', 'string'],
  authorizerCredentials: ['AuthorizerCredentialsArn', 'string'],
  authorizerPayloadFormatVersion: ['AuthorizerPayloadFormatVersion', 'version'],
  enableSimpleResponses: ['EnableSimpleResponses', 'boolean'],
  authorizerResultTtlInSeconds: ['AuthorizerResultTtlInSeconds', 'number'],
};

const ENDPOINT_FIELDS: Readonly<Record<string, Field>> = {
  disableExecuteApiEndpoint: ['DisableExecuteApiEndpoint', 'boolean'],
};

const JWT_FIELDS: Readonly<Record<string, Field>> = {
  issuer: ['Issuer', 'string'],
  audience: ['Audience', 'stringList'],
};

/**
 * The HTTP API an OpenAPI definition declares, as API Gateway imports it: a route per operation (`$default` for the
 * path of that name), an integration per `x-amazon-apigateway-integration` (one for all the operations that `$ref`
 * the same one), authorizers from the security schemes, and CORS from `x-amazon-apigateway-cors`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api.html
 */
export function httpApiDefinition(document: OpenApiDocument, api: TemplateResource, report: UnsupportedReport): ApiDefinition<HttpApiPartType> {
  const parts: HttpParts = new DocumentParts<HttpApiPartType>(document, api, report);
  const { root } = document;
  parts.unknownExtensions(root, DOCUMENT_EXTENSIONS, 'the document');
  const schemes = securitySchemes(parts, (name, _scheme, extension) => {
    const id = parts.id('authorizer', name, 7);
    const type = extension.string('type').toUpperCase();
    const properties: JsonObject = { Name: name, ...parts.translate(extension, AUTHORIZER_FIELDS, `the authorizer of the security scheme ${name}`, ['jwtConfiguration']) };
    const jwt = document.object(extension, 'jwtConfiguration');
    if (jwt) {
      properties.JwtConfiguration = parts.translate(jwt, JWT_FIELDS, `the JWT configuration of the security scheme ${name}`);
    }
    // A JWT authorizer reads the Authorization header unless the extension names another source, as aws-cdk-lib's does.
    if (type === 'JWT' && properties.IdentitySource === undefined) {
      properties.IdentitySource = ['$request.header.Authorization'];
    }
    parts.add('AWS::ApiGatewayV2::Authorizer', id, extension, properties);
    return { id, type };
  });
  const integrationIds = new Map<string, string>();
  for (const { path, operations } of pathOperations(parts, true)) {
    for (const { httpMethod, operation } of operations) {
      const routeKey = path === '$default' ? '$default' : `${httpMethod} ${path}`;
      const what = `the route ${routeKey}`;
      parts.unknownExtensions(operation, ['x-amazon-apigateway-integration'], what);
      const integration = document.object(operation, 'x-amazon-apigateway-integration');
      const pointer = integration && document.pointer(integration);
      let integrationId = pointer === undefined ? undefined : integrationIds.get(pointer);
      if (integration && pointer !== undefined && integrationId === undefined) {
        integrationId = parts.id('integration', pointer, 7);
        parts.add('AWS::ApiGatewayV2::Integration', integrationId, integration, httpIntegration(parts, integration, what));
        integrationIds.set(pointer, integrationId);
      }
      parts.add('AWS::ApiGatewayV2::Route', parts.id('route', routeKey, 7), operation, {
        RouteKey: routeKey,
        ...routeAuthorization(parts, operation, operationSecurity(parts, operation, schemes, what), what),
        ...(integrationId === undefined ? {} : { Target: `integrations/${integrationId}` }),
      });
    }
  }
  const cors = root.object('x-amazon-apigateway-cors');
  const endpoint = root.object('x-amazon-apigateway-endpoint-configuration');
  return {
    properties: definedOnly({
      ProtocolType: 'HTTP',
      Name: root.object('info')?.optionalString('title'),
      CorsConfiguration: cors && parts.translate(cors, CORS_FIELDS, 'the CORS configuration'),
      DisableExecuteApiEndpoint: endpoint && parts.translate(endpoint, ENDPOINT_FIELDS, 'the endpoint configuration').DisableExecuteApiEndpoint,
    }),
    partsOf: (type) => parts.of(type),
  };
}

/** `AuthorizationType`, `AuthorizerId` and `AuthorizationScopes` (JWT) of a route; HTTP APIs have no API keys. */
function routeAuthorization(parts: HttpParts, operation: PropertyReader, { authorization, apiKey }: OperationSecurity, what: string): JsonObject {
  if (apiKey !== undefined) {
    parts.unsupported(operation, `${what} requires the API key scheme ${apiKey}; HTTP APIs have no API keys, so it is not applied`, 'security');
  }
  const use = authorization?.use;
  if (use?.kind === 'iam') return { AuthorizationType: 'AWS_IAM' };
  if (use?.kind !== 'authorizer') return { AuthorizationType: 'NONE' };
  const jwt = use.authorizerType === 'JWT';
  return { AuthorizationType: jwt ? 'JWT' : 'CUSTOM', AuthorizerId: use.authorizerId, ...(jwt ? { AuthorizationScopes: authorization?.scopes } : {}) };
}
