import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { newWebSocketApi } from './support';
import { ApiKeySource, SecureWebSocketApiProps, WebSocketApiAuthorizer } from '../../src';
import { countOf, newFunction, templateOf } from '../support/fixtures';

const tiers = {
  free: { throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 10_000, period: apigateway.Period.DAY } },
  pro: { throttle: { rateLimit: 100, burstLimit: 200 } },
};

const metered = (extra: Partial<SecureWebSocketApiProps> = {}) => newWebSocketApi((handler) => ({
  tiers,
  routes: { sendMessage: { handler }, $disconnect: { handler } },
  ...extra,
}));

const synth = (stack: { node: { root: unknown } }) => () => (stack.node.root as App).synth();

describe('usage plans', () => {
  test('each tier is a usage plan covering the stage, created after it', () => {
    const { stack, api } = metered();
    expect(countOf(stack, 'AWS::ApiGateway::UsagePlan')).toBe(2);
    templateOf(stack).hasResource('AWS::ApiGateway::UsagePlan', {
      Properties: {
        UsagePlanName: 'free',
        Throttle: { RateLimit: 5, BurstLimit: 10 },
        Quota: { Limit: 10_000, Period: 'DAY' },
        ApiStages: [{ ApiId: stack.resolve(api.webSocketApi.apiId), Stage: 'prod' }],
      },
      DependsOn: Match.arrayWith([stack.getLogicalId(api.stage.node.defaultChild as any)]),
    });
    expect(Object.keys(api.usagePlans).sort()).toEqual(['free', 'pro']);
  });

  test('with tiers, API Gateway reads the API key from the x-api-key header of the handshake', () => {
    const { stack } = metered();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', { ApiKeySelectionExpression: '$request.header.x-api-key' });
  });

  test('apiKeySource AUTHORIZER reads the usageIdentifierKey the $connect authorizer returns', () => {
    const { stack } = metered({
      apiKeySource: ApiKeySource.AUTHORIZER,
      authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['chat'], usageIdentifierClaim: 'custom:api_key' }),
    });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', { ApiKeySelectionExpression: '$context.authorizer.usageIdentifierKey' });
  });

  test('without tiers, the API has no API key selection and routes require no key', () => {
    const { stack } = newWebSocketApi((handler) => ({ routes: { sendMessage: { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', { ApiKeySelectionExpression: Match.absent() });
    templateOf(stack).allResourcesProperties('AWS::ApiGatewayV2::Route', { ApiKeyRequired: Match.absent() });
  });

  test('with tiers, every route requires an API key but $disconnect, which API Gateway must always reach', () => {
    const { stack } = metered();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', ApiKeyRequired: true });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'sendMessage', ApiKeyRequired: true });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$disconnect', ApiKeyRequired: Match.absent() });
  });

  test('a route opts out of the API key with apiKeyRequired: false', () => {
    const { stack } = newWebSocketApi((handler) => ({ tiers, routes: { ping: { handler, apiKeyRequired: false } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ping', ApiKeyRequired: Match.absent() });
  });

  test('a tier added after the routes makes them require an API key', () => {
    const { stack, api } = newWebSocketApi((handler) => ({ routes: { sendMessage: { handler } } }));
    api.addTier('gold', { throttle: { rateLimit: 10, burstLimit: 20 } });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'sendMessage', ApiKeyRequired: true });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', { ApiKeySelectionExpression: '$request.header.x-api-key' });
  });

  test('a customer gets an API key bound to its tier', () => {
    const { stack, api } = metered({ customers: { acme: { tier: 'pro' } } });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::UsagePlanKey', {
      KeyId: stack.resolve(api.customers.acme.apiKey.keyId),
      KeyType: 'API_KEY',
      UsagePlanId: stack.resolve(api.usagePlans.pro.usagePlanId),
    });
    templateOf(stack).hasResourceProperties('AWS::SecretsManager::Secret', { KmsKeyId: stack.resolve(api.apiKeyEncryptionKey!.keyArn) });
  });

  test('addCustomer onboards a customer after construction', () => {
    const { stack, api } = metered();
    const customer = api.addCustomer('globex', { tier: 'free' });
    expect(api.customers.globex).toBe(customer);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::ApiKey', { Name: 'globex', Enabled: true });
  });

  test('routeThrottles are refused: usage plans throttle REST resources and methods only', () => {
    expect(() => metered({ tiers: { gold: { throttle: { rateLimit: 10, burstLimit: 20 }, routeThrottles: { sendMessage: { rateLimit: 1 } } } } }))
      .toThrow(/\[RouteThrottlesUnsupported\] TestStack\/Api: tiers\['gold'\]\.routeThrottles\['sendMessage'\] throttles one route in the tier's usage plan, but usage plans throttle per REST resource and method only; .*routes\['sendMessage'\]\.throttle/);
  });

  test('a customer of an unknown tier is refused', () => {
    expect(() => metered({ customers: { acme: { tier: 'platinum' } } }))
      .toThrow(/\[UnknownTier\] .*customers\['acme'\]\.tier is 'platinum', which is not a tier; expected one of 'free', 'pro'/);
  });

  test('apiKeySource AUTHORIZER with an IAM-authorized $connect fails synth: no connection could carry a key', () => {
    const { stack } = metered({ apiKeySource: ApiKeySource.AUTHORIZER });
    expect(synth(stack)).toThrow(/\[UsageIdentifierUnavailable\] TestStack\/Api: apiKeySource is AUTHORIZER but \$connect is authorized by IAM, which cannot return usageIdentifierKey/);
  });

  test('apiKeySource AUTHORIZER with a Lambda authorizer synthesizes: its code may return the key', () => {
    const { stack } = newWebSocketApi((handler, scope) => ({
      tiers,
      apiKeySource: ApiKeySource.AUTHORIZER,
      authorizer: WebSocketApiAuthorizer.request(newFunction(scope, 'Authorizer'), { identitySources: ['route.request.querystring.key'] }),
      routes: { sendMessage: { handler } },
    }));
    expect(synth(stack)).not.toThrow();
  });

  test('apiKeyRequired without tiers fails synth: no key could be valid', () => {
    const { stack } = newWebSocketApi((handler) => ({ routes: { sendMessage: { handler, apiKeyRequired: true } } }));
    expect(synth(stack)).toThrow(/\[ApiKeyWithoutTiers\] TestStack\/Api: routes\['sendMessage'\]\.apiKeyRequired is true, but the API has no tiers/);
  });
});
