import { Match } from 'aws-cdk-lib/assertions';
import { newWebSocketApi } from './support';
import { countOf, newFunction, templateOf } from '../support/fixtures';

const lambdaUri = (functionArn: unknown) => ({ 'Fn::Join': ['', Match.arrayWith([functionArn])] });

describe('routes', () => {
  test('a custom route key routes messages to its function through a Lambda proxy integration', () => {
    const { stack, fn } = newWebSocketApi((handler) => ({ routes: { sendMessage: { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: lambdaUri(stack.resolve(fn.functionArn)),
    });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'sendMessage', AuthorizationType: 'NONE' });
  });

  test('$connect, $disconnect and $default are routes like any other', () => {
    const { stack } = newWebSocketApi((handler) => ({
      routes: { $connect: { handler }, $disconnect: { handler }, $default: { handler } },
    }));
    for (const routeKey of ['$connect', '$disconnect', '$default']) {
      templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
    }
  });

  test('messages are routed on $request.body.action by default', () => {
    const { stack } = newWebSocketApi();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
    });
  });

  test('routeSelectionExpression accepts body variables with static text', () => {
    const { stack } = newWebSocketApi(() => ({ routeSelectionExpression: '${request.body.service}/${request.body.action}' }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      RouteSelectionExpression: '${request.body.service}/${request.body.action}',
    });
  });

  test('returnResponse makes a route two-way with a $default route response', () => {
    const { stack, api } = newWebSocketApi((handler) => ({ routes: { echo: { handler, returnResponse: true } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'echo', RouteResponseSelectionExpression: '$default' });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::RouteResponse', {
      RouteResponseKey: '$default',
      ApiId: stack.resolve(api.webSocketApi.apiId),
    });
  });

  test('routes are one-way unless they set returnResponse', () => {
    const { stack } = newWebSocketApi((handler) => ({ routes: { notify: { handler } } }));
    expect(countOf(stack, 'AWS::ApiGatewayV2::RouteResponse')).toBe(0);
  });

  test('a function serving many routes has one integration and one permission, scoped to the stage', () => {
    const { stack, api } = newWebSocketApi((handler) => ({
      routes: { a: { handler }, b: { handler }, c: { handler }, $default: { handler } },
    }));
    expect(countOf(stack, 'AWS::ApiGatewayV2::Integration')).toBe(2); // the function's and the accepting $connect's
    expect(countOf(stack, 'AWS::Lambda::Permission')).toBe(1);
    templateOf(stack).hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([stack.resolve(api.webSocketApi.apiId), '/prod/*'])] },
    });
  });

  test('each function has its own integration and permission', () => {
    const { stack } = newWebSocketApi((handler, scope) => ({
      routes: { a: { handler }, b: { handler: newFunction(scope, 'Other') } },
    }));
    expect(countOf(stack, 'AWS::Lambda::Permission')).toBe(2);
  });

  test('route construct ids come from the route key, not the declaration order', () => {
    const { api } = newWebSocketApi((handler) => ({ routes: { 'b': { handler }, 'a': { handler }, 'chat/join': { handler } } }));
    expect(api.node.tryFindChild('Route-a')).toBeDefined();
    expect(api.node.tryFindChild('Route-b')).toBeDefined();
    expect(api.node.tryFindChild('Route-chat|join')).toBeDefined();
    expect(api.node.tryFindChild('Route-$connect')).toBeDefined();
  });

  test('the integration of a function keeps its logical id whichever route is declared first', () => {
    const integrationIds = (keys: string[]) => {
      const { stack } = newWebSocketApi((handler) => ({ routes: Object.fromEntries(keys.map((key) => [key, { handler }])) }));
      return Object.keys(templateOf(stack).findResources('AWS::ApiGatewayV2::Integration')).sort();
    };
    expect(integrationIds(['a', 'b'])).toEqual(integrationIds(['b', 'a']));
  });

  test('addRoute adds a route after construction and returns it', () => {
    const { stack, api, fn } = newWebSocketApi();
    const route = api.addRoute('subscribe', { handler: fn });
    expect(route.routeKey).toBe('subscribe');
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'subscribe' });
  });

  test('without a $connect route, the API creates one that accepts every authorized connection with a MOCK integration', () => {
    const { stack } = newWebSocketApi((handler) => ({ routes: { sendMessage: { handler } } }));
    const integrations = templateOf(stack).findResources('AWS::ApiGatewayV2::Integration', {
      Properties: {
        IntegrationType: 'MOCK',
        RequestTemplates: { $default: '{"statusCode":200}' },
        TemplateSelectionExpression: '\\$default',
      },
    });
    const [integrationId] = Object.keys(integrations);
    expect(integrationId).toBeDefined();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$connect',
      AuthorizationType: 'AWS_IAM',
      Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
    });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', {
      IntegrationId: { Ref: integrationId },
      IntegrationResponseKey: '$default',
    });
  });

  test('url is the wss:// endpoint of the stage and callbackUrl its https:// management endpoint', () => {
    const { stack, api } = newWebSocketApi();
    const apiId = stack.resolve(api.webSocketApi.apiId);
    expect(stack.resolve(api.url)).toEqual({ 'Fn::Join': ['', ['wss://', apiId, '.execute-api.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/prod']] });
    expect(stack.resolve(api.callbackUrl)).toEqual({ 'Fn::Join': ['', ['https://', apiId, '.execute-api.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/prod']] });
  });

  test('the API is named after the construct unless apiName is given', () => {
    const { stack } = newWebSocketApi(() => ({ apiName: 'chat', description: 'Chat rooms' }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'chat', Description: 'Chat rooms' });
  });
});
