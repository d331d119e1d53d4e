import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { functionNamed, synthModel } from './support';
import {
  ApiGatewayCloudWatchRole, HttpApiAuthorizer, JwtTokenUse, MeteredApi, RestAuthorizer, SecureHttpApi, SecureLambdaApi,
  SecureWebSocketApi,
} from '../../../src';
import { AppModel, HttpApiModel, RestApiModel, RestMethodModel } from '../../src/model';

function inline(stack: Stack, id: string): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
  });
}

/** The example app's shape: cdk-gatewaykit's REST, HTTP, metered and WebSocket APIs, with construct paths in the templates. */
function gatewaykitApp(): AppModel {
  return synthModel((app) => {
    const stack = new Stack(app, 'Kit');
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    const items = inline(stack, 'Items');
    const api = new SecureLambdaApi(stack, 'Api', {
      authorizer: RestAuthorizer.cognito(),
      cors: { allowOrigins: ['https://app.example.com'] },
      routes: { 'GET /items': { handler: items }, 'GET /health': { handler: items, isPublic: true } },
    });
    api.addRoute('GET /me', {
      handler: items,
      authorizer: RestAuthorizer.jwt({ userPool: api.userPool, clientIds: [api.userPoolClient!.userPoolClientId], tokenUse: JwtTokenUse.ACCESS }),
    });
    new SecureHttpApi(stack, 'HttpApi', {
      authorizer: HttpApiAuthorizer.jwt({ userPool: api.userPool, audience: [api.userPoolClient!.userPoolClientId] }),
      cors: { allowOrigins: ['https://app.example.com'] },
      routes: {
        'GET /items': { handler: items },
        'GET /tenants': { handler: items, authorizer: HttpApiAuthorizer.request(inline(stack, 'TenantAuthorizer'), { identitySources: ['$request.header.X-Tenant'] }) },
      },
    });
    new SecureWebSocketApi(stack, 'ChatApi', { routes: { echo: { handler: inline(stack, 'Chat') } } });
    new MeteredApi(stack, 'Metered', {
      routes: { 'GET /reports': { handler: items } },
      stages: { prod: { canary: { percentTraffic: 10, stageVariableOverrides: { version: 'v2' } } }, dev: {} },
      tiers: {
        free: {
          throttle: { rateLimit: 5, burstLimit: 10 },
          quota: { limit: 1000, period: apigateway.Period.DAY },
          routeThrottles: { 'GET /reports': { rateLimit: 1, burstLimit: 2 } },
        },
      },
      customers: { acme: { tier: 'free' } },
    });
  }, { context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true } });
}

function methodOf(api: RestApiModel, resourcePath: string, httpMethod: string): RestMethodModel {
  const found = api.resources.find((resource) => resource.path === resourcePath)?.methods.get(httpMethod);
  if (!found) throw new Error(`no method ${httpMethod} ${resourcePath}`);
  return found;
}

describe('cdk-gatewaykit constructs', () => {
  let model: AppModel;
  const restApi = (name: string) => model.restApis.find((api) => api.name === name)!;
  beforeAll(() => {
    model = gatewaykitApp();
  });

  describe('SecureLambdaApi', () => {
    test('authorizes its default routes with the Cognito user pool it creates', () => {
      const api = restApi('Api');
      const listItems = methodOf(api, '/items', 'GET');
      const pool = model.userPools.find((candidate) => candidate.origin.path.startsWith('Kit/Api/'))!;
      expect(listItems.authorizationType).toBe('COGNITO_USER_POOLS');
      expect(api.authorizers.get(listItems.authorizerId!)?.providerArns).toEqual([pool.arn]);
      expect(pool.clientIds).toHaveLength(1);
    });

    test('serves a public route without authorization', () => {
      expect(methodOf(restApi('Api'), '/health', 'GET').authorizationType).toBe('NONE');
    });

    test('runs the bundled JWT authorizer from its asset folder, configured for the pool', () => {
      const api = restApi('Api');
      const authorizer = api.authorizers.get(methodOf(api, '/me', 'GET').authorizerId!)!;
      const fn = model.functions.get(authorizer.functionArn!)!;
      const pool = model.userPools[0];
      expect(authorizer.type).toBe('TOKEN');
      expect(fs.existsSync(path.join(fn.codeDir!, 'index.js'))).toBe(true);
      expect(JSON.parse(fn.environment.GATEWAYKIT_JWT_CONFIG)).toMatchObject({ issuer: pool.issuer, clientIds: pool.clientIds, tokenUse: 'access' });
    });

    test('adds the CORS headers to the gateway responses', () => {
      expect(restApi('Api').gatewayResponses.get('DEFAULT_4XX')?.responseParameters)
        .toMatchObject({ 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'" });
    });

    test('names resources by their construct path', () => {
      expect(restApi('Api').origin.path).toBe('Kit/Api/Api');
    });
  });

  describe('SecureHttpApi', () => {
    let httpApi: HttpApiModel;
    beforeAll(() => {
      httpApi = model.httpApis.find((api) => api.name === 'HttpApi')!;
    });

    test('authorizes its default routes with a JWT authorizer for the pool', () => {
      const listItems = httpApi.routes.find((route) => route.routeKey === 'GET /items')!;
      expect(httpApi.authorizers.get(listItems.authorizerId!)).toMatchObject({
        type: 'JWT', issuer: model.userPools[0].issuer, audience: model.userPools[0].clientIds,
      });
    });

    test('authorizes a route with its Lambda authorizer', () => {
      const tenants = httpApi.routes.find((route) => route.routeKey === 'GET /tenants')!;
      expect(tenants.authorizationType).toBe('CUSTOM');
      expect(httpApi.authorizers.get(tenants.authorizerId!)).toMatchObject({
        type: 'REQUEST', functionArn: functionNamed(model, 'TenantAuthorizer').arn, identitySources: ['$request.header.X-Tenant'],
      });
    });

    test('has the CORS configuration', () => {
      expect(httpApi.cors?.allowOrigins).toEqual(['https://app.example.com']);
    });
  });

  describe('MeteredApi', () => {
    test('requires an API key on its routes', () => {
      expect(methodOf(restApi('Metered'), '/reports', 'GET').apiKeyRequired).toBe(true);
    });

    test('meters each tier on every stage with its throttles and quota', () => {
      const api = restApi('Metered');
      const plan = model.usagePlans.find((candidate) => candidate.name === 'free')!;
      expect(plan.apiStages.map((stage) => [stage.apiId, stage.stageName, stage.throttle]).sort()).toEqual([
        [api.apiId, 'dev', { '/reports/GET': { rateLimit: 1, burstLimit: 2 } }],
        [api.apiId, 'prod', { '/reports/GET': { rateLimit: 1, burstLimit: 2 } }],
      ]);
      expect(plan).toMatchObject({ throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 1000, period: 'DAY', offset: 0 } });
    });

    test('gives a customer key kept in Secrets Manager a generated local value', () => {
      const [key] = model.usagePlans.find((candidate) => candidate.name === 'free')!.apiKeys;
      expect(key).toMatchObject({ generatedValue: true, enabled: true, value: expect.stringMatching(/^[A-Za-z0-9]{40}$/) });
    });

    test('serves the canary stage from the API deployment, with the canary settings', () => {
      const api = restApi('Metered');
      const prod = api.stages.find((stage) => stage.stageName === 'prod')!;
      expect(api.deploymentIds).toHaveLength(1);
      expect(prod.deploymentId).toBe(api.deploymentIds[0]);
      expect(prod.canary).toEqual({ percentTraffic: 10, deploymentId: api.deploymentIds[0], stageVariableOverrides: { version: 'v2' }, useStageCache: false });
    });
  });

  describe('SecureWebSocketApi', () => {
    test('is a WebSocket API of the model, with its routes and stage, and no HTTP API', () => {
      const [chat] = model.webSocketApis;
      expect(chat).toMatchObject({ name: 'ChatApi', routeSelectionExpression: '$request.body.action', stages: [{ stageName: 'prod' }] });
      expect([...chat.routes.keys()].sort()).toEqual(['$connect', 'echo']);
      expect(model.unsupported.filter((item) => item.path.startsWith('Kit/ChatApi'))).toEqual([]);
      expect(model.httpApis.map((api) => api.name)).toEqual(['HttpApi']);
    });

    test('keeps its functions in the model', () => {
      expect(functionNamed(model, 'Chat').runtime).toBe('nodejs24.x');
    });
  });
});
