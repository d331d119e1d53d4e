import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { JwtTokenUse, RestAuthorizer, SecureLambdaApiProps } from '../src';
import { newApi, newFunction, templateOf } from './support/fixtures';

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
});
