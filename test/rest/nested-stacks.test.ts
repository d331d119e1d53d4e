import * as crypto from 'crypto';
import * as fs from 'fs';
import { join } from 'path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { MeteredApi, RestAuthorizer, RestRouteOptions, SecureLambdaApi } from '../../src';
import { countOf, newApi, newFunction, newStack, templateOf } from '../support/fixtures';

/** `count` routes under 5 top-level paths, e.g. `GET /p3/r8`. */
function routesTo(handler: lambda.IFunction, count: number, options: Partial<RestRouteOptions> = {}): Record<string, RestRouteOptions> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`GET /p${i % 5}/r${i}`, { handler, ...options }]));
}

/** The nested stack whose template has the method of a route. */
function stackOfRoute(api: SecureLambdaApi, path: string): string | undefined {
  return api.routeStacks.find((stack) => Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Resource'))
    .some((resource) => resource.Properties.PathPart === path))?.node.id;
}

describe('routes over nested stacks', () => {
  test('an API within routesPerNestedStack keeps every route in its own stack', () => {
    const { api, stack } = newApi((handler) => ({ routes: routesTo(handler, 10), routesPerNestedStack: 10 }));
    expect(api.routeStacks).toEqual([]);
    expect(countOf(stack, 'AWS::ApiGateway::Method')).toBe(10);
  });

  test('an API over routesPerNestedStack puts its methods in nested stacks and none in its own stack', () => {
    const { api, stack } = newApi((handler) => ({ routes: routesTo(handler, 40), routesPerNestedStack: 10 }));
    expect(api.routeStacks.length).toBeGreaterThan(1);
    expect(countOf(stack, 'AWS::ApiGateway::Method')).toBe(0);
    const methods = api.routeStacks.map((nested) => Object.keys(Template.fromStack(nested).findResources('AWS::ApiGateway::Method')).length);
    expect(methods.reduce((a, b) => a + b)).toBe(40);
  });

  test('the deployment depends on every nested stack', () => {
    const { api, stack } = newApi((handler) => ({ routes: routesTo(handler, 40), routesPerNestedStack: 10 }));
    const nestedStackIds = api.routeStacks.map((nested) => stack.getLogicalId(nested.nestedStackResource as apigateway.CfnMethod));
    const deployment = Object.values(templateOf(stack).findResources('AWS::ApiGateway::Deployment'))[0];
    expect(deployment.DependsOn).toEqual(expect.arrayContaining(nestedStackIds));
  });

  test("the deployment's logical id changes when a route in a nested stack changes", () => {
    const deploymentOf = (isPublic: boolean) => {
      const { stack } = newApi((handler) => ({ routes: { ...routesTo(handler, 40), 'GET /p1/r1': { handler, isPublic } }, routesPerNestedStack: 10 }));
      return Object.keys(templateOf(stack).findResources('AWS::ApiGateway::Deployment'));
    };
    expect(deploymentOf(true)).not.toEqual(deploymentOf(false));
  });

  test('adding a route moves no other route between nested stacks', () => {
    // 39 and 40 routes both take ceil(routes / 10) = 4 nested stacks.
    const before = newApi((handler) => ({ routes: routesTo(handler, 39), routesPerNestedStack: 10 })).api;
    const after = newApi((handler) => ({ routes: { ...routesTo(handler, 39), 'GET /p2/extra': { handler } }, routesPerNestedStack: 10 })).api;
    for (let i = 0; i < 39; i++) {
      expect(stackOfRoute(after, `r${i}`)).toBe(stackOfRoute(before, `r${i}`));
    }
  });

  test('the methods in a nested stack reference the API, the validator and the function through parameters', () => {
    const { api } = newApi((handler) => ({ routes: routesTo(handler, 40), routesPerNestedStack: 10 }));
    const nested = Template.fromStack(api.routeStacks[0]);
    nested.hasResourceProperties('AWS::ApiGateway::Method', {
      RestApiId: { Ref: Match.stringLikeRegexp('referenceto.*Api') },
      RequestValidatorId: { Ref: Match.stringLikeRegexp('referenceto.*RequestValidator') },
      Integration: { Uri: { 'Fn::Join': ['', Match.arrayWith([{ Ref: Match.stringLikeRegexp('referenceto.*Handler.*Arn') }])] } },
    });
  });

  test('a function serving routes in many nested stacks still has one Lambda permission per stage, in the API stack', () => {
    const { api, stack } = newApi((handler) => ({ routes: routesTo(handler, 40), routesPerNestedStack: 10 }));
    expect(countOf(stack, 'AWS::Lambda::Permission')).toBe(1);
    api.routeStacks.forEach((nested) => Template.fromStack(nested).resourceCountIs('AWS::Lambda::Permission', 0));
  });

  test('an authorizer in the API stack authorizes routes in nested stacks', () => {
    const { api, stack } = newApi((handler, scope) => ({
      routes: routesTo(handler, 40),
      routesPerNestedStack: 10,
      authorizer: RestAuthorizer.token(newFunction(scope, 'Authorizer')),
    }));
    expect(countOf(stack, 'AWS::ApiGateway::Authorizer')).toBe(1);
    Template.fromStack(api.routeStacks[0]).hasResourceProperties('AWS::ApiGateway::Method', {
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: Match.stringLikeRegexp('referenceto.*Authorizer') },
    });
  });

  test("a route's body model is created in the nested stack of the route", () => {
    const { api, stack } = newApi((handler) => ({
      routes: { ...routesTo(handler, 40), 'POST /p1/new': { handler, bodySchema: { type: apigateway.JsonSchemaType.OBJECT } } },
      routesPerNestedStack: 10,
    }));
    expect(countOf(stack, 'AWS::ApiGateway::Model')).toBe(0);
    const withModel = api.routeStacks.filter((nested) => Object.keys(Template.fromStack(nested).findResources('AWS::ApiGateway::Model')).length === 1);
    expect(withModel.length).toBe(1);
    Template.fromStack(withModel[0]).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      RequestModels: { 'application/json': { Ref: Match.anyValue() } },
    });
  });

  test('CORS preflight methods are added to the resources created in nested stacks', () => {
    const { api } = newApi((handler) => ({ routes: routesTo(handler, 40), routesPerNestedStack: 10, cors: { allowOrigins: ['https://app.example.com'] } }));
    Template.fromStack(api.routeStacks[0]).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'OPTIONS' });
  });

  test('a path with more than half of routesPerNestedStack routes keeps its resource in the API stack and spreads its children', () => {
    const { api, stack } = newApi((handler) => ({
      routes: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`GET /v1/r${i}`, { handler }])),
      routesPerNestedStack: 10,
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'v1' });
    expect(api.routeStacks.length).toBe(4);
    Template.fromStack(api.routeStacks[0]).hasResourceProperties('AWS::ApiGateway::Resource', {
      ParentId: { Ref: Match.stringLikeRegexp('referenceto.*v1') },
    });
  });

  test('every stage deploys the deployment that covers the nested stacks', () => {
    const { api, stack } = newApi((handler) => ({
      routes: routesTo(handler, 40),
      routesPerNestedStack: 10,
      stages: { dev: {}, prod: { canary: { percentTraffic: 10 } } },
    }));
    const deploymentId = stack.resolve(api.restApi.latestDeployment!.deploymentId);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'dev', DeploymentId: deploymentId });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'prod', CanarySetting: Match.objectLike({ PercentTraffic: 10 }) });
  });

  test('per-route throttles of stages and usage plans name routes in nested stacks by path', () => {
    const stack = newStack();
    const handler = newFunction(stack);
    const api = new MeteredApi(stack, 'Api', {
      routes: { ...routesTo(handler, 40), 'GET /p1/r1': { handler, throttle: { rateLimit: 3, burstLimit: 6 } } },
      routesPerNestedStack: 10,
      tiers: { pro: { throttle: { rateLimit: 100, burstLimit: 200 }, routeThrottles: { 'GET /p2/r2': { rateLimit: 10, burstLimit: 20 } } } },
    });
    expect(api.routeStacks.length).toBeGreaterThan(1);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: Match.arrayWith([Match.objectLike({ ResourcePath: '/~1p1~1r1', HttpMethod: 'GET', ThrottlingRateLimit: 3 })]),
    });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      ApiStages: [Match.objectLike({ Throttle: { '/p2/r2/GET': { RateLimit: 10, BurstLimit: 20 } } })],
    });
  });

  test('routesPerNestedStack must be a whole number from 1 to 500', () => {
    expect(() => newApi((handler) => ({ routes: routesTo(handler, 2), routesPerNestedStack: 0 })))
      .toThrow(/\[InvalidRoutesPerNestedStack\].*routesPerNestedStack is 0; expected a whole number from 1 to 500/);
  });

  test("an API over API Gateway's 300 resources per API is warned about, naming the quota", () => {
    const { stack } = newApi((handler) => ({ routes: routesTo(handler, 300) }));
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp("the API has 305 resources, over API Gateway's quota 'Resources per API' \\(300 by default\\)"));
  });

  test('the template written for each nested stack is the content its asset is named after', () => {
    const { api, stack } = newApi((handler) => ({ routes: routesTo(handler, 40), routesPerNestedStack: 10 }));
    const { directory } = (stack.node.root as App).synth();
    const assets = JSON.parse(fs.readFileSync(join(directory, `${stack.artifactId}.assets.json`), 'utf8')).files;
    for (const nested of api.routeStacks) {
      const content = JSON.stringify(JSON.parse(fs.readFileSync(join(directory, nested.templateFile), 'utf8')));
      const hash = crypto.createHash('sha256').update(content).digest('hex');
      expect(assets[hash]?.source.path).toBe(nested.templateFile);
    }
  });
});
