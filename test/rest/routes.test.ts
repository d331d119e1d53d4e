import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { countOf, newApi, newFunction, templateOf } from '../support/fixtures';

describe('routes', () => {
  test('a route key creates a Lambda proxy method on its path', () => {
    const { stack, fn } = newApi((handler) => ({ routes: { 'GET /items/{id}': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: '{id}' });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      Integration: {
        Type: 'AWS_PROXY',
        IntegrationHttpMethod: 'POST',
        Uri: { 'Fn::Join': ['', Match.arrayWith([stack.resolve(fn.functionArn)])] },
      },
    });
  });

  test('nested paths share their parent resources', () => {
    const { stack } = newApi((handler) => ({
      routes: { 'GET /items': { handler }, 'GET /items/{id}': { handler }, 'DELETE /items/{id}': { handler } },
    }));
    expect(countOf(stack, 'AWS::ApiGateway::Resource')).toBe(2);
    expect(countOf(stack, 'AWS::ApiGateway::Method')).toBe(3);
  });

  test('ANY and a greedy proxy variable are accepted', () => {
    const { stack } = newApi((handler) => ({ routes: { 'ANY /{proxy+}': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: '{proxy+}' });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'ANY' });
  });

  test('a route on the root path creates a method on the root resource', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /': { handler } } }));
    expect(countOf(stack, 'AWS::ApiGateway::Resource')).toBe(0);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      ResourceId: stack.resolve(api.restApi.restApiRootResourceId),
    });
  });

  test('method names are case-insensitive in route keys', () => {
    const { stack } = newApi((handler) => ({ routes: { 'post /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'POST' });
  });

  test('addRoute adds a route after construction and returns its method', () => {
    const { stack, api, fn } = newApi();
    const method = api.addRoute('PUT /items/{id}', { handler: fn });
    expect(method.httpMethod).toBe('PUT');
    expect(method.resource.path).toBe('/items/{id}');
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'PUT' });
  });

  test('every method uses the API request validator', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /a': { handler }, 'POST /b': { handler } } }));
    templateOf(stack).allResourcesProperties('AWS::ApiGateway::Method', {
      RequestValidatorId: stack.resolve(api.requestValidator.requestValidatorId),
    });
  });

  test('a plain aws-cdk-lib integration serves a route with another backend', () => {
    const { stack } = newApi(() => ({
      routes: {
        'GET /mock': {
          integration: new apigateway.MockIntegration({
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            integrationResponses: [{ statusCode: '200' }],
          }),
        },
        'GET /upstream': { integration: new apigateway.HttpIntegration('https://example.com/upstream') },
      },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { Integration: Match.objectLike({ Type: 'MOCK' }) });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: Match.objectLike({ Type: 'HTTP_PROXY', Uri: 'https://example.com/upstream' }),
    });
  });
});

describe('an API without routes', () => {
  const synth = (stack: Stack) => () => (stack.node.root as App).synth();

  test.each([
    ['no routes prop', {}, 'undefined'],
    ['empty routes', { routes: {} }, '{}'],
  ])('is refused at synth with %s, naming routes rather than the methods of aws-cdk-lib', (_, props, shown) => {
    const { stack } = newApi(() => props);
    expect(synth(stack)).toThrow(
      `[NoRoutes] TestStack/Api: routes is ${shown} and no route was added with addRoute(); expected at least one route, e.g. routes: { 'GET /items': { handler } }`);
  });

  test('is accepted once a route is added with addRoute()', () => {
    const { stack, api, fn } = newApi();
    api.addRoute('GET /items', { handler: fn });
    expect(synth(stack)).not.toThrow();
  });
});

describe('Lambda permissions', () => {
  test('a function serving many routes gets exactly one permission, scoped to this API and stage', () => {
    const { stack, api } = newApi((handler) => ({
      routes: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`GET /r${i}`, { handler }])),
    }));
    templateOf(stack).resourceCountIs('AWS::Lambda::Permission', 1);
    templateOf(stack).hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: stack.resolve(api.restApi.arnForExecuteApi('*', '/*', 'prod')),
    });
  });

  test('each function gets its own single permission', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /a': { handler }, 'GET /b': { handler } } }));
    api.addRoute('GET /c', { handler: newFunction(stack, 'Other') });
    templateOf(stack).resourceCountIs('AWS::Lambda::Permission', 2);
  });

  test('no test-invoke permission is created unless asked for', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /a': { handler } } }));
    templateOf(stack).resourcePropertiesCountIs('AWS::Lambda::Permission', {
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/test-invoke-stage/')])] },
    }, 0);
  });

  test('allowTestInvoke adds one test-invoke-stage permission per function', () => {
    const { stack } = newApi((handler) => ({ allowTestInvoke: true, routes: { 'GET /a': { handler }, 'GET /b': { handler } } }));
    templateOf(stack).resourceCountIs('AWS::Lambda::Permission', 2);
    templateOf(stack).hasResourceProperties('AWS::Lambda::Permission', {
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/test-invoke-stage/\\*/\\*$')])] },
    });
  });
});
