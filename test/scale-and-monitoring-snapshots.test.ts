import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { HttpApiAuthorizer, RestAuthorizer, SecureHttpApi, SecureLambdaApi, WebSocketApiAuthorizer } from '../src';
import { newApi, newFunction, newStack, templateOf } from './support/fixtures';
import { newWebSocketApi } from './websocket/support';

const ROUTES = 2000;

/** Every template of an API over nested stacks: its own stack's, then its route stacks'. */
function templatesOf(api: SecureLambdaApi | SecureHttpApi): Template[] {
  return [templateOf(Stack.of(api)), ...api.routeStacks.map((stack) => Template.fromStack(stack))];
}

/** The API's stack, the first of its route stacks, and how many routes each route stack holds: its shape without ~40 near-identical templates. */
function nestedShape([apiStack, ...routeStacks]: Template[], routeType: string): Record<string, unknown> {
  return {
    apiStack: apiStack.toJSON(),
    firstRouteStack: routeStacks[0].toJSON(),
    routesPerRouteStack: routeStacks.map((template) => Object.keys(template.findResources(routeType)).length),
  };
}

/** How many resources of a type all the templates hold. */
function totalOf(templates: Template[], type: string): number {
  return templates.map((template) => Object.keys(template.findResources(type)).length).reduce((a, b) => a + b);
}

function expectWithinTemplateLimits(templates: Template[]) {
  for (const template of templates) {
    const json = template.toJSON();
    expect(Object.keys(json.Resources).length).toBeLessThanOrEqual(500);
    expect(Object.keys(json.Parameters ?? {}).length).toBeLessThanOrEqual(200);
    expect(Object.keys(json.Outputs ?? {}).length).toBeLessThanOrEqual(200);
  }
}

// Each API takes seconds to synthesize at this size, so every test of a describe reads the one built in beforeAll.
describe('SecureLambdaApi with 2,000 routes over 10 functions and a Lambda authorizer', () => {
  let api: SecureLambdaApi;
  let templates: Template[];
  beforeAll(() => {
    api = newApi((handler, stack) => {
      const handlers = [handler, ...Array.from({ length: 9 }, (_, i) => newFunction(stack, `Handler${i + 1}`))];
      return {
        authorizer: RestAuthorizer.token(newFunction(stack, 'Authorizer')),
        routes: Object.fromEntries(Array.from({ length: ROUTES }, (_, i) => [`GET /g${i % 50}/r${i}/{id}`, { handler: handlers[i % 10] }])),
      };
    }).api;
    templates = templatesOf(api);
  });

  test('matches the template snapshot', () => {
    expect(nestedShape(templates, 'AWS::ApiGateway::Method')).toMatchSnapshot();
  });

  test('deploys as one API with every method, each template within the resource, parameter and output limits', () => {
    expect(totalOf(templates, 'AWS::ApiGateway::Method')).toBe(ROUTES);
    expect(totalOf(templates, 'AWS::ApiGateway::RestApi')).toBe(1);
    expectWithinTemplateLimits(templates);
  });

  test('has one Lambda permission per function (the 10 handlers and the authorizer), all in the API stack', () => {
    const permissions = templates.map((template) => Object.keys(template.findResources('AWS::Lambda::Permission')).length);
    expect(permissions).toEqual([11, ...api.routeStacks.map(() => 0)]);
  });
});

describe('SecureHttpApi with 2,000 routes and a Lambda authorizer', () => {
  let templates: Template[];
  beforeAll(() => {
    const stack = newStack();
    const handler = newFunction(stack);
    templates = templatesOf(new SecureHttpApi(stack, 'Api', {
      authorizer: HttpApiAuthorizer.request(newFunction(stack, 'Authorizer')),
      routes: Object.fromEntries(Array.from({ length: ROUTES }, (_, i) => [`GET /items${i}/{id}`, { handler }])),
    }));
  });

  test('matches the template snapshot', () => {
    expect(nestedShape(templates, 'AWS::ApiGatewayV2::Route')).toMatchSnapshot();
  });

  test('deploys as one API with every route, each template within the resource, parameter and output limits', () => {
    expect(totalOf(templates, 'AWS::ApiGatewayV2::Route')).toBe(ROUTES);
    expect(totalOf(templates, 'AWS::ApiGatewayV2::Api')).toBe(1);
    expectWithinTemplateLimits(templates);
  });
});

describe('template snapshots of monitoring', () => {
  test('SecureLambdaApi with a Lambda authorizer, an alarm topic and a watched route', () => {
    const { stack } = newApi((handler, scope) => ({
      authorizer: RestAuthorizer.token(newFunction(scope, 'Authorizer')),
      routes: { 'GET /items': { handler }, 'POST /items': { handler } },
      monitoring: { alarmTopic: new sns.Topic(scope, 'Alarms'), routes: ['GET /items'] },
    }));
    expect(templateOf(stack).toJSON()).toMatchSnapshot();
  });

  test('SecureHttpApi with a Lambda authorizer, an alarm topic and a watched route', () => {
    const stack = newStack();
    const handler = newFunction(stack);
    new SecureHttpApi(stack, 'Api', {
      authorizer: HttpApiAuthorizer.request(newFunction(stack, 'Authorizer')),
      routes: { 'GET /items': { handler }, 'POST /items': { handler } },
      monitoring: { alarmTopic: new sns.Topic(stack, 'Alarms'), routes: ['GET /items'] },
    });
    expect(templateOf(stack).toJSON()).toMatchSnapshot();
  });

  test('SecureWebSocketApi with a Lambda authorizer, an alarm topic and a watched route', () => {
    const { stack } = newWebSocketApi((fn, scope) => ({
      authorizer: WebSocketApiAuthorizer.request(newFunction(scope, 'Authorizer'), { identitySources: ['route.request.header.Authorization'] }),
      routes: { $connect: { handler: fn }, sendMessage: { handler: fn } },
      monitoring: { alarmTopic: new sns.Topic(scope, 'Alarms'), routes: ['sendMessage'] },
    }));
    expect(templateOf(stack).toJSON()).toMatchSnapshot();
  });
});
