import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

const THROTTLED_KEY = 'throttled-key-0123456789';
const QUOTA_KEY = 'quota-key-0123456789abc';
const DISABLED_KEY = 'disabled-key-0123456789';
const UNBOUND_KEY = 'unbound-key-0123456789a';

describe('REST API keys, usage plans, throttles and quotas (aws-cdk-lib UsagePlan and ApiKey)', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const integration = new apigateway.LambdaIntegration(nodeFunction(stack, 'Echo', ECHO_HANDLER));
      const api = new apigateway.RestApi(stack, 'Api', {
        deployOptions: {
          stageName: 'prod',
          methodOptions: { '/open/GET': { throttlingBurstLimit: 1, throttlingRateLimit: 1 } },
        },
      });
      const metered = api.root.addResource('metered');
      metered.addMethod('GET', integration, { apiKeyRequired: true });
      const fast = api.root.addResource('fast').addMethod('GET', integration, { apiKeyRequired: true });
      api.root.addResource('open').addMethod('GET', integration);

      const throttledPlan = api.addUsagePlan('ThrottledPlan', {
        name: 'throttled',
        throttle: { rateLimit: 1, burstLimit: 2 },
        apiStages: [{ api, stage: api.deploymentStage, throttle: [{ method: fast, throttle: { rateLimit: 10, burstLimit: 5 } }] }],
      });
      throttledPlan.addApiKey(api.addApiKey('ThrottledKey', { value: THROTTLED_KEY }));
      throttledPlan.addApiKey(new apigateway.ApiKey(stack, 'DisabledKey', { value: DISABLED_KEY, enabled: false }));
      const quotaPlan = api.addUsagePlan('QuotaPlan', {
        name: 'quota',
        quota: { limit: 3, period: apigateway.Period.DAY },
        apiStages: [{ api, stage: api.deploymentStage }],
      });
      quotaPlan.addApiKey(new apigateway.ApiKey(stack, 'QuotaKey', { value: QUOTA_KEY }));
      new apigateway.ApiKey(stack, 'UnboundKey', { value: UNBOUND_KEY });
    });
  });
  afterAll(() => app.stop());

  const withKey = (key: string) => ({ headers: { 'x-api-key': key } });
  const statuses = async (count: number, path: string, key?: string) => {
    const result: number[] = [];
    for (let i = 0; i < count; i++) {
      result.push((await app.fetch(path, key ? withKey(key) : undefined)).status);
    }
    return result;
  };

  test('a method requiring a key refuses a request without one: 403 Forbidden', async () => {
    const response = await app.fetch('metered');
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('{"message":"Forbidden"}');
    expect(response.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
  });

  test.each([
    ['an unknown key', 'not-a-key-of-this-app-000'],
    ['a disabled key', DISABLED_KEY],
    ['a key in no usage plan of the stage', UNBOUND_KEY],
  ])('%s is 403 Forbidden', async (_, key) => {
    expect((await app.fetch('metered', withKey(key))).status).toBe(403);
  });

  test('a valid key reaches the integration, named in requestContext.identity', async () => {
    const response = await app.fetch('metered', withKey(QUOTA_KEY));
    expect(response.status).toBe(200);
    expect((await response.json()).requestContext.identity).toMatchObject({ apiKey: QUOTA_KEY, apiKeyId: expect.any(String) });
    app.clock.advance(24 * 3600 * 1000);
  });

  test('the plan throttles each key with a token bucket: its burst at once, then one request per second', async () => {
    app.clock.advance(10_000);
    expect(await statuses(3, 'metered', THROTTLED_KEY)).toEqual([200, 200, 429]);
    app.clock.advance(1_000);
    expect(await statuses(2, 'metered', THROTTLED_KEY)).toEqual([200, 429]);
  });

  test('a throttled request gets AWS\'s 429 body', async () => {
    app.clock.advance(10_000);
    await statuses(2, 'metered', THROTTLED_KEY);
    const response = await app.fetch('metered', withKey(THROTTLED_KEY));
    expect(response.status).toBe(429);
    expect(await response.text()).toBe('{"message":"Too Many Requests"}');
  });

  test('a per-method throttle of the plan replaces the plan\'s own for that method', async () => {
    app.clock.advance(10_000);
    expect(await statuses(6, 'fast', THROTTLED_KEY)).toEqual([200, 200, 200, 200, 200, 429]);
  });

  test('the quota allows its limit per day, then 429 Limit Exceeded until the next UTC day', async () => {
    const now = new Date(app.clock.now());
    app.clock.set(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 0, 0));
    expect(await statuses(3, 'metered', QUOTA_KEY)).toEqual([200, 200, 200]);
    const refused = await app.fetch('metered', withKey(QUOTA_KEY));
    expect(refused.status).toBe(429);
    expect(await refused.text()).toBe('{"message":"Limit Exceeded"}');
    app.clock.advance(24 * 3600 * 1000);
    expect(await statuses(1, 'metered', QUOTA_KEY)).toEqual([200]);
  });

  test('a stage method setting throttles every caller of that method, keys or not', async () => {
    app.clock.advance(10_000);
    expect(await statuses(2, 'open')).toEqual([200, 429]);
  });
});
