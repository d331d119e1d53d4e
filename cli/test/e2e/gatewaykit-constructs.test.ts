import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ApiGatewayCloudWatchRole, HttpApiAuthorizer, JwtTokenUse, MeteredApi, RestAuthorizer, SecureHttpApi, SecureLambdaApi } from '../../../src';
import { systemClock } from '../../src/clock';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

const OIDC_ISSUER = 'https://login.example.com/';

describe('APIs built with cdk-gatewaykit constructs', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
      const handler = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      const api = new SecureLambdaApi(stack, 'Rest', {
        authorizer: RestAuthorizer.cognito(),
        cors: { allowOrigins: ['https://app.example.com'] },
        routes: {
          'GET /items': { handler },
          'GET /health': { handler, isPublic: true },
        },
      });
      api.addRoute('GET /me', {
        handler,
        authorizer: RestAuthorizer.jwt({ userPool: api.userPool, clientIds: [api.userPoolClient!.userPoolClientId], tokenUse: JwtTokenUse.ACCESS, contextClaims: ['sub', 'username'] }),
      });
      new SecureHttpApi(stack, 'Http', {
        authorizer: HttpApiAuthorizer.jwt({ issuer: OIDC_ISSUER, audience: ['orders'] }),
        routes: { 'GET /orders': { handler, authorizationScopes: ['orders:read'] }, 'GET /health': { handler, isPublic: true } },
      });
      new MeteredApi(stack, 'Metered', {
        tiers: { free: { throttle: { rateLimit: 1, burstLimit: 1 }, quota: { limit: 100, period: apigateway.Period.DAY } } },
        customers: { acme: { tier: 'free' } },
        authorizer: RestAuthorizer.iam(),
        stages: { prod: { variables: { flags: 'v1' }, canary: { percentTraffic: 50, stageVariableOverrides: { flags: 'v2' } } } },
        routes: { 'GET /orders': { handler, isPublic: true } },
      });
    }, { seed: 42 });
  });
  afterAll(() => app.stop());

  const pool = () => app.running.model.userPools[0];

  describe('SecureLambdaApi', () => {
    test('a public route answers without credentials', async () => {
      expect((await app.fetch('health', undefined, 'Rest')).status).toBe(200);
    });

    test('a 401 carries the CORS headers of the DEFAULT_4XX gateway response the construct adds', async () => {
      const response = await app.fetch('items', { headers: { Origin: 'https://app.example.com' } }, 'Rest');
      expect(response.status).toBe(401);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    });

    test('the Cognito default authorizer accepts an ID token of the pool the construct created', async () => {
      const token = await app.running.issuer.mintCognito({ userPool: pool(), tokenUse: 'id', claims: { sub: 'alice' } }, app.clock);
      const response = await app.fetch('items', { headers: { Authorization: token } }, 'Rest');
      expect(response.status).toBe(200);
      expect((await response.json()).requestContext.authorizer.claims.sub).toBe('alice');
    });

    test('the bundled JWT authorizer runs its real code, fetching the pool\'s JWKS from the local issuer', async () => {
      // The authorizer's own code checks expiry against the real time, not the runtime's fake clock.
      const token = await app.running.issuer.mintCognito({ userPool: pool(), tokenUse: 'access', username: 'bob', claims: { sub: 'bob-sub' } }, systemClock);
      const response = await app.fetch('me', { headers: { Authorization: `Bearer ${token}` } }, 'Rest');
      expect(response.status).toBe(200);
      expect((await response.json()).requestContext.authorizer).toMatchObject({ principalId: 'bob-sub', sub: 'bob-sub', username: 'bob' });
    });

    test('the bundled JWT authorizer refuses an ID token where it requires access tokens: 401', async () => {
      const token = await app.running.issuer.mintCognito({ userPool: pool(), tokenUse: 'id' }, app.clock);
      expect((await app.fetch('me', { headers: { Authorization: token } }, 'Rest')).status).toBe(401);
    });
  });

  describe('SecureHttpApi', () => {
    test('the JWT authorizer accepts a token of the OIDC issuer with the route scope', async () => {
      const token = await app.running.issuer.mint({ issuer: OIDC_ISSUER, claims: { sub: 'carol', aud: 'orders', scope: 'orders:read' } }, app.clock);
      expect((await app.fetch('orders', { headers: { Authorization: `Bearer ${token}` } }, 'Http')).status).toBe(200);
    });

    test('routes are authorized unless public', async () => {
      expect((await app.fetch('orders', undefined, 'Http')).status).toBe(401);
      expect((await app.fetch('health', undefined, 'Http')).status).toBe(200);
    });
  });

  describe('MeteredApi', () => {
    const acmeKey = () => app.running.model.usagePlans.flatMap((plan) => plan.apiKeys).find((key) => key.origin.path.includes('acme'))!;

    test('a customer key kept in Secrets Manager gets a stable local value, and opens the route', async () => {
      expect(acmeKey().generatedValue).toBe(true);
      app.clock.advance(10_000);
      expect((await app.fetch('orders', { headers: { 'x-api-key': acmeKey().value } }, 'Metered')).status).toBe(200);
    });

    test('the tier throttles the customer', async () => {
      app.clock.advance(10_000);
      const headers = { 'x-api-key': acmeKey().value };
      const statuses = [(await app.fetch('orders', { headers }, 'Metered')).status, (await app.fetch('orders', { headers }, 'Metered')).status];
      expect(statuses).toEqual([200, 429]);
    });

    test('the canary serves its share of requests with its stage variable overrides', async () => {
      const flags: string[] = [];
      for (let i = 0; i < 40; i++) {
        app.clock.advance(2_000);
        const event = await (await app.fetch('orders', { headers: { 'x-api-key': acmeKey().value } }, 'Metered')).json();
        flags.push(event.stageVariables.flags);
      }
      const canaryShare = flags.filter((f) => f === 'v2').length / flags.length;
      expect(canaryShare).toBeGreaterThan(0.3);
      expect(canaryShare).toBeLessThan(0.7);
    });
  });
});
