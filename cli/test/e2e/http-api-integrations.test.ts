import { Duration } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { serveApp, ServedTestApp } from '../support/app';
import { startUpstream, unreachableUrl, Upstream } from '../support/upstream';

describe('HTTP API HTTP_PROXY integrations (aws-cdk-lib HttpUrlIntegration) to a local upstream', () => {
  let upstream: Upstream;
  let app: ServedTestApp;

  beforeAll(async () => {
    upstream = await startUpstream();
    const unreachable = await unreachableUrl();
    app = await serveApp((stack) => {
      const api = new apigwv2.HttpApi(stack, 'Api');
      api.addRoutes({ path: '/items/{proxy+}', methods: [apigwv2.HttpMethod.ANY], integration: new HttpUrlIntegration('Items', `${upstream.url}/v1/{proxy}`) });
      // Parameter mapping as the aws-cdk docs show it.
      api.addRoutes({
        path: '/rewrite',
        methods: [apigwv2.HttpMethod.GET],
        integration: new HttpUrlIntegration('Rewrite', `${upstream.url}/ignored`, {
          parameterMapping: new apigwv2.ParameterMapping()
            .overwritePath(apigwv2.MappingValue.custom('/rewritten'))
            .appendHeader('x-source', apigwv2.MappingValue.custom('gateway'))
            .removeHeader('x-secret')
            .appendQueryString('caller', apigwv2.MappingValue.requestHeader('x-caller')),
        }),
      });
      api.addRoutes({ path: '/down', methods: [apigwv2.HttpMethod.GET], integration: new HttpUrlIntegration('Down', unreachable) });
      api.addRoutes({
        path: '/slow', methods: [apigwv2.HttpMethod.GET], integration: new HttpUrlIntegration('Slow', `${upstream.url}/hang`, { timeout: Duration.millis(50) }),
      });
    });
  });
  afterAll(async () => {
    await app.stop();
    await upstream.close();
  });

  test('the request goes to the URL with the greedy path filled in, and the upstream\'s response comes back as it is', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-http.html
    const response = await app.fetch('items/a/b?x=1', { method: 'POST', headers: { 'X-Client': 'c' }, body: 'payload' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-upstream')).toBe('yes');
    expect(await response.json()).toMatchObject({ method: 'POST', url: '/v1/a/b?x=1', body: 'payload', headers: { 'x-client': 'c' } });
  });

  test('request parameter mappings overwrite the path, append and remove headers and add query parameters', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
    const response = await app.fetch('rewrite', { headers: { 'x-secret': 's', 'x-caller': 'ann' } });
    const seen = await response.json();
    expect(seen.url).toBe('/rewritten?caller=ann');
    expect(seen.headers['x-source']).toBe('gateway');
    expect(seen.headers['x-secret']).toBeUndefined();
  });

  test('an upstream that cannot be reached answers 500 Internal Server Error', async () => {
    // HTTP APIs answer integration errors with 500 (aws-semantics.md, "HTTP APIs").
    const response = await app.fetch('down');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message":"Internal Server Error"}');
  });

  test('an upstream slower than the integration timeout answers 504 Gateway Timeout', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html (integration timeout, 50 ms here)
    const response = await app.fetch('slow');
    expect(response.status).toBe(504);
    expect(await response.text()).toBe('{"message":"Gateway Timeout"}');
  });
});
