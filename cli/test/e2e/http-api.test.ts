import { Duration } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer, HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

const ISSUER = 'https://issuer.example.com/';

/** An IAM-policy answer (aws-cdk-lib sends IAM-response authorizers payload 1.0, with methodArn): allows GET /policy only. */
const POLICY_AUTHORIZER = `exports.handler = async (event) => ({
  principalId: 'policy-user',
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn.replace(/\\/[A-Z]+\\/.*$/, '/GET/policy') }] },
  context: { plan: 'gold' },
});`;

const SIMPLE_AUTHORIZER = `exports.handler = async (event) => ({
  isAuthorized: event.headers['x-tenant'] !== 'blocked',
  context: { tenant: event.headers['x-tenant'], roles: ['reader'], limits: { rps: 5 } },
});`;

describe('a plain aws-cdk-lib HttpApi', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const echo = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      const integration = new HttpLambdaIntegration('Echo', echo);
      const jwt = new HttpJwtAuthorizer('Jwt', ISSUER, { jwtAudience: ['orders-api'] });
      const lambdaAuthorizer = new HttpLambdaAuthorizer('Tenant', nodeFunction(stack, 'TenantFn', SIMPLE_AUTHORIZER), {
        responseTypes: [HttpLambdaResponseType.SIMPLE],
        identitySource: ['$request.header.X-Tenant'],
        resultsCacheTtl: Duration.minutes(5),
      });
      const api = new apigatewayv2.HttpApi(stack, 'Api', {
        corsPreflight: { allowOrigins: ['https://app.example.com'], allowMethods: [apigatewayv2.CorsHttpMethod.GET], allowHeaders: ['authorization'], maxAge: Duration.minutes(10) },
      });
      api.addRoutes({ path: '/items/{id}', methods: [apigatewayv2.HttpMethod.GET], integration });
      api.addRoutes({ path: '/items/special', methods: [apigatewayv2.HttpMethod.GET], integration: new HttpLambdaIntegration('Legacy', echo, { payloadFormatVersion: apigatewayv2.PayloadFormatVersion.VERSION_1_0 }) });
      api.addRoutes({ path: '/orders', methods: [apigatewayv2.HttpMethod.GET], integration, authorizer: jwt, authorizationScopes: ['orders:read'] });
      api.addRoutes({ path: '/tenant', methods: [apigatewayv2.HttpMethod.GET], integration, authorizer: lambdaAuthorizer });
      const policyAuthorizer = new HttpLambdaAuthorizer('Policy', nodeFunction(stack, 'PolicyFn', POLICY_AUTHORIZER), {
        responseTypes: [HttpLambdaResponseType.IAM],
        identitySource: ['$request.header.Authorization'],
      });
      api.addRoutes({ path: '/policy', methods: [apigatewayv2.HttpMethod.GET, apigatewayv2.HttpMethod.POST], integration, authorizer: policyAuthorizer });
      api.addRoutes({ path: '/files/{proxy+}', methods: [apigatewayv2.HttpMethod.ANY], integration });
    });
  });
  afterAll(() => app.stop());

  const token = (claims: Record<string, unknown>, expiresInSeconds?: number) =>
    app.running.issuer.mint({ issuer: ISSUER, claims: { sub: 'alice', aud: 'orders-api', ...claims }, expiresInSeconds }, app.clock);

  test('the event has the payload 2.0 shape: lower-case headers, cookies apart, comma-joined query values', async () => {
    const response = await app.fetch('items/42?tag=a&tag=b', { headers: { 'X-Custom': 'One', 'Cookie': 'a=1; b=2' } });
    expect(response.status).toBe(200);
    const event = await response.json();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /items/{id}',
      rawPath: '/items/42',
      rawQueryString: 'tag=a&tag=b',
      cookies: ['a=1', 'b=2'],
      queryStringParameters: { tag: 'a,b' },
      pathParameters: { id: '42' },
      isBase64Encoded: false,
      requestContext: { stage: '$default', routeKey: 'GET /items/{id}', http: { method: 'GET', path: '/items/42' }, accountId: '111122223333' },
    });
    expect(event.headers['x-custom']).toBe('One');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(response.headers.get('apigw-requestid')).toBe(event.requestContext.requestId);
  });

  test('a route with payload format 1.0 gets the REST-style event with version 1.0', async () => {
    const event = await (await app.fetch('items/special')).json();
    expect(event).toMatchObject({ version: '1.0', resource: '/items/special', httpMethod: 'GET', requestContext: { routeKey: 'GET /items/special' } });
  });

  test('a route that matches nothing answers 404 Not Found', async () => {
    const response = await app.fetch('nowhere');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('{"message":"Not Found"}');
  });

  test('a binary body arrives base64-encoded', async () => {
    const event = await (await app.fetch('files/logo.png', { method: 'PUT', headers: { 'content-type': 'image/png' }, body: Buffer.from([0, 1, 2]) })).json();
    expect(event).toMatchObject({ isBase64Encoded: true, body: 'AAEC', pathParameters: { proxy: 'logo.png' } });
  });

  describe('CORS', () => {
    test('API Gateway answers a preflight request itself: 204 with the configured headers', async () => {
      const response = await app.fetch('orders', { method: 'OPTIONS', headers: { 'Origin': 'https://app.example.com', 'Access-Control-Request-Method': 'GET' } });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(response.headers.get('access-control-allow-methods')).toBe('GET');
      expect(response.headers.get('access-control-allow-headers')).toBe('authorization');
      expect(response.headers.get('access-control-max-age')).toBe('600');
    });

    test('a preflight from an origin not allowed gets no CORS headers', async () => {
      const response = await app.fetch('orders', { method: 'OPTIONS', headers: { 'Origin': 'https://evil.example.com', 'Access-Control-Request-Method': 'GET' } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    test('responses to an allowed origin carry the allow-origin header, on errors too', async () => {
      const response = await app.fetch('orders', { headers: { Origin: 'https://app.example.com' } });
      expect(response.status).toBe(401);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    });
  });

  describe('JWT authorizer', () => {
    test('a token of the issuer and audience with one of the route scopes reaches the integration with its claims', async () => {
      const response = await app.fetch('orders', { headers: { Authorization: `Bearer ${await token({ scope: 'orders:read profile' })}` } });
      expect(response.status).toBe(200);
      expect((await response.json()).requestContext.authorizer.jwt).toMatchObject({ claims: { sub: 'alice', aud: 'orders-api' }, scopes: ['orders:read'] });
    });

    test('no token is 401 Unauthorized', async () => {
      const response = await app.fetch('orders');
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('{"message":"Unauthorized"}');
    });

    test('a token without the route scope is 403 Forbidden', async () => {
      const response = await app.fetch('orders', { headers: { Authorization: await token({ scope: 'profile' }) } });
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('{"message":"Forbidden"}');
    });

    test('an expired token is 401 with a www-authenticate header that says why', async () => {
      const expiring = await token({ scope: 'orders:read' }, 60);
      app.clock.advance(61_000);
      const response = await app.fetch('orders', { headers: { Authorization: expiring } });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token".*expired/);
    });

    test('a token for another audience is 401', async () => {
      expect((await app.fetch('orders', { headers: { Authorization: await token({ aud: 'other', scope: 'orders:read' }) } })).status).toBe(401);
    });
  });

  describe('Lambda authorizer with IAM policy responses', () => {
    test('a route the policy allows reaches the integration with the context and principal under authorizer.lambda', async () => {
      const response = await app.fetch('policy', { headers: { Authorization: 'any' } });
      expect(response.status).toBe(200);
      expect((await response.json()).requestContext.authorizer.lambda).toEqual({ plan: 'gold', principalId: 'policy-user' });
    });

    test('a method the policy does not allow is 403 Forbidden', async () => {
      const response = await app.fetch('policy', { method: 'POST', headers: { Authorization: 'any' } });
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('{"message":"Forbidden"}');
    });
  });

  describe('Lambda authorizer with simple responses', () => {
    test('isAuthorized: true reaches the integration with the context under authorizer.lambda, lists and maps kept', async () => {
      const response = await app.fetch('tenant', { headers: { 'X-Tenant': 'acme' } });
      expect(response.status).toBe(200);
      expect((await response.json()).requestContext.authorizer.lambda).toEqual({ tenant: 'acme', roles: ['reader'], limits: { rps: 5 } });
    });

    test('isAuthorized: false is 403 Forbidden', async () => {
      expect((await app.fetch('tenant', { headers: { 'X-Tenant': 'blocked' } })).status).toBe(403);
    });

    test('a missing identity source is 401 without invoking the authorizer', async () => {
      const before = app.invocations('TenantFn');
      expect((await app.fetch('tenant')).status).toBe(401);
      expect(app.invocations('TenantFn')).toBe(before);
    });

    test('answers are cached by identity source for the TTL', async () => {
      await app.fetch('tenant', { headers: { 'X-Tenant': 'globex' } });
      const before = app.invocations('TenantFn');
      await app.fetch('tenant', { headers: { 'X-Tenant': 'globex' } });
      expect(app.invocations('TenantFn')).toBe(before);
      app.clock.advance(5 * 60_000);
      await app.fetch('tenant', { headers: { 'X-Tenant': 'globex' } });
      expect(app.invocations('TenantFn')).toBe(before + 1);
    });
  });
});
