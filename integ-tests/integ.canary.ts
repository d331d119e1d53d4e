/**
 * A SecureLambdaApi with two stages, `dev` and `prod`, both with the stage variable `version: v1`, and on `prod` a
 * canary release overriding it to `v2`, with its 5XX-rate and latency alarms. The canary takes all of prod's
 * traffic (`percentTraffic: 100`), so that every request's outcome is known: a canary at 0 < p < 100 would serve
 * each request at random.
 *
 * Asserts: a public route whose handler echoes the `stageVariables` it receives sees `v1` on `dev` and `v2` on
 * `prod` (served by the canary), and API Gateway reports prod's canary settings (100 %, the `v2` override, no
 * stage cache) and its own `v1` variables.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { Aws } from 'aws-cdk-lib';
import { SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const { app, stack } = integStack('GatewayKitIntegCanary');

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ stage: event.requestContext.stage, stageVariables: event.stageVariables }),
});`);

const api = new SecureLambdaApi(stack, 'Api', {
  stages: {
    dev: { variables: { version: 'v1' } },
    prod: {
      variables: { version: 'v1' },
      canary: { percentTraffic: 100, stageVariableOverrides: { version: 'v2' }, alarms: {} },
    },
  },
  routes: {
    'GET /version': { handler, isPublic: true },
  },
});

const integ = new IntegTest(app, 'Canary', { testCases: [stack], diffAssets: false });

// Retried: the functions' invoke permissions can take a few seconds to apply.
integ.assertions
  .httpApiCall(api.stages.dev.urlForPath('/version'))
  .expect(ExpectedResult.objectLike({ status: 200, body: { stage: 'dev', stageVariables: { version: 'v1' } } }))
  .waitForAssertions(PROPAGATION);

integ.assertions
  .httpApiCall(api.stages.prod.urlForPath('/version'))
  .expect(ExpectedResult.objectLike({ status: 200, body: { stage: 'prod', stageVariables: { version: 'v2' } } }))
  .waitForAssertions(PROPAGATION);

const prodStage = integ.assertions.awsApiCall('APIGateway', 'getStage', {
  restApiId: api.restApi.restApiId,
  stageName: 'prod',
});
// awsApiCall grants `apigateway:GetStage`, which is no IAM action: API Gateway authorizes reads as apigateway:GET.
prodStage.provider.addToRolePolicy({
  Effect: 'Allow',
  Action: ['apigateway:GET'],
  Resource: [`arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::/restapis/${api.restApi.restApiId}/stages/prod`],
});
prodStage.expect(ExpectedResult.objectLike({
  variables: { version: 'v1' },
  canarySettings: { percentTraffic: 100, stageVariableOverrides: { version: 'v2' }, useStageCache: false },
}));
