import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration, HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { nodeFunction, serveApp, ServedTestApp } from '../support/app';

/**
 * An HTTP integration to another API of the same app, by its `url` as aws-cdk's integ test integ.http-proxy.ts does:
 * its execute-api URL is the local listener of that API here
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-http.html).
 */
describe('an HTTP integration to the URL of another API of the app', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const success = nodeFunction(stack, 'Success', 'exports.handler = async (event) => ({ statusCode: 200, body: "success " + (event.rawPath ?? event.path) });');
      const backend = new apigatewayv2.HttpApi(stack, 'Backend', { defaultIntegration: new HttpLambdaIntegration('Success', success) });
      new apigatewayv2.HttpApi(stack, 'Front', { defaultIntegration: new HttpUrlIntegration('Backend', backend.url!) });
      const rest = new apigateway.RestApi(stack, 'Rest', { deployOptions: { stageName: 'prod' } });
      rest.root.addResource('via').addMethod('GET', new apigateway.HttpIntegration(`${backend.url!}rest`, { proxy: true, httpMethod: 'GET' }));
    });
  });
  afterAll(() => app.stop());

  test('an HTTP API HTTP_PROXY reaches the other API on its local listener', async () => {
    const response = await app.fetch('', undefined, 'Front');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('success /');
  });

  test('a REST HTTP_PROXY integration reaches it too', async () => {
    const response = await app.fetch('via', undefined, 'Rest');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('success /rest');
  });
});
