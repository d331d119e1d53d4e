import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp, withServedApp } from '../support/app';

describe('HTTP APIs: decoded path parameters, payload 1.0 headers, CORS origin wildcards and size limits', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const echo = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      const api = new apigatewayv2.HttpApi(stack, 'Api', {
        corsPreflight: { allowOrigins: ['https://*'], allowMethods: [apigatewayv2.CorsHttpMethod.GET] },
      });
      api.addRoutes({ path: '/items/{id}', methods: [apigatewayv2.HttpMethod.GET], integration: new HttpLambdaIntegration('Echo', echo) });
      api.addRoutes({
        path: '/v1/{proxy+}',
        methods: [apigatewayv2.HttpMethod.GET],
        integration: new HttpLambdaIntegration('EchoV1', echo, { payloadFormatVersion: apigatewayv2.PayloadFormatVersion.VERSION_1_0 }),
      });
    });
  });
  afterAll(() => app.stop());

  test('path parameters reach the function URL-decoded', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html: "API Gateway decodes
    // URL-encoded request parameters before passing them to your backend integration".
    const event = await (await app.fetch('items/a%20b%2Fc')).json();
    expect(event.pathParameters).toEqual({ id: 'a b/c' });
  });

  test('payload format 1.0 lower-cases header names', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html: "Header names are lowercased".
    const event = await (await app.fetch('v1/x', { headers: { 'X-Custom-Header': 'Value' } })).json();
    expect(event.version).toBe('1.0');
    expect(event.headers['x-custom-header']).toBe('Value');
    expect(event.multiValueHeaders['x-custom-header']).toEqual(['Value']);
    expect(Object.keys(event.headers).filter((name) => name !== name.toLowerCase())).toEqual([]);
  });

  test('an allowOrigins entry https://* allows any https origin and no other', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html: "https://* (allow any origin that begins with https://)".
    const preflight = (origin: string) => app.fetch('items/1', { method: 'OPTIONS', headers: { 'Origin': origin, 'Access-Control-Request-Method': 'GET' } });
    expect((await preflight('https://shop.example.com')).headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect((await preflight('http://shop.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });

  test('a request line and headers over 10,240 bytes are refused with 413', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html: "Total combined size of request line
    // and header values 10240 bytes".
    const before = app.invocations('Echo');
    const response = await app.fetch(`items/${'i'.repeat(5000)}`, { headers: { 'x-a': 'a'.repeat(5300) } });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
    expect(app.invocations('Echo')).toBe(before);
  });
});

describe('an HTTP API whose default endpoint is disabled', () => {
  test('answers 403 Forbidden on its execute-api URL', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-disable-default-endpoint.html; the status
    // is the one the REST page documents (rest-api-disable-default-endpoint.html).
    await withServedApp((stack) => {
      new apigatewayv2.HttpApi(stack, 'Api', {
        disableExecuteApiEndpoint: true,
        defaultIntegration: new HttpLambdaIntegration('Echo', nodeFunction(stack, 'Echo', ECHO_HANDLER)),
      });
    }, async (app) => {
      const response = await app.fetch('anything');
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: 'Forbidden' });
    });
  });
});
