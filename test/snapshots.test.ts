import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { ApiGatewayCloudWatchRole, CacheClusterSize, JwtTokenUse, MeteredApi, RestAuthorizer, SecureLambdaApiProps } from '../src';
import { newApi, newFunction, newStack, templateOf } from './support/fixtures';

const authorizerFunction = (handler: lambda.IFunction) => newFunction((handler as lambda.Function).stack, 'AuthorizerHandler');

const configurations: Array<[string, (handler: lambda.IFunction, stack: Stack) => SecureLambdaApiProps]> = [
  ['IAM default with a public route', (handler) => ({
    routes: { 'GET /items': { handler }, 'GET /health': { handler, isPublic: true } },
  })],
  ['Cognito with CORS and scopes', (handler) => ({
    authorizer: RestAuthorizer.cognito(),
    cors: { allowOrigins: ['https://app.example.com'], allowCredentials: true },
    routes: { 'GET /items': { handler }, 'POST /items': { handler, authorizationScopes: ['items/write'] } },
  })],
  ['JWT authorizer for an OIDC issuer', (handler) => ({
    authorizer: RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api://items'], requiredScopes: ['items.read'] }),
    routes: { 'GET /items/{id}': { handler } },
  })],
  ['Lambda TOKEN and REQUEST authorizers', (handler) => ({
    authorizer: RestAuthorizer.token(authorizerFunction(handler), { validationRegex: '^Bearer .+$' }),
    routes: {
      'GET /items': { handler },
      'ANY /tenants/{proxy+}': {
        handler,
        authorizer: RestAuthorizer.request(handler, { identitySources: [apigateway.IdentitySource.header('X-Tenant')] }),
        throttle: { rateLimit: 10, burstLimit: 20 },
      },
    },
  })],
  ['hardened, with request validation, a resource policy and a custom domain', (handler, stack) => ({
    hardened: true,
    resourcePolicy: { allowedSourceIps: ['203.0.113.0/24'], deniedSourceIps: ['203.0.113.66'] },
    customDomain: {
      domainName: 'api.example.com',
      hostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0000000000000000000', zoneName: 'example.com' }),
      basePath: 'items',
    },
    routes: {
      'POST /items': {
        handler,
        bodySchema: { type: apigateway.JsonSchemaType.OBJECT, required: ['name'], properties: { name: { type: apigateway.JsonSchemaType.STRING } } },
        requiredHeaders: ['X-Request-Id'],
      },
    },
  })],
  ['PRIVATE behind a created VPC endpoint', (handler, stack) => ({
    endpointType: apigateway.EndpointType.PRIVATE,
    privateEndpoint: { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 }) },
    routes: { 'GET /items': { handler } },
  })],
  ['two stages with variables, caching and a canary with alarms', (handler) => ({
    stages: {
      dev: { variables: { version: 'v1' }, throttle: { rateLimit: 10, burstLimit: 20 } },
      prod: {
        variables: { version: 'v1' },
        caching: { clusterSize: CacheClusterSize.GB_1_6 },
        canary: { percentTraffic: 10, stageVariableOverrides: { version: 'v2' }, alarms: {} },
      },
    },
    routes: { 'GET /items': { handler, cache: { keyParameters: ['querystring.page', 'header.Authorization'] } } },
  })],
];

describe('template snapshots', () => {
  test.each(configurations)('%s', (_, props) => {
    const { stack } = newApi(props);
    expect(templateOf(stack).toJSON()).toMatchSnapshot();
  });

  test('bundled JWT authorizer on one route of a Cognito API', () => {
    const { stack, api, fn } = newApi((handler) => ({ authorizer: RestAuthorizer.cognito(), routes: { 'GET /items': { handler } } }));
    api.addRoute('GET /me', {
      handler: fn,
      authorizer: RestAuthorizer.jwt({ userPool: api.userPool, clientIds: [api.userPoolClient!.userPoolClientId], tokenUse: JwtTokenUse.ACCESS }),
    });
    expect(templateOf(stack).toJSON()).toMatchSnapshot();
  });

  test('MeteredApi with two tiers and two customers', () => {
    const stack = newStack();
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    const handler = newFunction(stack);
    new MeteredApi(stack, 'Api', {
      routes: { 'GET /items': { handler }, 'POST /items': { handler }, 'GET /health': { handler, isPublic: true, apiKeyRequired: false } },
      tiers: {
        free: { throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 1000, period: apigateway.Period.DAY } },
        pro: { throttle: { rateLimit: 100, burstLimit: 200 }, quota: { limit: 100_000, period: apigateway.Period.MONTH }, routeThrottles: { 'POST /items': { rateLimit: 10, burstLimit: 20 } } },
      },
      customers: { acme: { tier: 'pro' }, globex: { tier: 'free' } },
    });
    expect(templateOf(stack).toJSON()).toMatchSnapshot();
  });
});
