import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

describe('REST CORS preflight (MOCK) and gateway responses (aws-cdk-lib)', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const integration = new apigateway.LambdaIntegration(nodeFunction(stack, 'Echo', ECHO_HANDLER));
      const api = new apigateway.RestApi(stack, 'Api', {
        deployOptions: { stageName: 'prod', variables: { owner: 'team-a' } },
        defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'], allowHeaders: ['Content-Type', 'Authorization'] },
      });
      api.root.addResource('items').addMethod('GET', integration, { apiKeyRequired: true });
      api.addGatewayResponse('Default4xx', {
        type: apigateway.ResponseType.DEFAULT_4XX,
        responseHeaders: { 'Access-Control-Allow-Origin': "'https://app.example.com'" },
      });
      api.addGatewayResponse('MissingToken', {
        type: apigateway.ResponseType.MISSING_AUTHENTICATION_TOKEN,
        statusCode: '404',
        responseHeaders: { 'X-Request-Origin': 'method.request.header.Origin', 'X-Owner': 'stageVariables.owner' },
        templates: { 'application/json': '{"error":$context.error.messageString,"type":"$context.error.responseType","id":"$context.requestId"}' },
      });
    });
  });
  afterAll(() => app.stop());

  test('a preflight request is answered by the MOCK OPTIONS method: 204 with the configured CORS headers', async () => {
    const response = await app.fetch('items', { method: 'OPTIONS', headers: { 'Origin': 'https://app.example.com', 'Access-Control-Request-Method': 'GET' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type,Authorization');
    expect(response.headers.get('access-control-allow-methods')).toBe('OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD');
  });

  test('an error without a gateway response of its own takes DEFAULT_4XX\'s headers, with AWS\'s default body', async () => {
    const response = await app.fetch('items', { method: 'GET' });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(await response.text()).toBe('{"message":"Forbidden"}');
  });

  test('a gateway response of the error\'s type sets its status, mapped headers and body template', async () => {
    const response = await app.fetch('nowhere', { headers: { Origin: 'https://elsewhere.example.com' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-origin')).toBe('https://elsewhere.example.com');
    expect(response.headers.get('x-owner')).toBe('team-a');
    const body = await response.json();
    expect(body).toEqual({ error: 'Missing Authentication Token', type: 'MISSING_AUTHENTICATION_TOKEN', id: response.headers.get('x-amzn-requestid') });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
