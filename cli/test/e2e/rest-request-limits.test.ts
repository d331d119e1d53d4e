import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp, withServedApp } from '../support/app';

const ALLOW_ALL = `exports.handler = async () => ({ principalId: 'me', policyDocument: { Version: '2012-10-17',
  Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: '*' }] } });`;

describe('REST APIs: request ids, routing beside a proxy resource, and size limits', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const echo = new apigateway.LambdaIntegration(nodeFunction(stack, 'Echo', ECHO_HANDLER));
      const api = new apigateway.RestApi(stack, 'Api', { deployOptions: { stageName: 'prod' } });
      const files = api.root.addResource('files');
      files.addResource('{proxy+}').addMethod('GET', echo);
      files.addResource('fixed').addMethod('GET', echo);
      const authorizer = new apigateway.TokenAuthorizer(stack, 'Authorizer', { handler: nodeFunction(stack, 'AllowAll', ALLOW_ALL) });
      api.root.addResource('guarded').addResource('{id}').addMethod('GET', echo, { authorizer });
      api.root.addResource('open').addResource('{id}').addMethod('GET', echo);
    });
  });
  afterAll(() => app.stop());

  test('a client UUID in x-amzn-RequestId becomes the request id of the event and the response', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html: "Clients can override the
    // value in the x-amzn-RequestId header with a value in the format of a universally unique identifier (UUID)".
    const id = '5f7c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';
    const response = await app.fetch('files/fixed', { headers: { 'x-amzn-RequestId': id } });
    expect(response.headers.get('x-amzn-requestid')).toBe(id);
    expect((await response.json()).requestContext.requestId).toBe(id);
  });

  test('a {proxy+} resource does not catch paths under a sibling resource that exists', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html:
    // "When a proxy resource has non-proxy siblings, the sibling resources are excluded from the representation of the proxy resource".
    const sibling = await app.fetch('files/fixed/x');
    expect(sibling.status).toBe(403);
    expect(await sibling.json()).toEqual({ message: 'Missing Authentication Token' });
    expect((await (await app.fetch('files/other/x')).json()).pathParameters).toEqual({ proxy: 'other/x' });
  });

  test('header values over 10,240 bytes in total are refused with 413 before reaching the function', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html: "Total combined size of all header values 10240 Bytes".
    const before = app.invocations('Echo');
    const response = await app.fetch('files/fixed', { headers: { 'x-a': 'a'.repeat(6000), 'x-b': 'b'.repeat(6000) } });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe('{"message":"Request Too Long"}');
    expect(app.invocations('Echo')).toBe(before);
  });

  test('a method ARN over 1,600 bytes on an authorized method is 414 Request URI too long', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html: "the
    // maximum length is 1600 bytes ... the API client will receive a 414 Request URI too long response".
    const id = 'i'.repeat(1600);
    const guarded = await app.fetch(`guarded/${id}`, { headers: { Authorization: 'token' } });
    expect(guarded.status).toBe(414);
    expect(await guarded.text()).toBe('{"message":"Request URI too long"}');
    expect((await app.fetch(`open/${id}`)).status).toBe(200);
  });
});

describe("Lambda's 6 MB synchronous payload quota behind a REST API", () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const api = new apigateway.RestApi(stack, 'Api');
      api.root.addResource('echo').addMethod('POST', new apigateway.LambdaIntegration(nodeFunction(stack, 'Echo', ECHO_HANDLER)));
      api.root.addResource('large').addMethod('GET', new apigateway.LambdaIntegration(nodeFunction(stack, 'Large',
        'exports.handler = async () => ({ statusCode: 200, body: "x".repeat(7 * 1024 * 1024) });')));
    });
  });
  afterAll(() => app.stop());

  test('a request whose event passes 6 MB is 413 without running the function', async () => {
    // Lambda refuses the Invoke (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html); API Gateway's
    // answer was recorded against AWS, not documented: 413 {"message": "Request Too Long"}, BadRequestException.
    const response = await app.fetch('echo', { method: 'POST', body: 'b'.repeat(6 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe('{"message": "Request Too Long"}');
    expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(app.invocations('Echo')).toBe(0);
  });

  test('a result over 6 MB is a failed Lambda proxy integration: 502', async () => {
    const response = await app.fetch('large');
    expect(response.status).toBe(502);
    expect(await response.text()).toBe('{"message": "Internal server error"}');
  });
});

describe('a REST API whose default endpoint is disabled', () => {
  test('answers 403 Forbidden on its execute-api URL', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html: "Clients can
    // still connect to your default endpoint, but they will receive a 403 Forbidden status code".
    await withServedApp((stack) => {
      const api = new apigateway.RestApi(stack, 'Api', { disableExecuteApiEndpoint: true });
      api.root.addMethod('GET', new apigateway.MockIntegration({ integrationResponses: [{ statusCode: '200' }] }), { methodResponses: [{ statusCode: '200' }] });
    }, async (app) => {
      const response = await app.fetch('');
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: 'Forbidden' });
    });
  });
});
