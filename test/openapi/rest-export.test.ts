import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { appWithOutdir, expectValidOpenApi, resolvedDocument } from './support';
import { ApiGatewayCloudWatchRole, MeteredApi, RestAuthorizer, SecureLambdaApi } from '../../src';
import { newApi, newFunction } from '../support/fixtures';

function documentOf(api: SecureLambdaApi, options = {}) {
  return resolvedDocument(Stack.of(api), api.openApiDocument(options));
}

const itemSchema: apigateway.JsonSchema = {
  type: apigateway.JsonSchemaType.OBJECT,
  required: ['name'],
  properties: {
    name: { type: apigateway.JsonSchemaType.STRING, minLength: 1 },
    note: { type: [apigateway.JsonSchemaType.STRING, apigateway.JsonSchemaType.NULL] },
  },
};

function itemsApi() {
  return newApi((handler, stack) => ({
    description: 'Items of the shop',
    authorizer: RestAuthorizer.cognito(),
    cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST'] },
    routes: {
      'GET /items': { handler, requiredQueryStrings: ['q'], requiredHeaders: ['X-Tenant'], authorizationScopes: ['items/read'] },
      'POST /items': { handler, bodySchema: itemSchema },
      'GET /items/{id}': { handler, authorizer: RestAuthorizer.iam() },
      'DELETE /items/{id}': { handler, authorizer: RestAuthorizer.token(newFunction(stack, 'TokenFunction')) },
      'ANY /{proxy+}': { handler, isPublic: true },
    },
  }));
}

describe('SecureLambdaApi.openApiDocument', () => {
  test('is a valid OpenAPI 3.0 document', async () => {
    await expectValidOpenApi(documentOf(itemsApi().api));
  });

  test('has an operation for every route, ANY routes as x-amazon-apigateway-any-method', () => {
    const { paths } = documentOf(itemsApi().api);
    expect(Object.fromEntries(Object.entries(paths).map(([route, item]) => [route, Object.keys(item as object)]))).toEqual({
      '/items': ['get', 'post'],
      '/items/{id}': ['get', 'delete'],
      '/{proxy+}': ['x-amazon-apigateway-any-method'],
    });
  });

  test('names operations after their route', () => {
    const { paths } = documentOf(itemsApi().api);
    expect([paths['/items'].get.operationId, paths['/items/{id}'].delete.operationId, paths['/{proxy+}']['x-amazon-apigateway-any-method'].operationId])
      .toEqual(['getItems', 'deleteItemsById', 'anyByProxy']);
  });

  test('lists path variables, required query strings and required headers as required parameters', () => {
    const { paths } = documentOf(itemsApi().api);
    expect(paths['/items'].get.parameters).toEqual([
      { in: 'query', name: 'q', required: true, schema: { type: 'string' } },
      { in: 'header', name: 'X-Tenant', required: true, schema: { type: 'string' } },
    ]);
    expect(paths['/items/{id}'].get.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  test('describes a body schema as a component schema of the request body, with draft 4 null types as nullable', () => {
    const document = documentOf(itemsApi().api);
    expect(document.paths['/items'].post.requestBody).toEqual({
      required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PostItemsBody' } } },
    });
    expect(document.components.schemas.PostItemsBody.properties.note).toEqual({ type: 'string', nullable: true });
  });

  test('describes a Cognito authorizer as OpenID Connect, with the scopes each route requires', () => {
    const document = documentOf(itemsApi().api);
    expect(document.paths['/items'].get.security).toEqual([{ DefaultAuthorizer: ['items/read'] }]);
    expect(document.components.securitySchemes.DefaultAuthorizer).toMatchObject({
      'type': 'openIdConnect',
      'openIdConnectUrl': expect.stringMatching(/^https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com\/\$\{ApiDefaultAuthorizerUserPool\w+\}\/\.well-known\/openid-configuration$/),
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
    });
  });

  test('describes IAM authorization as the sigv4 scheme', () => {
    const document = documentOf(itemsApi().api);
    expect(document.paths['/items/{id}'].get.security).toEqual([{ sigv4: [] }]);
    expect(document.components.securitySchemes.sigv4).toEqual({
      'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4',
    });
  });

  test('describes a Lambda TOKEN authorizer as an API key in its header', () => {
    const document = documentOf(itemsApi().api);
    const [requirement] = document.paths['/items/{id}'].delete.security;
    const scheme = document.components.securitySchemes[Object.keys(requirement)[0]];
    expect(scheme).toMatchObject({ 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authorizer': { type: 'token' } });
  });

  test('gives public routes an empty security requirement', () => {
    const { paths } = documentOf(itemsApi().api);
    expect(paths['/{proxy+}']['x-amazon-apigateway-any-method'].security).toEqual([]);
  });

  test('describes CORS as x-amazon-apigateway-cors and leaves the preflight methods out of the paths', () => {
    const document = documentOf(itemsApi().api);
    expect(document['x-amazon-apigateway-cors']).toMatchObject({ allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST'] });
    expect(Object.values(document.paths).some((item: any) => item.options)).toBe(false);
  });

  test('takes its title and description from the props and has a server for each stage', () => {
    const { api } = newApi((handler) => ({
      apiName: 'shop', description: 'The shop', stages: { dev: {}, prod: {} }, routes: { 'GET /items': { handler } },
    }));
    const document = documentOf(api, { version: '2.1.0' });
    expect(document.info).toEqual({ title: 'shop', description: 'The shop', version: '2.1.0' });
    expect(document.servers.map((server: any) => server.url)).toEqual([
      expect.stringMatching(/^https:\/\/\$\{Api\w+\}\.execute-api\.eu-west-1\.\$\{AWS::URLSuffix\}\/dev\/$/),
      expect.stringMatching(/\/prod\/$/),
    ]);
  });

  test('has a server for the custom domain under its base path', () => {
    const { api } = newApi((handler, stack) => ({
      disableExecuteApiEndpoint: true,
      customDomain: {
        domainName: 'api.example.com',
        hostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0000000000000000000', zoneName: 'example.com' }),
        basePath: 'shop',
      },
      routes: { 'GET /items': { handler } },
    }));
    expect(documentOf(api).servers).toEqual([{ url: 'https://api.example.com/shop/', description: 'The custom domain' }]);
  });

  test('points each operation at its Lambda proxy integration', () => {
    const { paths } = documentOf(itemsApi().api);
    expect(paths['/items'].get['x-amazon-apigateway-integration']).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: expect.stringMatching(/^arn:\$\{AWS::Partition\}:apigateway:eu-west-1:lambda:path\/2015-03-31\/functions\/\$\{Handler\w+\.Arn\}\/invocations$/),
    });
  });

  test('describes another integration with its responses by selection pattern', () => {
    const { api } = newApi(() => ({
      routes: {
        'GET /status': {
          isPublic: true,
          integration: new apigateway.MockIntegration({
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } }],
          }),
        },
      },
    }));
    expect(documentOf(api).paths['/status'].get['x-amazon-apigateway-integration']).toEqual({
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } } },
    });
  });

  test('leaves API Gateway extensions out when asked to', () => {
    const document = documentOf(itemsApi().api, { apiGatewayExtensions: false });
    expect(JSON.stringify(document)).not.toMatch(/x-amazon-apigateway-(?!any-method)/);
  });

  test('requires the api_key scheme on the routes of a MeteredApi that require an API key', async () => {
    const { app } = appWithOutdir();
    const stack = new Stack(app, 'Metered', { env: { account: '123456789012', region: 'eu-west-1' } });
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    const handler = newFunction(stack);
    const api = new MeteredApi(stack, 'Api', { tiers: { free: {} }, routes: { 'GET /items': { handler } } });
    const document = documentOf(api);
    expect(document.paths['/items'].get.security).toEqual([{ sigv4: [], api_key: [] }]);
    expect(document.components.securitySchemes.api_key).toEqual({ type: 'apiKey', name: 'x-api-key', in: 'header' });
    await expectValidOpenApi(document);
  });
});

describe('the OpenAPI file in the cloud assembly', () => {
  test('is written for each API at synth, with placeholders for deploy-time values and the construct path', () => {
    const { app, outdir } = appWithOutdir();
    const stack = new Stack(app, 'Shop', { env: { account: '123456789012', region: 'eu-west-1' } });
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    const handler = newFunction(stack);
    const api = new SecureLambdaApi(stack, 'Api', { routes: { 'GET /items': { handler } } });
    api.addRoute('POST /items', { handler });
    app.synth();
    const file = JSON.parse(fs.readFileSync(path.join(outdir, 'Shop.Api.openapi.json'), 'utf8'));
    expect(file['x-gatewaykit-construct-path']).toBe('Shop/Api');
    expect(Object.keys(file.paths['/items'])).toEqual(['get', 'post']);
    expect(file.servers[0].url).toMatch(/^https:\/\/\$\{Api\w+\}\.execute-api/);
  });
});
