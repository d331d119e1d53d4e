import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ApiGatewayCloudWatchRole, ApiKeySource, CustomerApiKey, MeteredApi, MeteredApiProps, RestAuthorizer } from '../../src';
import { countOf, newFunction, newStack, templateOf } from '../support/fixtures';

const tiers = {
  free: { throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 1000, period: apigateway.Period.DAY } },
  pro: {
    throttle: { rateLimit: 100, burstLimit: 200 },
    quota: { limit: 1_000_000, period: apigateway.Period.MONTH },
    routeThrottles: { 'POST /items': { rateLimit: 10, burstLimit: 20 } },
  },
};

function meteredApi(props: (handler: ReturnType<typeof newFunction>) => Partial<MeteredApiProps> = () => ({})) {
  const stack = newStack();
  new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
  const handler = newFunction(stack);
  const api = new MeteredApi(stack, 'Api', {
    tiers,
    routes: { 'GET /items': { handler }, 'POST /items': { handler }, 'GET /health': { handler, isPublic: true, apiKeyRequired: false } },
    ...props(handler),
  });
  return { stack, api, handler };
}

describe('MeteredApi', () => {
  test('requires an API key on every route by default', () => {
    const { stack } = meteredApi();
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'POST', ApiKeyRequired: true });
  });

  test('lets a route opt out of the API key', () => {
    const { stack, api } = meteredApi();
    const health = api.restApi.root.getResource('health')!.node.findChild('GET').node.defaultChild as apigateway.CfnMethod;
    expect(stack.resolve(health.apiKeyRequired)).toBeUndefined();
  });

  test('reads the API key from the x-api-key header by default', () => {
    const { stack } = meteredApi();
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::RestApi', { ApiKeySourceType: 'HEADER' });
  });

  test('keeps everything SecureLambdaApi gives: routes stay IAM-authorized unless public', () => {
    const { stack } = meteredApi();
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'POST', AuthorizationType: 'AWS_IAM' });
    templateOf(stack).hasResourceProperties('AWS::WAFv2::WebACLAssociation', {});
  });

  test('creates one usage plan per tier with its throttle and quota', () => {
    const { stack, api } = meteredApi();
    expect(countOf(stack, 'AWS::ApiGateway::UsagePlan')).toBe(2);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'free',
      Throttle: { RateLimit: 5, BurstLimit: 10 },
      Quota: { Limit: 1000, Period: 'DAY' },
    });
    expect(Object.keys(api.usagePlans).sort()).toEqual(['free', 'pro']);
  });

  test('covers every stage in every tier, with the per-route throttles of the tier', () => {
    const { stack, api } = meteredApi(() => ({ stages: { dev: {}, prod: {} } }));
    const apiId = stack.resolve(api.restApi.restApiId);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'pro',
      ApiStages: [
        { ApiId: apiId, Stage: stack.resolve(api.stages.dev.stageName), Throttle: { '/items/POST': { RateLimit: 10, BurstLimit: 20 } } },
        { ApiId: apiId, Stage: stack.resolve(api.stages.prod.stageName), Throttle: { '/items/POST': { RateLimit: 10, BurstLimit: 20 } } },
      ],
    });
  });

  test('onboards a customer with a generated key stored in Secrets Manager under a customer-managed key', () => {
    const { stack, api } = meteredApi(() => ({ customers: { acme: { tier: 'pro' } } }));
    templateOf(stack).hasResourceProperties('AWS::SecretsManager::Secret', { KmsKeyId: stack.resolve(api.apiKeyEncryptionKey!.keyArn) });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::UsagePlanKey', {
      KeyId: stack.resolve(api.customers.acme.apiKey.keyId),
      KeyType: 'API_KEY',
      UsagePlanId: stack.resolve(api.usagePlans.pro.usagePlanId),
    });
  });

  test('lets a portal read a customer\'s key value with grantRead', () => {
    const { stack, api } = meteredApi(() => ({ customers: { acme: { tier: 'pro' } } }));
    const portal = new iam.Role(stack, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    api.customers.acme.grantRead(portal);
    templateOf(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['secretsmanager:GetSecretValue']) })]) },
      Roles: [{ Ref: stack.getLogicalId(portal.node.defaultChild as iam.CfnRole) }],
    });
  });

  test('attaches an existing key by id without creating a key', () => {
    const { stack } = meteredApi(() => ({ customers: { legacy: { tier: 'free', apiKey: CustomerApiKey.fromApiKeyId('abc123def4') } } }));
    expect(countOf(stack, 'AWS::ApiGateway::ApiKey')).toBe(0);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::UsagePlanKey', { KeyId: 'abc123def4' });
  });

  test('adds tiers and customers after construction', () => {
    const { stack, api } = meteredApi();
    api.addTier('enterprise', { throttle: { rateLimit: 1000, burstLimit: 2000 } });
    const customer = api.addCustomer('globex', { tier: 'enterprise' });
    expect(customer.tier).toBe('enterprise');
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', { UsagePlanName: 'enterprise' });
  });

  test('without any tier, a route that requires an API key is refused at synth', () => {
    const { stack } = meteredApi(() => ({ tiers: {} }));
    expect(() => (stack.node.root as App).synth()).toThrow(
      "[ApiKeyWithoutTiers] TestStack/Api: routes['GET /items'].apiKeyRequired is true (the default of MeteredApi), but the API has no tiers, so no API key can be valid and API Gateway would refuse every request; add tiers (or call addTier), or set apiKeyRequired: false");
  });

  test('tiers may all be added after construction', () => {
    const { stack, api } = meteredApi(() => ({ tiers: {} }));
    api.addTier('free', { quota: { limit: 100, period: apigateway.Period.DAY } });
    expect(() => (stack.node.root as App).synth()).not.toThrow();
  });

  test('keeps every customer\'s key and association when another customer is added, removed or reordered', () => {
    const logicalIds = (customerIds: string[]) => {
      const { stack } = meteredApi(() => ({ customers: Object.fromEntries(customerIds.map((id) => [id, { tier: 'free' }])) }));
      const ids = (type: string) => Object.keys(templateOf(stack).findResources(type)).sort();
      return [...ids('AWS::ApiGateway::ApiKey'), ...ids('AWS::ApiGateway::UsagePlanKey'), ...ids('AWS::SecretsManager::Secret')];
    };
    const all = logicalIds(['acme', 'globex', 'initech']);
    const withoutFirst = logicalIds(['globex', 'initech']);
    const reordered = logicalIds(['initech', 'acme', 'globex']);
    expect(withoutFirst.every((id) => all.includes(id))).toBe(true);
    expect(reordered).toEqual(all);
  });

  test('offers metrics of throttled requests, errors and latency per stage', () => {
    const { stack, api } = meteredApi(() => ({ stages: { dev: {}, prod: {} } }));
    const throttled = api.metricThrottledRequests({ stageName: 'dev' });
    expect(throttled.metricName).toBe('ThrottledRequests');
    expect(stack.resolve(throttled.dimensions)).toEqual({
      ApiId: stack.resolve(api.restApi.restApiId),
      Stage: stack.resolve(api.stages.dev.stageName),
    });
    templateOf(stack).hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.status = "429" }',
      LogGroupName: stack.resolve(api.accessLogGroups.dev.logGroupName),
    });
    expect(api.metricServerErrors({ stageName: 'prod' }).metricName).toBe('5XXError');
    expect(api.metricClientErrors().metricName).toBe('4XXError');
    expect(api.metricLatency().metricName).toBe('Latency');
    expect(stack.resolve(api.metricLatency({ stageName: 'dev' }).dimensions)).toEqual({ ApiName: 'Api', Stage: stack.resolve(api.stages.dev.stageName) });
  });

  describe('with the API key source AUTHORIZER', () => {
    test('takes the key from the authorizer', () => {
      const { stack } = meteredApi(() => ({
        apiKeySource: ApiKeySource.AUTHORIZER,
        authorizer: RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'], usageIdentifierClaim: 'custom:api_key' }),
      }));
      templateOf(stack).hasResourceProperties('AWS::ApiGateway::RestApi', { ApiKeySourceType: 'AUTHORIZER' });
    });

    test('refuses a metered route whose authorizer cannot return the key', () => {
      const app = new App();
      const stack = new Stack(app, 'Metered', { env: { account: '123456789012', region: 'eu-west-1' } });
      new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
      const handler = newFunction(stack);
      new MeteredApi(stack, 'Api', { tiers, apiKeySource: ApiKeySource.AUTHORIZER, routes: { 'GET /items': { handler } } });
      expect(() => app.synth()).toThrow(/\[UsageIdentifierUnavailable\].*apiKeySource is AUTHORIZER but the route 'GET \/items' requires an API key and is authorized by AWS_IAM, which cannot return usageIdentifierKey/);
    });
  });

  describe('bad input', () => {
    test('refuses a customer of an unknown tier', () => {
      expect(() => meteredApi(() => ({ customers: { acme: { tier: 'gold' } } }))).toThrow(/customers\['acme'\]\.tier is 'gold', which is not a tier; expected one of 'free', 'pro'/);
    });

    test('refuses two customers with one id', () => {
      const { api } = meteredApi(() => ({ customers: { acme: { tier: 'free' } } }));
      expect(() => api.addCustomer('acme', { tier: 'pro' })).toThrow(/acme/);
    });

    test('refuses a quota without a period', () => {
      expect(() => meteredApi(() => ({ tiers: { free: { quota: { limit: 10 } as any } } }))).toThrow(/tiers\['free'\]\.quota\.period/);
    });

    test('refuses a negative tier throttle', () => {
      expect(() => meteredApi(() => ({ tiers: { free: { throttle: { rateLimit: -5 } } } }))).toThrow(/tiers\['free'\]\.throttle\.rateLimit must be 0 or more, got -5/);
    });

    test('refuses a tier throttle on a route the API does not have', () => {
      const { stack } = meteredApi(() => ({
        tiers: { free: { throttle: { rateLimit: 1, burstLimit: 1 }, routeThrottles: { 'DELETE /items': { rateLimit: 1 } } } },
      }));
      expect(() => App.of(stack)!.synth()).toThrow(/DELETE \/items/);
    });
  });
});
