import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

const TENANT_KEY = 'tenant-key-from-the-authorizer-0001';

/** The authorizer names the caller's API key (`usageIdentifierKey`), as with apiKeySource AUTHORIZER. */
const KEY_AUTHORIZER = `exports.handler = async (event) => ({
  principalId: 'tenant',
  usageIdentifierKey: event.authorizationToken === 'known' ? ${JSON.stringify(TENANT_KEY)} : 'no-such-key-000000000000',
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: '*' }] },
});`;

describe('API keys from the authorizer and quotas across stages', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const integration = new apigateway.LambdaIntegration(nodeFunction(stack, 'Echo', ECHO_HANDLER));
      const authorizer = new apigateway.TokenAuthorizer(stack, 'KeyAuth', { handler: nodeFunction(stack, 'KeyFn', KEY_AUTHORIZER) });
      const api = new apigateway.RestApi(stack, 'Api', { apiKeySourceType: apigateway.ApiKeySourceType.AUTHORIZER, deployOptions: { stageName: 'prod' } });
      api.root.addResource('orders').addMethod('GET', integration, { authorizer, apiKeyRequired: true });
      const dev = new apigateway.Stage(stack, 'Dev', { deployment: new apigateway.Deployment(stack, 'DevDeployment', { api }), stageName: 'dev' });
      const plan = api.addUsagePlan('Plan', {
        quota: { limit: 3, period: apigateway.Period.DAY },
        apiStages: [{ api, stage: api.deploymentStage }, { api, stage: dev }],
      });
      plan.addApiKey(new apigateway.ApiKey(stack, 'TenantKey', { value: TENANT_KEY }));
    });
  });
  afterAll(() => app.stop());

  const orders = (stage: string, token: string) => app.fetch('orders', { headers: { Authorization: token } }, 'Api', stage);

  test('the key the authorizer returns is the one checked, whatever x-api-key says', async () => {
    const response = await orders('prod', 'known');
    expect(response.status).toBe(200);
    expect((await response.json()).requestContext.identity.apiKey).toBe(TENANT_KEY);
  });

  test('a key the authorizer returns but no plan holds is 403 Forbidden', async () => {
    const response = await app.fetch('orders', { headers: { 'Authorization': 'unknown', 'x-api-key': TENANT_KEY } }, 'Api', 'prod');
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('{"message":"Forbidden"}');
  });

  test('a key\'s quota counts its requests on every stage of the plan', async () => {
    app.clock.advance(24 * 3600 * 1000);
    const statuses = [
      (await orders('prod', 'known')).status,
      (await orders('dev', 'known')).status,
      (await orders('prod', 'known')).status,
      (await orders('dev', 'known')).status,
    ];
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
