import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { newHttpApi } from './support';
import { HttpApiRouteOptions, SecureHttpApi } from '../../src';
import { countOf, newFunction, newStack, templateOf } from '../support/fixtures';

const routes = (count: number, handler: lambda.IFunction) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`GET /r${i}`, { handler }]));

/** Every resource of the template, whatever its type. */
const resourceCount = (count: number) => {
  const { stack } = newHttpApi((handler) => ({ routes: routes(count, handler) }));
  return Object.keys(templateOf(stack).toJSON().Resources).length;
};

describe('routes', () => {
  test('a route key creates a route to a Lambda proxy integration with payload format 2.0', () => {
    const { stack, fn } = newHttpApi((handler) => ({ routes: { 'GET /items/{id}': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /items/{id}' });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: stack.resolve(fn.functionArn),
      PayloadFormatVersion: '2.0',
    });
  });

  test('payload format 1.0 is set for the whole API', () => {
    const { stack } = newHttpApi((handler) => ({
      payloadFormatVersion: apigatewayv2.PayloadFormatVersion.VERSION_1_0,
      routes: { 'GET /items': { handler } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', { PayloadFormatVersion: '1.0' });
  });

  test('a route with another payload format gets its own integration of the same function', () => {
    const { stack } = newHttpApi((handler) => ({
      routes: {
        'GET /a': { handler },
        'GET /b': { handler },
        'GET /legacy': { handler, payloadFormatVersion: apigatewayv2.PayloadFormatVersion.VERSION_1_0 },
      },
    }));
    templateOf(stack).resourceCountIs('AWS::ApiGatewayV2::Integration', 2);
    templateOf(stack).resourceCountIs('AWS::Lambda::Permission', 1);
  });

  test('the $default route catches requests no other route matches', () => {
    const { stack } = newHttpApi((handler) => ({ routes: { $default: { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default', AuthorizationType: 'AWS_IAM' });
  });

  test('ANY and a greedy proxy variable are accepted', () => {
    const { stack } = newHttpApi((handler) => ({ routes: { 'ANY /{proxy+}': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /{proxy+}' });
  });

  test('method names are case-insensitive in route keys', () => {
    const { stack } = newHttpApi((handler) => ({ routes: { 'post /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /items' });
  });

  test('route construct ids are derived from the route key', () => {
    const { api, fn } = newHttpApi();
    expect(api.addRoute('GET /items/{id}', { handler: fn }).node.id).toBe('Route-GET|items|{id}');
    expect(api.addRoute('GET /', { handler: fn }).node.id).toBe('Route-GET|');
    expect(api.addRoute('$default', { handler: fn }).node.id).toBe('Route-$default');
  });

  test('logical ids of routes, integrations and permissions do not depend on declaration order', () => {
    const logicalIds = (keys: string[]) => {
      const { stack } = newHttpApi((handler) => ({ routes: Object.fromEntries(keys.map((key) => [key, { handler }])) }));
      return Object.keys(templateOf(stack).toJSON().Resources).sort();
    };
    expect(logicalIds(['GET /a', 'GET /b'])).toEqual(logicalIds(['GET /b', 'GET /a']));
  });

  test('addRoute adds a route after construction and returns it', () => {
    const { stack, api, fn } = newHttpApi();
    const route = api.addRoute('PUT /items/{id}', { handler: fn });
    expect(route).toBeInstanceOf(apigatewayv2.HttpRoute);
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'PUT /items/{id}' });
  });

  test('an aws-cdk-lib HTTP integration serves a route with another backend', () => {
    const { stack } = newHttpApi(() => ({
      routes: { 'GET /upstream': { integration: new HttpUrlIntegration('Upstream', 'https://example.com/upstream') } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'HTTP_PROXY',
      IntegrationUri: 'https://example.com/upstream',
    });
    templateOf(stack).resourceCountIs('AWS::Lambda::Permission', 0);
  });
});

describe('Lambda permissions and resource count', () => {
  test('a function serving many routes gets one integration and one permission, scoped to this API and stage', () => {
    const { stack, api } = newHttpApi((handler) => ({ routes: routes(60, handler) }));
    templateOf(stack).resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    templateOf(stack).resourceCountIs('AWS::Lambda::Permission', 1);
    templateOf(stack).hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':execute-api:eu-west-1:123456789012:', stack.resolve(api.httpApi.apiId), '/$default/*']],
      },
    });
  });

  test('each function gets its own integration and single permission', () => {
    const { stack, api } = newHttpApi((handler) => ({ routes: { 'GET /a': { handler }, 'GET /b': { handler } } }));
    api.addRoute('GET /c', { handler: newFunction(stack, 'Other') });
    templateOf(stack).resourceCountIs('AWS::ApiGatewayV2::Integration', 2);
    templateOf(stack).resourceCountIs('AWS::Lambda::Permission', 2);
  });

  test('each route costs exactly one resource: 20 routes have 10 more resources than 10 routes', () => {
    expect(resourceCount(20) - resourceCount(10)).toBe(10);
  });

  test('besides its routes, the API is a constant number of resources: API, stage, log group', () => {
    const { stack } = newHttpApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    expect(countOf(stack, 'AWS::ApiGatewayV2::Api') + countOf(stack, 'AWS::ApiGatewayV2::Stage') + countOf(stack, 'AWS::Logs::LogGroup')).toBe(3);
  });
});

describe('bad routes', () => {
  const route = (routeKey: string, options: (handler: lambda.IFunction) => HttpApiRouteOptions = (handler) => ({ handler })) =>
    () => newHttpApi((handler) => ({ routes: { [routeKey]: options(handler) } }));

  test.each([
    ['GET', /routes\['GET'\] must look like 'METHOD \/path'.*got 'GET'/],
    ['GET items', /routes\['GET items'\] has a path that does not start with '\/'/],
    ['FETCH /items', /routes\['FETCH \/items'\] has the unknown HTTP method 'FETCH'/],
    ['GET /items/', /routes\['GET \/items\/'\] has a trailing '\/'/],
    ['GET /items/{proxy+}/x', /greedy variable '\{proxy\+\}' before the last segment/],
    ['$DEFAULT', /routes\['\$DEFAULT'\] must look like 'METHOD \/path'/],
  ])('the malformed route key %s is rejected', (routeKey, message) => {
    expect(route(routeKey)).toThrow(message);
  });

  test('two variable names at one level are rejected, as API Gateway refuses them', () => {
    expect(() => newHttpApi((handler) => ({ routes: { 'GET /items/{id}': { handler }, 'GET /items/{itemId}/parts': { handler } } }))).toThrow(
      "[ConflictingPathVariables] TestStack/Api: routes['GET /items/{itemId}/parts'] uses '{itemId}' under '/items', where another route uses '{id}'; API Gateway allows one path variable per level, so use the same name");
  });

  test('a greedy variable next to a named one is accepted', () => {
    expect(() => newHttpApi((handler) => ({ routes: { 'GET /items/{id}': { handler }, 'ANY /items/{proxy+}': { handler } } }))).not.toThrow();
  });

  test('a route declared twice is rejected', () => {
    expect(() => newHttpApi((handler) => ({ routes: { 'GET /items': { handler }, 'get  /items': { handler } } })))
      .toThrow(/^\[DuplicateRoute\] TestStack\/Api: routes\['get {2}\/items'\]: the route 'GET \/items' is declared twice/);
  });

  test('a route with both a handler and an integration is rejected', () => {
    expect(route('GET /x', (handler) => ({ handler, integration: new HttpUrlIntegration('U', 'https://example.com') })))
      .toThrow(/\[RouteBackend\] .*routes\['GET \/x'\] needs exactly one of handler and integration, got both/);
  });

  test('a route with neither a handler nor an integration is rejected', () => {
    expect(route('GET /x', () => ({}))).toThrow(/routes\['GET \/x'\] needs exactly one of handler and integration, got neither/);
  });

  test('a REST API integration is rejected', () => {
    expect(route('GET /x', () => ({ integration: new apigateway.MockIntegration() as unknown as apigatewayv2.HttpRouteIntegration })))
      .toThrow(/\[NotAnHttpIntegration\] .*routes\['GET \/x'\]\.integration is a MockIntegration; expected an HTTP API integration/);
  });

  test('a payload format on a route with an integration is rejected', () => {
    expect(route('GET /x', () => ({
      integration: new HttpUrlIntegration('U', 'https://example.com'),
      payloadFormatVersion: apigatewayv2.PayloadFormatVersion.VERSION_1_0,
    }))).toThrow(/routes\['GET \/x'\]\.payloadFormatVersion applies to the Lambda proxy integration of handler/);
  });

  test('a payload format Lambda does not know is rejected', () => {
    expect(route('GET /x', (handler) => ({ handler, payloadFormatVersion: apigatewayv2.PayloadFormatVersion.custom('3.0') })))
      .toThrow(/routes\['GET \/x'\]\.payloadFormatVersion is '3\.0'; Lambda proxy integrations accept 1\.0 and 2\.0/);
  });

  test('a negative route throttle is rejected', () => {
    expect(route('GET /x', (handler) => ({ handler, throttle: { rateLimit: -1 } })))
      .toThrow(/routes\['GET \/x'\]\.throttle\.rateLimit must be 0 or more, got -1/);
  });

  test('an API without routes is refused at synth, naming routes', () => {
    const { stack } = newHttpApi(() => ({ routes: {} }));
    expect(() => (stack.node.root as App).synth()).toThrow(
      "[NoRoutes] TestStack/Api: routes is {} and no route was added with addRoute(); expected at least one route, e.g. routes: { 'GET /items': { handler } }");
  });

  test('routes added with addRoute() after construction count', () => {
    const { stack, api, fn } = newHttpApi();
    api.addRoute('$default', { handler: fn });
    expect(() => (stack.node.root as App).synth()).not.toThrow();
  });

  test('the HTTP API is the default child, for escape hatches', () => {
    const stack = newStack();
    const api = new SecureHttpApi(stack, 'Api', { routes: { 'GET /items': { handler: newFunction(stack) } } });
    expect(api.node.defaultChild).toBe(api.httpApi);
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'Api', ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
  });
});
