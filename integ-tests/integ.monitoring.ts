/**
 * Monitoring of a SecureLambdaApi and a SecureHttpApi: a dashboard and three alarms each, plus a composite alarm,
 * notifying an SNS topic of the test stack.
 *
 * Asserts: both APIs answer, and CloudWatch knows each API's composite alarm with the topic as its action.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecureHttpApi, SecureLambdaApi } from '../src';
import { inlineFunction, integStack, PROPAGATION } from './support';

const { app, stack } = integStack('GatewayKitIntegMonitoring');

const handler = inlineFunction(stack, 'Handler', 'exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ ok: true }) });');
const alarmTopic = new sns.Topic(stack, 'AlarmTopic');

const restApi = new SecureLambdaApi(stack, 'RestApi', {
  routes: { 'GET /items': { handler, isPublic: true } },
  monitoring: { alarmTopic, routes: ['GET /items'] },
});
const httpApi = new SecureHttpApi(stack, 'HttpApi', {
  routes: { 'GET /items': { handler, isPublic: true } },
  detailedMetrics: true,
  monitoring: { alarmTopic, routes: ['GET /items'] },
});

const integ = new IntegTest(app, 'Monitoring', { testCases: [stack], diffAssets: false });

for (const api of [restApi, httpApi]) {
  integ.assertions
    .httpApiCall(`${api.url}items`)
    .expect(ExpectedResult.objectLike({ status: 200, body: { ok: true } }))
    .waitForAssertions(PROPAGATION);
  integ.assertions
    .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [api.monitoring!.compositeAlarm.alarmName], AlarmTypes: ['CompositeAlarm'] })
    .expect(ExpectedResult.objectLike({ CompositeAlarms: [{ AlarmActions: [alarmTopic.topicArn] }] }));
}
