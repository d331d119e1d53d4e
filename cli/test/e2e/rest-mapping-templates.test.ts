import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { nodeFunction, serveApp, ServedTestApp, withServedApp } from '../support/app';

/** A non-proxy Lambda function: greets `name`, fails with a message that names the error. */
const GREETER = `exports.handler = async (event) => {
  if (!event.name) { throw new Error('Bad request: name is required'); }
  if (event.name === 'crash') { throw new Error('Something unexpected'); }
  return { greeting: 'Hello ' + event.name, stage: event.stage };
};`;

describe('REST mapping templates and integration responses (aws-cdk-lib LambdaIntegration proxy: false, MockIntegration)', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const api = new apigateway.RestApi(stack, 'Api', {
        deployOptions: { stageName: 'prod' },
        defaultCorsPreflightOptions: { allowOrigins: ['https://one.example.com', 'https://two.example.com'] },
      });
      // As the aws-cdk docs show it: request and response templates, an error mapped by selectionPattern.
      const greet = new apigateway.LambdaIntegration(nodeFunction(stack, 'Greeter', GREETER), {
        proxy: false,
        passthroughBehavior: apigateway.PassthroughBehavior.NEVER,
        requestTemplates: { 'application/json': '{ "name": "$input.params(\'name\')", "stage": "$context.stage" }' },
        integrationResponses: [
          {
            statusCode: '200',
            responseTemplates: { 'application/json': '{ "message": "$input.path(\'$.greeting\')", "requestId": "$context.requestId" }' },
            responseParameters: { 'method.response.header.X-Stage': 'integration.response.body.stage' },
          },
          {
            statusCode: '400',
            selectionPattern: 'Bad request.*',
            responseTemplates: { 'application/json': '{ "error": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))" }' },
          },
        ],
      });
      api.root.addResource('greet').addMethod('GET', greet, {
        methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-Stage': true } }, { statusCode: '400' }],
      });
      api.root.addResource('teapot').addMethod('GET', new apigateway.MockIntegration({
        requestTemplates: { 'application/json': '{ "statusCode": 200 }' },
        integrationResponses: [{
          statusCode: '200',
          responseTemplates: {
            'application/json': '#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-Brewed = "$input.params(\'tea\')"){"tea":"$input.params(\'tea\')"}',
          },
        }],
      }), { methodResponses: [{ statusCode: '200' }] });
    });
  });
  afterAll(() => app.stop());

  test('the request template builds the function\'s event and the response template its answer', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-custom-integrations.html
    const response = await app.fetch('greet?name=Ann');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ message: 'Hello Ann', requestId: response.headers.get('x-amzn-requestid') });
  });

  test('a response parameter maps a value of the integration response body to a header', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
    expect((await app.fetch('greet?name=Ann')).headers.get('x-stage')).toBe('prod');
  });

  test('a Lambda error whose message matches a selectionPattern takes that integration response', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
    const response = await app.fetch('greet');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'Bad request: name is required' });
  });

  test('a Lambda error no selectionPattern matches takes the default integration response, a 200', async () => {
    // "Otherwise, Lambda errors are returned as 200 OK responses by default" (same page).
    const response = await app.fetch('greet?name=crash');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ message: '' });
  });

  test('passthrough NEVER refuses a content type without a template with 415 Unsupported Media Type', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html
    const response = await app.fetch('greet?name=Ann', { headers: { 'Content-Type': 'application/xml' } });
    expect(response.status).toBe(415);
    expect(await response.text()).toBe('{"message":"Unsupported Media Type"}');
    expect(response.headers.get('x-amzn-errortype')).toBe('UnsupportedMediaTypeException');
  });

  test('a MOCK response template overrides the status and a header with $context.responseOverride', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
    const response = await app.fetch('teapot?tea=green');
    expect(response.status).toBe(418);
    expect(response.headers.get('x-brewed')).toBe('green');
    expect(await response.json()).toEqual({ tea: 'green' });
  });

  test('a CORS preflight from the second allowed origin echoes that origin (aws-cdk-lib\'s responseOverride template)', async () => {
    // aws-cdk-lib's addCorsPreflight renders a template that sets responseOverride.header.Access-Control-Allow-Origin.
    const response = await app.fetch('greet', { method: 'OPTIONS', headers: { 'Origin': 'https://two.example.com', 'Access-Control-Request-Method': 'GET' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://two.example.com');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  test('a CORS preflight from an origin not allowed gets the first allowed origin', async () => {
    const response = await app.fetch('greet', { method: 'OPTIONS', headers: { 'Origin': 'https://evil.example.com', 'Access-Control-Request-Method': 'GET' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://one.example.com');
  });
});

describe('an integration response whose status has no method response', () => {
  test('answers 500 Internal server error, as API Gateway does', async () => {
    // "If no method response is defined for the returned status code, API Gateway returns a 500 error"
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html).
    await withServedApp((stack) => {
      const api = new apigateway.RestApi(stack, 'Api');
      api.root.addMethod('GET', new apigateway.LambdaIntegration(nodeFunction(stack, 'Greeter', GREETER), {
        proxy: false,
        requestTemplates: { 'application/json': '{ "name": "Ann" }' },
        integrationResponses: [{ statusCode: '200' }],
      }));
    }, async (app) => {
      const response = await app.fetch('');
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: 'Internal server error' });
    });
  });
});
