import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { appWithOutdir, expectValidOpenApi, resolvedDocument } from './support';
import { HttpApiAuthorizer, SecureHttpApi } from '../../src';
import { newFunction, newStack } from '../support/fixtures';

function httpApi() {
  const stack = newStack();
  const handler = newFunction(stack);
  const api = new SecureHttpApi(stack, 'Api', {
    description: 'Orders',
    authorizer: HttpApiAuthorizer.jwt({ issuer: 'https://issuer.example.com/', audience: ['orders'] }),
    cors: { allowOrigins: ['https://app.example.com'] },
    routes: {
      'GET /orders/{id}': { handler, authorizationScopes: ['orders:read'] },
      'POST /orders': { handler, authorizer: HttpApiAuthorizer.iam() },
      'GET /health': { handler, isPublic: true },
      '$default': { handler, authorizer: HttpApiAuthorizer.request(newFunction(stack, 'AuthorizerFunction'), { identitySources: ['$request.header.X-Token'] }) },
    },
  });
  return { stack, api };
}

function documentOf(api: SecureHttpApi) {
  return resolvedDocument(Stack.of(api), api.openApiDocument());
}

describe('SecureHttpApi.openApiDocument', () => {
  test('is a valid OpenAPI 3.0 document', async () => {
    await expectValidOpenApi(documentOf(httpApi().api));
  });

  test('has an operation for every route, the $default route as any method of /$default', () => {
    const { paths } = documentOf(httpApi().api);
    expect(Object.fromEntries(Object.entries(paths).map(([route, item]) => [route, Object.keys(item as object)]))).toEqual({
      '/$default': ['x-amazon-apigateway-any-method'],
      '/health': ['get'],
      '/orders': ['post'],
      '/orders/{id}': ['get'],
    });
  });

  test('describes a JWT authorizer as OpenID Connect of its issuer, with the scopes each route requires', () => {
    const document = documentOf(httpApi().api);
    expect(document.paths['/orders/{id}'].get.security).toEqual([{ DefaultAuthorizer: ['orders:read'] }]);
    expect(document.components.securitySchemes.DefaultAuthorizer).toEqual({
      'type': 'openIdConnect',
      'openIdConnectUrl': 'https://issuer.example.com/.well-known/openid-configuration',
      'x-amazon-apigateway-authorizer': {
        type: 'jwt', jwtConfiguration: { issuer: 'https://issuer.example.com/', audience: ['orders'] }, identitySource: '$request.header.Authorization',
      },
    });
  });

  test('describes a Lambda authorizer as an API key in its identity header, and IAM as sigv4', () => {
    const document = documentOf(httpApi().api);
    const [requirement] = document.paths['/$default']['x-amazon-apigateway-any-method'].security;
    expect(document.components.securitySchemes[Object.keys(requirement)[0]]).toMatchObject({ type: 'apiKey', name: 'X-Token', in: 'header' });
    expect(document.paths['/orders'].post.security).toEqual([{ sigv4: [] }]);
  });

  test('describes CORS as x-amazon-apigateway-cors and the stage URL as server', () => {
    const document = documentOf(httpApi().api);
    expect(document['x-amazon-apigateway-cors']).toMatchObject({ allowOrigins: ['https://app.example.com'] });
    expect(document.servers).toEqual([{ url: expect.stringMatching(/^https:\/\/\$\{Api\w+\}\.execute-api\.eu-west-1\.\$\{AWS::URLSuffix\}\/$/) }]);
    expect(document.info).toEqual({ title: 'Api', description: 'Orders', version: '1.0.0' });
  });

  test('points each operation at its Lambda proxy integration with its payload format', () => {
    const { paths } = documentOf(httpApi().api);
    expect(paths['/health'].get['x-amazon-apigateway-integration']).toEqual({
      type: 'aws_proxy', httpMethod: 'POST', uri: expect.stringMatching(/^\$\{Handler\w+\.Arn\}$/), payloadFormatVersion: '2.0',
    });
  });

  test('is written into the cloud assembly at synth', () => {
    const { app, outdir } = appWithOutdir();
    const stack = new Stack(app, 'Orders');
    new SecureHttpApi(stack, 'Api', { routes: { 'GET /orders': { handler: newFunction(stack) } } });
    app.synth();
    const file = JSON.parse(fs.readFileSync(path.join(outdir, 'Orders.Api.openapi.json'), 'utf8'));
    expect(file.paths['/orders'].get.operationId).toBe('getOrders');
    expect(file.servers[0].url).toMatch(/^https:\/\/\$\{Api\w+\}\.execute-api\.\$\{AWS::Region\}\.\$\{AWS::URLSuffix\}\/$/);
  });
});
