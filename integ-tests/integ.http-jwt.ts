/**
 * A SecureHttpApi behind API Gateway's native JWT authorizer, verifying tokens of a user pool of the test stack.
 *
 * Asserts: 401 without a token and with a garbage one; 200 on a public route; and, with a real user, the pool's
 * access token is accepted (its `client_id` is the authorizer's audience) and the `sub` claim reaches the handler
 * in the 2.0 payload.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { HttpApiAuthorizer, SecureHttpApi } from '../src';
import { inlineFunction, integStack, integUserPool, PROPAGATION, signInIntegUser } from './support';

const { app, stack } = integStack('GatewayKitIntegHttpJwt');

const { userPool, client } = integUserPool(stack);

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ sub: event.requestContext.authorizer?.jwt?.claims?.sub ?? 'anonymous' }),
});`);

const api = new SecureHttpApi(stack, 'Api', {
  authorizer: HttpApiAuthorizer.jwt({ userPool, audience: [client.userPoolClientId] }),
  routes: {
    'GET /items': { handler },
    'GET /health': { handler, isPublic: true },
  },
});

const integ = new IntegTest(app, 'HttpJwt', { testCases: [stack], diffAssets: false });

// API Gateway answers 401 itself: the token is missing.
integ.assertions
  .httpApiCall(`${api.url}items`)
  .expect(ExpectedResult.objectLike({ status: 401, body: { message: 'Unauthorized' } }))
  .waitForAssertions(PROPAGATION);

// The JWT authorizer refuses a token that is not a JWT.
integ.assertions
  .httpApiCall(`${api.url}items`, { headers: { Authorization: 'Bearer abc.def.ghi' } })
  .expect(ExpectedResult.objectLike({ status: 401, body: { message: 'Unauthorized' } }))
  .waitForAssertions(PROPAGATION);

// A route declared public needs no token. (No null in an expected value: integ-tests-alpha's handler cannot decode
// one and then compares the encoded matcher literally, so the assertion could never pass.)
integ.assertions
  .httpApiCall(`${api.url}health`)
  .expect(ExpectedResult.objectLike({ status: 200, body: { sub: 'anonymous' } }))
  .waitForAssertions(PROPAGATION);

// A real user of the pool: tokens issued by Cognito.
const { accessToken } = signInIntegUser(integ, userPool, client);

integ.assertions
  .httpApiCall(`${api.url}items`, { headers: { Authorization: `Bearer ${accessToken}` } })
  .expect(ExpectedResult.objectLike({ status: 200, body: { sub: Match.stringLikeRegexp('^[0-9a-f-]{36}$') } }))
  .waitForAssertions(PROPAGATION);
