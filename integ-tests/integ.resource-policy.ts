/**
 * A SecureLambdaApi with a resource policy (a denied source range, so that the policy exists while the test's own
 * callers are not denied by address), an IAM-authorized route and a public one.
 *
 * Asserts: the public route answers an unsigned request with 200; a Lambda function granted access with
 * `api.grantInvoke` gets 200 for a request it signs; a function of the same account whose role has no permission
 * gets 403 for the same signed request, because the policy admits the account's IAM callers only through their
 * identity policies.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION, signedCaller } from './support';

const { app, stack } = integStack('GatewayKitIntegResourcePolicy');

const handler = inlineFunction(stack, 'Handler', 'exports.handler = async () => ({ statusCode: 200, body: \'ok\' });');

const api = new SecureLambdaApi(stack, 'Api', {
  // TEST-NET-1 (RFC 5737): no real caller comes from it.
  resourcePolicy: { deniedSourceIps: ['192.0.2.0/24'] },
  routes: {
    'GET /items': { handler },
    'GET /health': { handler, isPublic: true },
  },
});

const granted = signedCaller(stack, 'GrantedCaller', `${api.url}items`);
api.grantInvoke(granted);
const withoutPermission = signedCaller(stack, 'CallerWithoutPermission', `${api.url}items`);

const integ = new IntegTest(app, 'ResourcePolicy', { testCases: [stack], diffAssets: false });

integ.assertions
  .httpApiCall(`${api.url}health`)
  .expect(ExpectedResult.objectLike({ status: 200, body: 'ok' }));

// Retried: the role's new identity policy can take a few seconds to apply.
integ.assertions
  .invokeFunction({ functionName: granted.functionName })
  .expect(ExpectedResult.objectLike({ Payload: Match.serializedJson(Match.objectLike({ status: 200, body: 'ok' })) }))
  .waitForAssertions(PROPAGATION);

integ.assertions
  .invokeFunction({ functionName: withoutPermission.functionName })
  .expect(ExpectedResult.objectLike({ Payload: Match.serializedJson(Match.objectLike({ status: 403 })) }));
