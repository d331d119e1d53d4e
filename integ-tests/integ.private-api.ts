/**
 * A PRIVATE SecureLambdaApi reached through the `execute-api` interface endpoint it creates in a VPC.
 *
 * Asserts: a function inside the VPC gets 200 through the endpoint (private DNS resolves the API's default
 * hostname to it), and the same URL called from outside the VPC is refused with 403.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const { app, stack } = integStack('GatewayKitIntegPrivateApi');

// Isolated subnets only: nothing in this VPC can reach the internet, so a 200 can only come through the endpoint.
const vpc = new ec2.Vpc(stack, 'Vpc', {
  maxAzs: 2,
  natGateways: 0,
  subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
});

const handler = inlineFunction(stack, 'Handler', `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ sourceVpce: event.requestContext.identity.vpceId ?? null }),
});`);

const api = new SecureLambdaApi(stack, 'Api', {
  endpointType: apigateway.EndpointType.PRIVATE,
  privateEndpoint: { vpc },
  routes: {
    // Public within the network boundary: the resource policy admits calls through the endpoint only.
    'GET /items': { handler, isPublic: true },
  },
});

const probe = inlineFunction(stack, 'InVpcProbe', `exports.handler = async () => {
  const response = await fetch(process.env.TARGET_URL);
  return { status: response.status, body: await response.text() };
};`, {
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  timeout: Duration.seconds(15),
  environment: { TARGET_URL: `${api.url}items` },
});

const integ = new IntegTest(app, 'PrivateApi', { testCases: [stack], diffAssets: false });

integ.assertions
  .invokeFunction({ functionName: probe.functionName })
  .expect(ExpectedResult.objectLike({
    Payload: Match.serializedJson(Match.objectLike({ status: 200, body: Match.stringLikeRegexp('vpce-') })),
  }))
  .waitForAssertions(PROPAGATION);

integ.assertions
  .httpApiCall(`${api.url}items`)
  .expect(ExpectedResult.objectLike({ status: 403 }));
