import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { HttpApiAuthorizer, HttpApiRouteOptions, SecureHttpApi, SecureHttpApiProps } from '../../src';

function newHttpApi(props: (handler: lambda.IFunction, stack: Stack) => SecureHttpApiProps) {
  const stack = new Stack(new App(), 'TestStack', { env: { account: '123456789012', region: 'eu-west-1' } });
  const handler = newHandler(stack, 'Handler');
  const api = new SecureHttpApi(stack, 'Api', props(handler, stack));
  return { stack, api, handler };
}

function newHandler(stack: Stack, id: string): lambda.Function {
  return new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
}

function routesTo(handler: lambda.IFunction, count: number, options: Partial<HttpApiRouteOptions> = {}): Record<string, HttpApiRouteOptions> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`GET /items${i}/{id}`, { handler, ...options }]));
}

function routeCounts(api: SecureHttpApi): number[] {
  return api.routeStacks.map((nested) => Template.fromStack(nested).toJSON()).map((json) =>
    Object.values<{ Type: string }>(json.Resources).filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route').length);
}

describe('HTTP routes over nested stacks', () => {
  test('an API within routesPerNestedStack keeps every route in its own stack', () => {
    const { api, stack } = newHttpApi((handler) => ({ routes: routesTo(handler, 20), routesPerNestedStack: 20 }));
    expect(api.routeStacks).toEqual([]);
    Template.fromStack(stack).resourceCountIs('AWS::ApiGatewayV2::Route', 20);
  });

  test('an API over routesPerNestedStack puts its routes in nested stacks, referencing the API and one integration per function', () => {
    const { api, stack } = newHttpApi((handler) => ({ routes: routesTo(handler, 40), routesPerNestedStack: 10 }));
    Template.fromStack(stack).resourceCountIs('AWS::ApiGatewayV2::Route', 0);
    Template.fromStack(stack).resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    expect(routeCounts(api).reduce((a, b) => a + b)).toBe(40);
    Template.fromStack(api.routeStacks[0]).hasResourceProperties('AWS::ApiGatewayV2::Route', {
      ApiId: { Ref: Match.stringLikeRegexp('referenceto.*Api') },
      Target: { 'Fn::Join': ['', ['integrations/', { Ref: Match.stringLikeRegexp('referenceto.*Integration') }]] },
    });
  });

  test('a function serving routes in many nested stacks has one Lambda permission, in the API stack', () => {
    const { api, stack } = newHttpApi((handler) => ({ routes: routesTo(handler, 40), routesPerNestedStack: 10 }));
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Permission', 1);
    api.routeStacks.forEach((nested) => Template.fromStack(nested).resourceCountIs('AWS::Lambda::Permission', 0));
  });

  test('an authorizer in the API stack authorizes routes in nested stacks', () => {
    const { api, stack } = newHttpApi((handler, scope) => ({
      routes: routesTo(handler, 40),
      routesPerNestedStack: 10,
      authorizer: HttpApiAuthorizer.request(newHandler(scope, 'Authorizer')),
    }));
    Template.fromStack(stack).resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    Template.fromStack(api.routeStacks[0]).hasResourceProperties('AWS::ApiGatewayV2::Route', {
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: Match.stringLikeRegexp('referenceto.*Authorizer') },
    });
  });

  test('a route throttle in a nested stack is a route setting of the stage, which waits for the nested stack', () => {
    const { api, stack } = newHttpApi((handler) => ({
      routes: { ...routesTo(handler, 40), 'POST /items3/{id}': { handler, throttle: { rateLimit: 5, burstLimit: 10 } } },
      routesPerNestedStack: 10,
    }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: { 'POST /items3/{id}': Match.objectLike({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 }) },
    });
    const nestedIds = api.routeStacks.map((nested) => stack.getLogicalId(nested.nestedStackResource as never));
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(nestedIds.some((id) => stage.DependsOn.includes(id))).toBe(true);
  });

  test('adding a route moves no other route between nested stacks', () => {
    const placement = (api: SecureHttpApi) => Object.fromEntries(api.routeStacks.flatMap((nested) =>
      Object.values(Template.fromStack(nested).findResources('AWS::ApiGatewayV2::Route'))
        .map((route) => [route.Properties.RouteKey as string, nested.node.id])));
    const before = placement(newHttpApi((handler) => ({ routes: routesTo(handler, 39), routesPerNestedStack: 10 })).api);
    const after = placement(newHttpApi((handler) => ({ routes: { ...routesTo(handler, 39), 'GET /extra': { handler } }, routesPerNestedStack: 10 })).api);
    expect(Object.keys(after).length).toBe(40);
    for (const [routeKey, nestedStack] of Object.entries(before)) {
      expect(after[routeKey]).toBe(nestedStack);
    }
  });

  test("an API over API Gateway's 300 routes per API is warned about, naming the quota", () => {
    const { stack } = newHttpApi((handler) => ({ routes: routesTo(handler, 301) }));
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp("the API has 301 routes, over API Gateway's quota 'Routes per API' \\(300 by default\\)"));
  });

  test("an API over API Gateway's 300 integrations per API fails at synth, since that quota cannot be raised", () => {
    const { stack } = newHttpApi((_, scope) => ({
      routes: Object.fromEntries(Array.from({ length: 301 }, (_unused, i) => [`GET /f${i}`, { handler: newHandler(scope, `F${i}`) }])),
      routesPerNestedStack: 100,
    }));
    expect(() => Template.fromStack(stack)).toThrow(/\[ApiGatewayQuota\] TestStack\/Api: the API has 301 integrations, over API Gateway's quota 'Integrations per API' \(300 by default\), which cannot be raised/);
  }, 120_000);

  test('routesPerNestedStack must be a whole number from 1 to 500', () => {
    expect(() => newHttpApi((handler) => ({ routes: routesTo(handler, 2), routesPerNestedStack: 501 })))
      .toThrow(/\[InvalidRoutesPerNestedStack\].*routesPerNestedStack is 501; expected a whole number from 1 to 500/);
  });
});
