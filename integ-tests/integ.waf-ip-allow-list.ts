/**
 * A SecureLambdaApi behind its WebACL, whose resource policy admits one IP range only.
 *
 * Asserts: the WebACL is associated with the stage, and a call from outside the allowed range (the assertion
 * provider's own address) is refused with 403 by the explicit deny, although the route is public.
 * Deploy with `-c allowedCidr=<your range>` to try the allowed side from that range by hand.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const { app, stack } = integStack('GatewayKitIntegWafIpAllowList');
/** TEST-NET-3 (RFC 5737): no real caller has it, so every call of the assertions must be denied. */
const allowedCidr: string = app.node.tryGetContext('allowedCidr') ?? '203.0.113.0/24';

const handler = inlineFunction(stack, 'Handler', 'exports.handler = async () => ({ statusCode: 200, body: \'ok\' });');

const api = new SecureLambdaApi(stack, 'Api', {
  resourcePolicy: { allowedSourceIps: [allowedCidr] },
  waf: { logging: true },
  routes: {
    'GET /items': { handler, isPublic: true },
  },
});

const integ = new IntegTest(app, 'WafIpAllowList', { testCases: [stack], diffAssets: false });

integ.assertions
  .awsApiCall('WAFV2', 'getWebACLForResource', { ResourceArn: api.stage.stageArn })
  .expect(ExpectedResult.objectLike({ WebACL: { ARN: api.webAcl!.attrArn } }));

integ.assertions
  .httpApiCall(`${api.url}items`)
  // Status only: the letter case of the denial body's key is not documented.
  .expect(ExpectedResult.objectLike({ status: 403 }))
  .waitForAssertions(PROPAGATION);
