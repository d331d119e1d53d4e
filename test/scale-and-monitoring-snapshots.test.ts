import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { HttpApiAuthorizer, RestAuthorizer, SecureHttpApi, SecureLambdaApi, WebSocketApiAuthorizer } from '../src';
import { newApi, newFunction, newStack, templateOf } from './support/fixtures';
import { newWebSocketApi } from './websocket/support';

const ROUTES = 2000;

/** The API's stack, the first of its route stacks, and how many routes each route stack holds: its shape without ~40 near-identical templates. */
function nestedShape(api: SecureLambdaApi | SecureHttpApi, routeType: string): Record<string, unknown> {
  const nested = api.routeStacks.map((stack) => Template.fromStack(stack));
  return {
    apiStack: templateOf(Stack.of(api)).toJSON(),
    firstRouteStack: nested[0].toJSON(),
    routesPerRouteStack: nested.map((template) => Object.keys(template.findResources(routeType)).length),
  };
}

describe('template snapshots of 2,000 routes over nested stacks', () => {
  test('SecureLambdaApi with a Lambda authorizer', () => {
    const { api } = newApi((handler, stack) => ({
      authorizer: RestAuthorizer.token(newFunction(stack, 'Authorizer')),
      routes: Object.fromEntries(Array.from({ length: ROUTES }, (_, i) => [`GET /g${i % 50}/r${i}/{id}`, { handler }])),
    }));
    expect(nestedShape(api, 'AWS::ApiGateway::Method')).toMatchSnapshot();
  });

  test('SecureHttpApi with a Lambda authorizer', () => {
    const stack = newStack();
    const handler = newFunction(stack);
    const api = new SecureHttpApi(stack, 'Api', {
      authorizer: HttpApiAuthorizer.request(newFunction(stack, 'Authorizer')),
      routes: Object.fromEntries(Array.from({ length: ROUTES }, (_, i) => [`GET /items${i}/{id}`, { handler }])),
    });
    expect(nestedShape(api, 'AWS::ApiGatewayV2::Route')).toMatchSnapshot();
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
