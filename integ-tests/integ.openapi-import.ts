/**
 * A SecureLambdaApi built from an OpenAPI document (openapi/shop.json): its operations are bound to a function by
 * operationId, its IAM security scheme needs no authorizer, and its required query string and body schema become
 * the method's request validation.
 *
 * Asserts: a public operation answers 200 with its required query string and 400 without it; a body that breaks the
 * component schema is refused with 400 and one that matches it reaches the function; the operation of the IAM
 * scheme refuses an unsigned request with 403 `Missing Authentication Token`.
 */
import * as path from 'path';
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { OpenApiDefinition, SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const { app, stack } = integStack('GatewayKitIntegOpenApiImport');

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ resource: event.resource }),
});`);

const api = new SecureLambdaApi(stack, 'Api', {
  openApi: {
    definition: OpenApiDefinition.fromFile(path.join(__dirname, 'openapi', 'shop.json')),
    handlers: { listItems: handler, createItem: handler, getOrder: handler },
  },
});

const integ = new IntegTest(app, 'OpenApiImport', { testCases: [stack], diffAssets: false });

integ.assertions
  .httpApiCall(`${api.url}items?q=lamp`)
  .expect(ExpectedResult.objectLike({ status: 200, body: { resource: '/items' } }))
  .waitForAssertions(PROPAGATION);

// API Gateway's request validator refuses the request before the function runs.
integ.assertions
  .httpApiCall(`${api.url}items`)
  .expect(ExpectedResult.objectLike({ status: 400 }));

integ.assertions
  .httpApiCall(`${api.url}items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '' }) })
  .expect(ExpectedResult.objectLike({ status: 400 }));

integ.assertions
  .httpApiCall(`${api.url}items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'lamp', note: null }) })
  .expect(ExpectedResult.objectLike({ status: 200, body: { resource: '/items' } }));

integ.assertions
  .httpApiCall(`${api.url}orders/42`)
  .expect(ExpectedResult.objectLike({ status: 403, body: { message: 'Missing Authentication Token' } }));
