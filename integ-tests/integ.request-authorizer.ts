/**
 * A SecureLambdaApi behind a user-written Lambda REQUEST authorizer keyed on the `X-Tenant` header: tenant `acme`
 * is allowed, any other tenant is denied explicitly, and a request without the header never reaches it.
 *
 * Asserts: 200 with `X-Tenant: acme` (and the authorizer's context reaches the handler), 401 without the header
 * (API Gateway refuses it before invoking the authorizer), 403 with `X-Tenant: other` (explicit Deny).
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { RestAuthorizer, SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const { app, stack } = integStack('GatewayKitIntegRequestAuthorizer');

const authorizerFunction = inlineFunction(stack, 'TenantAuthorizer', `exports.handler = async (event) => {
  const headers = event.headers || {};
  const name = Object.keys(headers).find((key) => key.toLowerCase() === 'x-tenant');
  const tenant = name === undefined ? undefined : headers[name];
  if (!tenant) {
    throw new Error('Unauthorized');
  }
  return {
    principalId: 'tenant',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: tenant === 'acme' ? 'Allow' : 'Deny', Resource: event.methodArn }],
    },
    context: { tenant },
  };
};`);

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ tenant: event.requestContext.authorizer.tenant }),
});`);

const api = new SecureLambdaApi(stack, 'Api', {
  authorizer: RestAuthorizer.request(authorizerFunction, {
    identitySources: [apigateway.IdentitySource.header('X-Tenant')],
  }),
  routes: {
    'GET /items': { handler },
  },
});

const integ = new IntegTest(app, 'RequestAuthorizer', { testCases: [stack], diffAssets: false });

integ.assertions
  .httpApiCall(`${api.url}items`, { headers: { 'X-Tenant': 'acme' } })
  .expect(ExpectedResult.objectLike({ status: 200, body: { tenant: 'acme' } }))
  .waitForAssertions(PROPAGATION);

integ.assertions
  .httpApiCall(`${api.url}items`)
  .expect(ExpectedResult.objectLike({ status: 401, body: { message: 'Unauthorized' } }));

integ.assertions
  .httpApiCall(`${api.url}items`, { headers: { 'X-Tenant': 'other' } })
  .expect(ExpectedResult.objectLike({ status: 403 }))
  .waitForAssertions(PROPAGATION);
