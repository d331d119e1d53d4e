import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { resolvedDocument } from './support';
import { HttpApiAuthorizer, OpenApiDefinition, SecureHttpApi, SecureHttpApiProps } from '../../src';
import { newFunction, newStack, templateOf } from '../support/fixtures';

function apiIn(stackId: string, props: (handler: lambda.IFunction, stack: Stack) => SecureHttpApiProps) {
  const stack = newStack(stackId);
  const handler = newFunction(stack);
  const api = new SecureHttpApi(stack, 'Api', props(handler, stack));
  return { stack, api, document: () => resolvedDocument(stack, api.openApiDocument()) };
}

const orders = {
  openapi: '3.0.3',
  info: { title: 'Orders', version: '1.2.0' },
  paths: {
    '/orders': {
      post: {
        operationId: 'createOrder',
        security: [{ auth0: ['orders:write'] }],
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: {},
      },
    },
    '/$default': { 'x-amazon-apigateway-any-method': { operationId: 'fallback', security: [], responses: {} } },
  },
  components: { securitySchemes: { auth0: { type: 'openIdConnect', openIdConnectUrl: 'https://issuer.example.com/.well-known/openid-configuration' } } },
};

function ordersApi(document: object = orders) {
  return apiIn('Orders', (handler) => ({
    openApi: {
      definition: OpenApiDefinition.fromObject(document),
      handlers: { createOrder: handler, fallback: handler },
      authorizers: { auth0: HttpApiAuthorizer.jwt({ issuer: 'https://issuer.example.com/', audience: ['orders'] }) },
    },
  }));
}

describe('SecureHttpApi built from an OpenAPI document', () => {
  test('has a route for every operation, /$default with any method as the $default route', () => {
    const template = templateOf(ordersApi().stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /orders', AuthorizationType: 'JWT', AuthorizationScopes: ['orders:write'] });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default', AuthorizationType: 'NONE' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'Orders' });
  });

  test('warns that HTTP APIs do not validate the body schemas and required parameters of the document', () => {
    Annotations.fromStack(ordersApi().stack).hasWarning('/Orders/Api', Match.stringLikeRegexp(
      'openApi.definition: the operations createOrder declare required parameters or a request body schema, which HTTP APIs do not validate'));
  });

  test('refuses an operation that requires an API key', () => {
    const document = {
      ...orders,
      paths: { ...orders.paths, '/orders': { post: { ...orders.paths['/orders'].post, security: [{ auth0: [], key: [] }] } } },
      components: { securitySchemes: { ...orders.components.securitySchemes, key: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
    };
    expect(() => ordersApi(document)).toThrow(/#\/paths\/~1orders\/post\/security: requires an API key; HTTP APIs have no API keys or usage plans/);
  });

  test('exports, imports and exports again the same document', () => {
    const jwt = () => HttpApiAuthorizer.jwt({ issuer: 'https://issuer.example.com/', audience: ['orders'] });
    const original = apiIn('Original', (handler) => ({
      authorizer: jwt(),
      cors: { allowOrigins: ['https://app.example.com'] },
      routes: {
        'GET /orders/{id}': { handler, authorizationScopes: ['orders:read'] },
        'POST /orders': { handler, authorizer: HttpApiAuthorizer.iam() },
        '$default': { handler, isPublic: true },
      },
    })).document();
    const authorizer = jwt();
    const imported = apiIn('Imported', (handler) => ({
      authorizer,
      openApi: {
        definition: OpenApiDefinition.fromObject(original),
        handlers: { getOrdersById: handler, postOrders: handler, default: handler },
        authorizers: { DefaultAuthorizer: authorizer },
      },
    }));
    expect(imported.document()).toEqual(original);
  });
});
