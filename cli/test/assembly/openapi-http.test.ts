import { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { documentFile, FN_ARN, FN_URI, loadHttpDefinition } from './openapi-support';
import { synthModel } from './support';
import { HttpApiModel, HttpRouteModel } from '../../src/model';

const lambdaProxy = { 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: FN_URI, payloadFormatVersion: '2.0' } };

function routeOf(api: HttpApiModel, routeKey: string): HttpRouteModel {
  const route = api.routes.find((candidate) => candidate.routeKey === routeKey);
  if (!route) throw new Error(`no route ${routeKey} in ${api.routes.map((candidate) => candidate.routeKey).join(', ')}`);
  return route;
}

describe('an HTTP API defined by an OpenAPI document (AWS::ApiGatewayV2::Api Body)', () => {
  test('each operation is a route keyed by method and path, and $default is the default route', () => {
    const { api } = loadHttpDefinition({
      openapi: '3.0.1',
      info: { title: 'pets' },
      paths: { '/pets/{id}': { get: lambdaProxy, delete: lambdaProxy }, '$default': { 'x-amazon-apigateway-any-method': lambdaProxy } },
    });
    expect(api.routes.map((route) => route.routeKey)).toEqual(['GET /pets/{id}', 'DELETE /pets/{id}', '$default']);
    expect(routeOf(api, '$default').integration).toEqual({ type: 'AWS_PROXY', functionArn: FN_ARN, payloadFormatVersion: '2.0', timeoutMs: 30000 });
    expect(api).toMatchObject({ name: 'pets', stages: [{ stageName: '$default' }] });
  });

  test('operations that $ref one integration of components share it', () => {
    const { api } = loadHttpDefinition({
      openapi: '3.0.1',
      components: { 'x-amazon-apigateway-integrations': { pets: lambdaProxy['x-amazon-apigateway-integration'] } },
      paths: {
        '/a': { get: { 'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/pets' } } },
        '/b': { get: { 'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/pets' } } },
      },
    });
    expect(routeOf(api, 'GET /a').integration).toBe(routeOf(api, 'GET /b').integration);
  });

  test('an HTTP_PROXY integration keeps its URI and parameter mappings', () => {
    const { api } = loadHttpDefinition({
      openapi: '3.0.1',
      paths: {
        '/legacy/{proxy+}': {
          'x-amazon-apigateway-any-method': {
            'x-amazon-apigateway-integration': {
              type: 'http_proxy',
              httpMethod: 'ANY',
              uri: 'https://legacy.example.com/{proxy}',
              payloadFormatVersion: 1.0,
              requestParameters: { 'append:header.x-from': 'gateway' },
            },
          },
        },
      },
    });
    expect(routeOf(api, 'ANY /legacy/{proxy+}').integration).toEqual({
      type: 'HTTP_PROXY', uri: 'https://legacy.example.com/{proxy}', httpMethod: 'ANY', requestParameters: { 'append:header.x-from': 'gateway' }, timeoutMs: 30000,
    });
  });

  describe('security', () => {
    const secured = (security: unknown) => loadHttpDefinition({
      openapi: '3.0.1',
      components: {
        securitySchemes: {
          jwt: {
            'type': 'oauth2',
            'x-amazon-apigateway-authorizer': {
              type: 'jwt',
              jwtConfiguration: { issuer: 'https://issuer.example.com/', audience: ['pets'] },
            },
          },
          lambda: {
            'type': 'apiKey',
            'name': 'X-Token',
            'in': 'header',
            'x-amazon-apigateway-authorizer': {
              type: 'request',
              authorizerUri: FN_URI,
              authorizerPayloadFormatVersion: 2.0,
              enableSimpleResponses: true,
              identitySource: '$request.header.X-Token, $context.routeKey',
              authorizerResultTtlInSeconds: 30,
            },
          },
          sigv4: { 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
        },
      },
      paths: { '/pets': { get: { ...lambdaProxy, security } } },
    }).api;

    test('a jwt authorizer applies with the scopes the operation lists, reading the Authorization header by default', () => {
      const api = secured([{ jwt: ['pets:read'] }]);
      const route = routeOf(api, 'GET /pets');
      expect(route).toMatchObject({ authorizationType: 'JWT', authorizationScopes: ['pets:read'] });
      expect(api.authorizers.get(route.authorizerId!)).toMatchObject({
        type: 'JWT', name: 'jwt', issuer: 'https://issuer.example.com/', audience: ['pets'], identitySources: ['$request.header.Authorization'],
      });
    });

    test('a request authorizer invokes its function with its identity sources, payload format and simple responses', () => {
      const api = secured([{ lambda: [] }]);
      const route = routeOf(api, 'GET /pets');
      expect(route.authorizationType).toBe('CUSTOM');
      expect(api.authorizers.get(route.authorizerId!)).toMatchObject({
        type: 'REQUEST',
        functionArn: FN_ARN,
        identitySources: ['$request.header.X-Token', '$context.routeKey'],
        payloadFormatVersion: '2.0',
        enableSimpleResponses: true,
        resultTtlSeconds: 30,
      });
    });

    test('x-amazon-apigateway-authtype awsSigv4 is IAM authorization', () => {
      expect(routeOf(secured([{ sigv4: [] }]), 'GET /pets').authorizationType).toBe('AWS_IAM');
    });
  });

  test('x-amazon-apigateway-cors is the API\'s CORS configuration', () => {
    const { api } = loadHttpDefinition({
      'openapi': '3.0.1',
      'x-amazon-apigateway-cors': { allowOrigins: ['https://app.example.com'], allowMethods: ['GET'], allowCredentials: true, maxAge: 600 },
      'paths': {},
    });
    expect(api.cors).toEqual({
      allowOrigins: ['https://app.example.com'], allowMethods: ['GET'], allowHeaders: [], exposeHeaders: [], allowCredentials: true, maxAge: 600,
    });
  });

  test('a YAML document from an asset (BodyS3Location) is read, a payload format version YAML reads as a number included', () => {
    const file = documentFile('http.yaml', `
openapi: 3.0.1
info: { title: from-asset }
paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        uri: arn:aws:lambda:us-east-1:123456789012:function:pets
        payloadFormatVersion: 1.0
`);
    const model = synthModel((app) => {
      const stack = new Stack(app, 'Http');
      const asset = new s3assets.Asset(stack, 'Definition', { path: file });
      const api = new apigwv2.CfnApi(stack, 'Api', { bodyS3Location: { bucket: asset.s3BucketName, key: asset.s3ObjectKey } });
      new apigwv2.CfnStage(stack, 'Stage', { apiId: api.ref, stageName: '$default', autoDeploy: true });
    });
    expect(model.httpApis[0]).toMatchObject({
      name: 'from-asset',
      routes: [{ routeKey: 'GET /pets', integration: { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:pets', payloadFormatVersion: '1.0' } }],
    });
  });
});
