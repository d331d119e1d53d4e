import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

describe('an HTTP API defined by OpenAPI (aws-cdk-lib CfnApi with Body)', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const handler = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      const integration = {
        type: 'aws_proxy',
        httpMethod: 'POST',
        payloadFormatVersion: '2.0',
        uri: `arn:aws:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${handler.functionArn}/invocations`,
      };
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api.html
      const api = new apigatewayv2.CfnApi(stack, 'Api', {
        body: {
          'openapi': '3.0.1',
          'info': { title: 'orders', version: '1' },
          'x-amazon-apigateway-cors': { allowOrigins: ['https://app.example.com'], allowMethods: ['GET'], maxAge: 300 },
          'paths': { '/orders/{id}': { get: { 'x-amazon-apigateway-integration': integration } } },
        },
      });
      new apigatewayv2.CfnStage(stack, 'Stage', { apiId: api.ref, stageName: '$default', autoDeploy: true });
    });
  });
  afterAll(() => app.stop());

  test('a route of the document invokes its Lambda integration with a payload 2.0 event', async () => {
    const response = await app.fetch('orders/42?expand=lines');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      version: '2.0', routeKey: 'GET /orders/{id}', rawPath: '/orders/42', pathParameters: { id: '42' }, queryStringParameters: { expand: 'lines' },
    });
  });

  test('a path the document does not declare is 404 Not Found', async () => {
    const response = await app.fetch('customers/1');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
  });

  test('x-amazon-apigateway-cors answers preflight requests', async () => {
    const response = await app.fetch('orders/42', { method: 'OPTIONS', headers: { 'Origin': 'https://app.example.com', 'Access-Control-Request-Method': 'GET' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('access-control-max-age')).toBe('300');
  });
});
