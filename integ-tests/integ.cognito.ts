/**
 * A SecureLambdaApi behind a Cognito user pool authorizer whose pool the construct creates with its secure
 * defaults (only the removal settings are relaxed so that the test stack deletes cleanly).
 *
 * Asserts: an authorized route answers 401 without a token and with a token Cognito did not issue, and a route
 * declared `isPublic` answers 200 without one.
 *
 * No positive (valid token) case here: the construct's pool requires TOTP MFA, so a test user cannot obtain
 * tokens without an authenticator; integ.jwt.ts covers the valid-token path.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { RemovalPolicy } from 'aws-cdk-lib';
import { RestAuthorizer, SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const { app, stack } = integStack('GatewayKitIntegCognito');

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ route: event.httpMethod + ' ' + event.resource }),
});`);

const api = new SecureLambdaApi(stack, 'Api', {
  authorizer: RestAuthorizer.cognito({
    userPoolProps: { removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false },
  }),
  routes: {
    'GET /items': { handler },
    'GET /health': { handler, isPublic: true },
  },
});

const integ = new IntegTest(app, 'Cognito', { testCases: [stack], diffAssets: false });

integ.assertions
  .httpApiCall(`${api.url}items`)
  .expect(ExpectedResult.objectLike({ status: 401, body: { message: 'Unauthorized' } }));

integ.assertions
  .httpApiCall(`${api.url}items`, { headers: { Authorization: 'Bearer abc.def.ghi' } })
  .expect(ExpectedResult.objectLike({ status: 401 }));

integ.assertions
  .httpApiCall(`${api.url}health`)
  .expect(ExpectedResult.objectLike({ status: 200, body: { route: 'GET /health' } }))
  .waitForAssertions(PROPAGATION);
