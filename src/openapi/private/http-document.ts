import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { IConstruct } from 'constructs';
import { CORS_EXTENSION, ExportedApi, lowerCase, ExportedOperation, OpenApiObject, SIGV4_SCHEME, SIGV4_SECURITY_SCHEME } from './document-builder';
import { refsOf, resourcesOf } from './resources-by-ref';
import { httpSecurityScheme } from './security-schemes';

/** What the document is read from: the API construct, its HttpApi and the URL of its stage. */
export interface HttpApiParts extends IConstruct {
  readonly httpApi: apigatewayv2.HttpApi;
  readonly url: string;
}

const DEFAULT_ROUTE = '$default';

/** The routes, authorizers, stage and CORS of an HTTP API, read from the resources it deploys. */
export function exportHttpApi(api: HttpApiParts): ExportedApi {
  const cfnApi = api.httpApi.node.defaultChild as apigatewayv2.CfnApi;
  const authorizers = refsOf(api, apigatewayv2.CfnAuthorizer);
  const integrations = refsOf(api, apigatewayv2.CfnIntegration, (integration) => `integrations/${integration.ref}`);
  const securitySchemes: { [name: string]: OpenApiObject } = { [SIGV4_SCHEME]: SIGV4_SECURITY_SCHEME };
  const operations = resourcesOf(api, apigatewayv2.CfnRoute).map((route): ExportedOperation => {
    const [method, path] = route.routeKey === DEFAULT_ROUTE ? ['ANY', `/${DEFAULT_ROUTE}`] : route.routeKey.split(' ');
    const authorizer = route.authorizerId === undefined ? undefined : authorizers.find(route.authorizerId);
    const scheme = authorizer?.node.scope!.node.id;
    if (authorizer) {
      securitySchemes[scheme!] = httpSecurityScheme(authorizer);
    }
    const integration = route.target === undefined ? undefined : integrations.find(route.target);
    return {
      routeKey: route.routeKey,
      path,
      method,
      security: route.authorizationType === 'AWS_IAM' ? { scheme: SIGV4_SCHEME, scopes: [] }
        : authorizer && { scheme: scheme!, scopes: route.authorizationScopes ?? [] },
      extensions: integration ? { 'x-amazon-apigateway-integration': integrationExtension(integration) } : {},
    };
  });
  const cors = cfnApi.corsConfiguration as apigatewayv2.CfnApi.CorsProperty | undefined;
  return {
    title: api.httpApi.httpApiName ?? api.node.id,
    description: cfnApi.description,
    servers: [{ url: api.url }],
    operations,
    securitySchemes,
    schemas: {},
    extensions: cors ? { [CORS_EXTENSION]: { ...cors } } : {},
  };
}

/** `x-amazon-apigateway-integration`, as API Gateway imports and exports it for HTTP APIs. */
function integrationExtension(integration: apigatewayv2.CfnIntegration): OpenApiObject {
  return {
    type: lowerCase(integration.integrationType),
    // Lambda proxy integrations are invoked with POST, which the template leaves implicit.
    httpMethod: integration.integrationMethod ?? (integration.integrationType === 'AWS_PROXY' ? 'POST' : undefined),
    uri: integration.integrationUri,
    integrationSubtype: integration.integrationSubtype,
    payloadFormatVersion: integration.payloadFormatVersion,
    connectionType: integration.connectionType,
    connectionId: integration.connectionId,
    credentials: integration.credentialsArn,
    requestParameters: integration.requestParameters,
    timeoutInMillis: integration.timeoutInMillis,
  };
}
