/**
 * A SecureLambdaApi behind the bundled JWT authorizer, verifying access tokens of a user pool of the test stack.
 *
 * Asserts: 401 without a token and with a garbage one; the authorizer function itself fails a TOKEN event with a
 * garbage token with `Unauthorized` (the message API Gateway maps to 401); and, with a real user, the pool's
 * access token is accepted (200, the `sub` claim reaches the handler) while its ID token is refused (401,
 * `tokenUse: ACCESS`).
 *
 * Needs the authorizer bundle: run `npx projen bundle` before synthesizing.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { JwtTokenUse, RestAuthorizer, SecureLambdaApi } from '../src';
import { inlineFunction, integStack, integUserPool, PROPAGATION, signInIntegUser } from './support';

const { app, stack } = integStack('GatewayKitIntegJwt');

const { userPool, client } = integUserPool(stack);

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ sub: event.requestContext.authorizer.sub }),
});`);

const api = new SecureLambdaApi(stack, 'Api', {
  authorizer: RestAuthorizer.jwt({ userPool, clientIds: [client.userPoolClientId], tokenUse: JwtTokenUse.ACCESS }),
  routes: {
    'GET /items': { handler },
  },
});

const integ = new IntegTest(app, 'Jwt', { testCases: [stack], diffAssets: false });

// API Gateway answers 401 itself: the identity source is missing.
integ.assertions
  .httpApiCall(`${api.url}items`)
  .expect(ExpectedResult.objectLike({ status: 401, body: { message: 'Unauthorized' } }));

// The authorizer runs and refuses the token.
integ.assertions
  .httpApiCall(`${api.url}items`, { headers: { Authorization: 'Bearer abc.def.ghi' } })
  .expect(ExpectedResult.objectLike({ status: 401, body: { message: 'Unauthorized' } }))
  .waitForAssertions(PROPAGATION);

// The authorizer function fails closed on a garbage token.
integ.assertions
  .invokeFunction({
    functionName: api.authorizerFunction!.functionName,
    payload: JSON.stringify({
      type: 'TOKEN',
      authorizationToken: 'Bearer abc.def.ghi',
      methodArn: api.restApi.arnForExecuteApi('GET', '/items', api.stage.stageName),
    }),
  })
  .expect(ExpectedResult.objectLike({
    FunctionError: 'Unhandled',
    Payload: Match.serializedJson(Match.objectLike({ errorMessage: 'Unauthorized' })),
  }));

// A real user of the pool: tokens issued by Cognito.
const { accessToken, idToken } = signInIntegUser(integ, userPool, client);

integ.assertions
  .httpApiCall(`${api.url}items`, { headers: { Authorization: `Bearer ${accessToken}` } })
  .expect(ExpectedResult.objectLike({ status: 200, body: { sub: Match.stringLikeRegexp('^[0-9a-f-]{36}$') } }))
  .waitForAssertions(PROPAGATION);

integ.assertions
  .httpApiCall(`${api.url}items`, { headers: { Authorization: `Bearer ${idToken}` } })
  .expect(ExpectedResult.objectLike({ status: 401, body: { message: 'Unauthorized' } }))
  .waitForAssertions(PROPAGATION);
