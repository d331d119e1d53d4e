import { ApiGatewayCloudWatchRole, HttpApiAuthorizer, OpenApiDefinition, SecureHttpApi, SecureLambdaApi } from '../../../src';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

const ISSUER = 'https://login.example.com/';

/** A contract of both API types: a public listing, an order with a validated body, a JWT-authorized read. */
const contract = {
  openapi: '3.0.3',
  info: { title: 'Shop', version: '1.0.0' },
  paths: {
    '/items': {
      get: { operationId: 'listItems', security: [], parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }], responses: {} },
      post: {
        operationId: 'createItem',
        security: [],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
        responses: {},
      },
    },
    '/orders/{id}': { get: { operationId: 'getOrder', security: [{ login: ['orders:read'] }], responses: {} } },
  },
  components: {
    schemas: { Item: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } }, additionalProperties: false } },
    securitySchemes: { login: { type: 'openIdConnect', openIdConnectUrl: `${ISSUER}.well-known/openid-configuration` } },
  },
};

describe('APIs built from an OpenAPI document, served', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
      const handler = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      const handlers = { listItems: handler, createItem: handler, getOrder: handler };
      const restContract = { ...contract, paths: { '/items': contract.paths['/items'] }, components: { schemas: contract.components.schemas } };
      new SecureLambdaApi(stack, 'Rest', { openApi: { definition: OpenApiDefinition.fromObject(restContract), handlers: { listItems: handler, createItem: handler } } });
      new SecureHttpApi(stack, 'Http', {
        openApi: {
          definition: OpenApiDefinition.fromObject(contract),
          handlers,
          authorizers: { login: HttpApiAuthorizer.jwt({ issuer: ISSUER, audience: ['shop'] }) },
        },
      });
    });
  });
  afterAll(() => app.stop());

  test('a REST operation answers when its required query string is given', async () => {
    expect((await app.fetch('items?q=lamp', undefined, 'Rest/Api')).status).toBe(200);
  });

  test('a REST operation without its required query string is refused before the function runs: 400', async () => {
    expect((await app.fetch('items', undefined, 'Rest/Api')).status).toBe(400);
  });

  test('a REST request body that breaks the component schema is refused: 400', async () => {
    const response = await app.fetch('items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '' }) }, 'Rest/Api');
    expect(response.status).toBe(400);
  });

  test('a REST request body that matches the component schema reaches the function', async () => {
    const response = await app.fetch('items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'lamp' }) }, 'Rest/Api');
    expect(response.status).toBe(200);
  });

  test('an HTTP operation of a security scheme bound to a JWT authorizer needs a token with its scope', async () => {
    const token = await app.running.issuer.mint({ issuer: ISSUER, claims: { sub: 'dana', aud: 'shop', scope: 'orders:read' } }, app.clock);
    expect((await app.fetch('orders/42', undefined, 'Http/Api')).status).toBe(401);
    expect((await app.fetch('orders/42', { headers: { Authorization: `Bearer ${token}` } }, 'Http/Api')).status).toBe(200);
  });
});
