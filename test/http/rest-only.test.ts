import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { newHttpApi, untyped } from './support';
import { SecureLambdaApiProps } from '../../src';
import { REST_ONLY_API_PROPS, REST_ONLY_ROUTE_OPTIONS } from '../../src/http/rest-only-features';

describe('features API Gateway offers on REST APIs only', () => {
  test.each(REST_ONLY_API_PROPS.map((entry) => [entry.prop, entry.feature, entry.alternative]))(
    'the API prop %s (%s) is refused, pointing to %s', (prop, feature, alternative) => {
      const message = new RegExp(`^\\[RestOnlyFeature\\] TestStack/Api: ${prop} asks for ${escape(feature)}, which API Gateway offers on REST APIs only; use ${alternative} for a REST API with it, or remove ${prop}$`);
      expect(() => newHttpApi(() => untyped({ [prop]: {} }))).toThrow(message);
    });

  test.each(REST_ONLY_ROUTE_OPTIONS.map((entry) => [entry.prop, entry.feature, entry.alternative]))(
    'the route option %s (%s) is refused, pointing to %s', (prop, feature, alternative) => {
      const message = new RegExp(`routes\\['GET /items'\\]\\.${prop} asks for ${escape(feature)}, which API Gateway offers on REST APIs only; use ${alternative}`);
      expect(() => newHttpApi((handler) => ({ routes: { 'GET /items': untyped({ handler, [prop]: true }) as any } }))).toThrow(message);
    });

  test('a spread of REST props asking for X-Ray, WAF or usage plans is refused', () => {
    const restProps: SecureLambdaApiProps = { tracingEnabled: true, stageName: 'prod' };
    expect(() => newHttpApi(() => untyped({ ...restProps }))).toThrow(/tracingEnabled asks for X-Ray tracing.*use SecureLambdaApi/);
    expect(() => newHttpApi(() => untyped({ waf: { rateLimit: 100 } }))).toThrow(/waf asks for an AWS WAF web ACL/);
    expect(() => newHttpApi(() => untyped({ tiers: { free: { quota: { limit: 1, period: apigateway.Period.DAY } } } })))
      .toThrow(/tiers asks for usage plans, which API Gateway offers on REST APIs only; use MeteredApi/);
  });

  test('props shared with REST APIs are accepted', () => {
    expect(() => newHttpApi((handler) => untyped({
      apiName: 'items',
      description: 'Items',
      stageName: 'prod',
      throttle: { rateLimit: 1 },
      accessLogRetention: 30,
      cors: { allowOrigins: ['https://app.example.com'] },
      disableExecuteApiEndpoint: false,
      routes: { 'GET /items': { handler, throttle: { rateLimit: 1 }, authorizationScopes: undefined } },
    }))).not.toThrow();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
