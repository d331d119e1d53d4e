import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

const TOKEN_AUTHORIZER = `
const policy = (effect, resource) => ({ Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] });
exports.handler = async (event) => {
  const token = event.authorizationToken;
  if (token === 'deny') return { principalId: 'd', policyDocument: policy('Deny', event.methodArn) };
  if (token === 'unauthorized') throw new Error('Unauthorized');
  if (token === 'broken') throw new Error('database down');
  if (token === 'malformed') return { principalId: 'm' };
  if (token === 'narrow') return { principalId: 'n', policyDocument: policy('Allow', event.methodArn) };
  const [arn] = event.methodArn.split('/');
  return { principalId: 'user-' + token, policyDocument: policy('Allow', arn + '/*'), context: { tier: 'gold', count: 3, admin: true } };
};`;

const REQUEST_AUTHORIZER = `
const tenantOf = (event) => Object.entries(event.headers || {}).find(([name]) => name.toLowerCase() === 'x-tenant')?.[1];
exports.handler = async (event) => ({
  principalId: tenantOf(event) || 'anonymous',
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: '*' }] },
  context: { tenant: tenantOf(event) || '', session: (event.queryStringParameters || {}).session || '' },
});`;

describe('REST Lambda authorizers (aws-cdk-lib TokenAuthorizer and RequestAuthorizer)', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const echo = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      const tokenAuthorizer = new apigateway.TokenAuthorizer(stack, 'TokenAuth', {
        handler: nodeFunction(stack, 'TokenFn', TOKEN_AUTHORIZER),
        validationRegex: '^[a-z]+$',
      });
      const requestAuthorizer = new apigateway.RequestAuthorizer(stack, 'RequestAuth', {
        handler: nodeFunction(stack, 'RequestFn', REQUEST_AUTHORIZER),
        identitySources: [apigateway.IdentitySource.header('X-Tenant'), apigateway.IdentitySource.queryString('session')],
        resultsCacheTtl: Duration.seconds(60),
      });
      const uncached = new apigateway.RequestAuthorizer(stack, 'UncachedAuth', {
        handler: nodeFunction(stack, 'UncachedFn', REQUEST_AUTHORIZER),
        identitySources: [apigateway.IdentitySource.header('X-Tenant')],
        resultsCacheTtl: Duration.seconds(0),
      });
      const api = new apigateway.RestApi(stack, 'Api', { deployOptions: { stageName: 'prod' } });
      const integration = new apigateway.LambdaIntegration(echo);
      api.root.addResource('a').addMethod('GET', integration, { authorizer: tokenAuthorizer });
      api.root.addResource('b').addMethod('GET', integration, { authorizer: tokenAuthorizer });
      api.root.addResource('tenant').addMethod('GET', integration, { authorizer: requestAuthorizer });
      api.root.addResource('uncached').addMethod('GET', integration, { authorizer: uncached });
    });
  });
  afterAll(() => app.stop());

  const bearer = (token: string) => ({ headers: { Authorization: token } });

  describe('TOKEN', () => {
    test('an allowed token reaches the integration with the principal and the context as strings', async () => {
      const response = await app.fetch('a', bearer('alice'));
      expect(response.status).toBe(200);
      expect((await response.json()).requestContext.authorizer).toMatchObject({ principalId: 'user-alice', tier: 'gold', count: '3', admin: 'true' });
    });

    test('a missing token is 401 without invoking the authorizer', async () => {
      const before = app.invocations('TokenFn');
      const response = await app.fetch('a');
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('{"message":"Unauthorized"}');
      expect(app.invocations('TokenFn')).toBe(before);
    });

    test('a token failing the validation expression is 401 without invoking the authorizer', async () => {
      const before = app.invocations('TokenFn');
      expect((await app.fetch('a', bearer('Not-Valid'))).status).toBe(401);
      expect(app.invocations('TokenFn')).toBe(before);
    });

    test('an authorizer that throws Unauthorized gives 401', async () => {
      expect((await app.fetch('a', bearer('unauthorized'))).status).toBe(401);
    });

    test('an authorizer that fails otherwise gives 500 with a null message', async () => {
      const response = await app.fetch('a', bearer('broken'));
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('{"message": null}');
      expect(response.headers.get('x-amzn-errortype')).toBe('AuthorizerConfigurationException');
    });

    test('a result without a policy gives 500', async () => {
      expect((await app.fetch('a', bearer('malformed'))).status).toBe(500);
    });

    test('an explicit deny gives 403 with AWS\'s explicit-deny body', async () => {
      const response = await app.fetch('a', bearer('deny'));
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('{"Message":"User is not authorized to access this resource with an explicit deny"}');
    });

    test('the result is cached for the TTL: the same token twice invokes the authorizer once', async () => {
      const before = app.invocations('TokenFn');
      await app.fetch('a', bearer('bob'));
      await app.fetch('b', bearer('bob'));
      expect(app.invocations('TokenFn')).toBe(before + 1);
    });

    test('a cached policy is evaluated again for each method ARN: allowed for /a, denied for /b without invoking', async () => {
      expect((await app.fetch('a', bearer('narrow'))).status).toBe(200);
      const before = app.invocations('TokenFn');
      const response = await app.fetch('b', bearer('narrow'));
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('{"Message":"User is not authorized to access this resource"}');
      expect(app.invocations('TokenFn')).toBe(before);
    });

    test('the cached result expires after the TTL of 300 seconds', async () => {
      await app.fetch('a', bearer('carol'));
      const before = app.invocations('TokenFn');
      app.clock.advance(299_999);
      await app.fetch('a', bearer('carol'));
      expect(app.invocations('TokenFn')).toBe(before);
      app.clock.advance(1);
      await app.fetch('a', bearer('carol'));
      expect(app.invocations('TokenFn')).toBe(before + 1);
    });
  });

  describe('REQUEST', () => {
    test('the identity sources and the whole request reach the authorizer, and its context the integration', async () => {
      const response = await app.fetch('tenant?session=s1', { headers: { 'X-Tenant': 'acme' } });
      expect(response.status).toBe(200);
      expect((await response.json()).requestContext.authorizer).toMatchObject({ principalId: 'acme', tenant: 'acme', session: 's1' });
    });

    test('with caching, a missing identity source is 401 without invoking the authorizer', async () => {
      const before = app.invocations('RequestFn');
      expect((await app.fetch('tenant', { headers: { 'X-Tenant': 'acme' } })).status).toBe(401);
      expect(app.invocations('RequestFn')).toBe(before);
    });

    test('the cache key is every identity source: another value of one of them invokes again', async () => {
      const before = app.invocations('RequestFn');
      await app.fetch('tenant?session=k1', { headers: { 'X-Tenant': 'globex' } });
      await app.fetch('tenant?session=k1', { headers: { 'X-Tenant': 'globex' } });
      await app.fetch('tenant?session=k2', { headers: { 'X-Tenant': 'globex' } });
      expect(app.invocations('RequestFn')).toBe(before + 2);
    });

    test('without caching, the authorizer runs on every request, identity sources or not', async () => {
      const before = app.invocations('UncachedFn');
      expect((await app.fetch('uncached')).status).toBe(200);
      expect((await app.fetch('uncached', { headers: { 'X-Tenant': 'acme' } })).status).toBe(200);
      expect(app.invocations('UncachedFn')).toBe(before + 2);
    });
  });
});
