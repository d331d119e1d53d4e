/**
 * A SecureLambdaApi with the default authorization: IAM (SigV4).
 *
 * Asserts: an unsigned request is refused with 403 `Missing Authentication Token`, and a Lambda function granted
 * access with `api.grantInvoke` gets 200 for a request it signs with its own role's credentials.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION, signedCaller } from './support';

const { app, stack } = integStack('GatewayKitIntegIam');

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ caller: event.requestContext.identity.userArn }),
});`);

const api = new SecureLambdaApi(stack, 'Api', {
  routes: {
    'GET /items': { handler },
  },
});

const caller = signedCaller(stack, 'SignedCaller', `${api.url}items`);
api.grantInvoke(caller);

const integ = new IntegTest(app, 'Iam', { testCases: [stack], diffAssets: false });

integ.assertions
  .httpApiCall(`${api.url}items`)
  .expect(ExpectedResult.objectLike({ status: 403, body: { message: 'Missing Authentication Token' } }));

// Retried: the role's new identity policy can take a few seconds to apply.
integ.assertions
  .invokeFunction({ functionName: caller.functionName })
  .expect(ExpectedResult.objectLike({
    Payload: Match.serializedJson(Match.objectLike({ status: 200, body: Match.stringLikeRegexp('assumed-role') })),
  }))
  .waitForAssertions(PROPAGATION);
