import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { serveApp, ServedTestApp } from '../support/app';
import { startUpstream, unreachableUrl, Upstream } from '../support/upstream';

describe('REST HTTP and HTTP_PROXY integrations (aws-cdk-lib HttpIntegration) to a local upstream', () => {
  let upstream: Upstream;
  let app: ServedTestApp;

  beforeAll(async () => {
    upstream = await startUpstream((request) => (request.url.startsWith('/missing')
      ? { status: 404, body: '{"error":"no such item"}' }
      : { status: 201, headers: { 'content-type': 'application/json', 'x-upstream': 'yes' }, body: JSON.stringify(request) }));
    const unreachable = await unreachableUrl();
    app = await serveApp((stack) => {
      const api = new apigateway.RestApi(stack, 'Api', { deployOptions: { stageName: 'prod', variables: { backend: upstream.url } } });
      // HTTP_PROXY as the aws-cdk docs show it, the greedy path mapped into the URL.
      api.root.addResource('proxy').addResource('{proxy+}').addMethod('ANY', new apigateway.HttpIntegration('${stageVariables.backend}/{proxy}', {
        httpMethod: 'ANY',
        options: { requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy', 'integration.request.header.X-Gateway': '\'local\'' } },
      }), { requestParameters: { 'method.request.path.proxy': true } });
      // HTTP (non-proxy) with templates and an upstream status mapped by selectionPattern.
      const items = api.root.addResource('items').addResource('{id}');
      items.addMethod('POST', new apigateway.HttpIntegration(`${upstream.url}/items/{id}`, {
        proxy: false,
        httpMethod: 'PUT',
        options: {
          requestParameters: { 'integration.request.path.id': 'method.request.path.id', 'integration.request.querystring.source': '\'gateway\'' },
          requestTemplates: {
            'application/json': '#set($context.requestOverride.querystring.override = "yes"){"name":$input.json(\'$.name\'),"id":"$input.params(\'id\')"}',
          },
          integrationResponses: [
            { statusCode: '200', responseTemplates: { 'application/json': '{"sent":$input.json(\'$.body\'),"method":"$input.path(\'$.method\')"}' } },
            { statusCode: '404', selectionPattern: '404', responseTemplates: { 'application/json': '{"message":"not found"}' } },
          ],
        },
      }), { requestParameters: { 'method.request.path.id': true }, methodResponses: [{ statusCode: '200' }, { statusCode: '404' }] });
      api.root.addResource('missing').addMethod('GET', new apigateway.HttpIntegration(`${upstream.url}/missing`, {
        proxy: false,
        options: { integrationResponses: [{ statusCode: '200' }, { statusCode: '404', selectionPattern: '4\\d{2}' }] },
      }), { methodResponses: [{ statusCode: '200' }, { statusCode: '404' }] });
      api.root.addResource('down').addMethod('GET', new apigateway.HttpIntegration(unreachable));
      api.root.addResource('slow').addMethod('GET', new apigateway.HttpIntegration(`${upstream.url}/hang`, { options: { timeout: Duration.millis(50) } }));
    });
  });
  afterAll(async () => {
    await app.stop();
    await upstream.close();
  });

  test('HTTP_PROXY forwards method, path, query, headers and body, and returns the upstream\'s response as it is', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html
    const response = await app.fetch('proxy/a/b?q=1', { method: 'PATCH', headers: { 'X-Client': 'c', 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-upstream')).toBe('yes');
    const seen = await response.json();
    expect(seen).toMatchObject({ method: 'PATCH', url: '/a/b?q=1', body: 'hello', headers: { 'x-client': 'c', 'x-gateway': 'local', 'x-forwarded-for': '127.0.0.1' } });
  });

  test('HTTP sends the mapped request and maps the upstream\'s response through the integration response', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-create-api-step-by-step.html
    const response = await app.fetch('items/7', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"pen","extra":true}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sent: '{"name":"pen","id":"7"}', method: 'PUT' });
    expect(upstream.received.at(-1)?.url).toMatch(/^\/items\/7\?/);
  });

  test('a request template\'s $context.requestOverride adds to the integration request', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
    await app.fetch('items/7', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"pen"}' });
    expect(upstream.received.at(-1)?.url).toBe('/items/7?source=gateway&override=yes');
  });

  test('an upstream status matching a selectionPattern selects that integration response', async () => {
    const response = await app.fetch('missing');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('{"error":"no such item"}');
  });

  test('an upstream that cannot be reached answers as an integration failure', async () => {
    // INTEGRATION_FAILURE, https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
    const response = await app.fetch('down');
    expect(response.status).toBe(504);
    expect(await response.text()).toBe('{"message":"Internal server error"}');
  });

  test('an upstream slower than the integration timeout answers 504 Endpoint request timed out', async () => {
    // INTEGRATION_TIMEOUT (same page); the timeout is the integration's TimeoutInMillis, 50 ms here.
    const response = await app.fetch('slow');
    expect(response.status).toBe(504);
    expect(await response.text()).toBe('{"message": "Endpoint request timed out"}');
  });
});
