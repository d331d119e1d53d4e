import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

describe('a plain aws-cdk-lib RestApi with Lambda proxy integrations', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const echo = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      const malformed = nodeFunction(stack, 'Malformed', 'exports.handler = async () => "just a string";');
      const failing = nodeFunction(stack, 'Failing', 'exports.handler = async () => { throw new Error("boom"); };');
      const headers = nodeFunction(stack, 'Headers', `exports.handler = async () => ({
        statusCode: '201', headers: { 'X-Count': 3 }, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] }, body: 'created' });`);
      const api = new apigateway.RestApi(stack, 'Api', { deployOptions: { stageName: 'prod', variables: { realm: 'test' } } });
      const items = api.root.addResource('items');
      items.addMethod('GET', new apigateway.LambdaIntegration(echo));
      items.addResource('{id}').addMethod('GET', new apigateway.LambdaIntegration(echo));
      items.addResource('special').addMethod('GET', new apigateway.LambdaIntegration(headers));
      api.root.addResource('files').addResource('{proxy+}').addMethod('ANY', new apigateway.LambdaIntegration(echo));
      api.root.addResource('malformed').addMethod('GET', new apigateway.LambdaIntegration(malformed));
      api.root.addResource('failing').addMethod('GET', new apigateway.LambdaIntegration(failing));
    });
  });
  afterAll(() => app.stop());

  test('the event has the payload 1.0 shape: template resource, path without the stage, decoded query, nulls for empty maps', async () => {
    const response = await app.fetch('items/42?q=a+b&tag=x&tag=y', { headers: { 'X-Custom': 'One' } });
    expect(response.status).toBe(200);
    const event = await response.json();
    expect(event).toMatchObject({
      resource: '/items/{id}',
      path: '/items/42',
      httpMethod: 'GET',
      queryStringParameters: { q: 'a b', tag: 'y' },
      multiValueQueryStringParameters: { q: ['a b'], tag: ['x', 'y'] },
      pathParameters: { id: '42' },
      stageVariables: { realm: 'test' },
      body: null,
      isBase64Encoded: false,
      requestContext: { stage: 'prod', path: '/prod/items/42', resourcePath: '/items/{id}', httpMethod: 'GET', accountId: '111122223333' },
    });
    expect(event.headers['X-Custom']).toBe('One');
    expect(event.multiValueHeaders['X-Custom']).toEqual(['One']);
    expect(event.requestContext.requestTime).toBe('01/Dec/2026:12:00:00 +0000');
  });

  test('a request without query or path parameters has them null', async () => {
    const event = await (await app.fetch('items')).json();
    expect(event).toMatchObject({ queryStringParameters: null, multiValueQueryStringParameters: null, pathParameters: null });
  });

  test('an explicit resource wins over a path variable', async () => {
    const response = await app.fetch('items/special');
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('created');
  });

  test('header values are stringified and multi-value headers sent each', async () => {
    const response = await app.fetch('items/special');
    expect(response.headers.get('x-count')).toBe('3');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a greedy path variable catches every method and the rest of the path', async () => {
    const event = await (await app.fetch('files/a/b.txt', { method: 'POST', body: 'hello' })).json();
    expect(event).toMatchObject({ resource: '/files/{proxy+}', pathParameters: { proxy: 'a/b.txt' }, httpMethod: 'POST', body: 'hello' });
  });

  test('an unknown path answers 403 Missing Authentication Token', async () => {
    const response = await app.fetch('nowhere');
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('{"message":"Missing Authentication Token"}');
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });

  test('an unknown method of a known resource answers 403 Missing Authentication Token', async () => {
    expect((await app.fetch('items', { method: 'DELETE' })).status).toBe(403);
  });

  test('an unknown stage answers 403 Missing Authentication Token', async () => {
    const url = app.running.url().replace('/prod/', '/dev/items');
    expect((await fetch(url)).status).toBe(403);
  });

  test('a result that is not a proxy response answers 502 Internal server error', async () => {
    const response = await app.fetch('malformed');
    expect(response.status).toBe(502);
    expect(await response.text()).toBe('{"message": "Internal server error"}');
  });

  test('a function that throws answers 502, and the server keeps serving', async () => {
    expect((await app.fetch('failing')).status).toBe(502);
    expect((await app.fetch('items')).status).toBe(200);
  });

  test('the function stays warm between requests', async () => {
    const before = app.invocations('Echo');
    await app.fetch('items');
    await app.fetch('items');
    expect(app.invocations('Echo')).toBe(before + 2);
  });
});
