/**
 * Monitoring of a SecureWebSocketApi behind a Lambda REQUEST authorizer: a dashboard (connections, messages, errors,
 * integration latency, the authorizer's function and the access log's authorizer errors, the `echo` route), the alarms
 * on the error rates, p99 integration latency and the authorizer function's errors, and a composite alarm, notifying an
 * SNS topic of the test stack.
 *
 * Asserts: CloudWatch knows the composite alarm with the topic as its action, the alarm on the authorizer function's
 * errors, and the dashboard; the authorizer answers (its errors are what the alarm counts).
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SecureWebSocketApi, WebSocketApiAuthorizer } from '../src';
import { inlineFunction, integStack } from './support';

const { app, stack } = integStack('GatewayKitIntegWebSocketMonitoring');

const authorizerFunction = inlineFunction(stack, 'Authorizer', `exports.handler = async (event) => ({
  principalId: 'integ-user',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: (event.queryStringParameters || {}).token === 'let-me-in' ? 'Allow' : 'Deny', Resource: event.methodArn }],
  },
});`);
const echo = inlineFunction(stack, 'Echo', 'exports.handler = async (event) => ({ statusCode: 200, body: event.body });');
const alarmTopic = new sns.Topic(stack, 'AlarmTopic');

const api = new SecureWebSocketApi(stack, 'Api', {
  authorizer: WebSocketApiAuthorizer.request(authorizerFunction, { identitySources: ['route.request.querystring.token'] }),
  routes: { echo: { handler: echo, returnResponse: true } },
  monitoring: { alarmTopic, routes: ['echo'] },
});
const monitoring = api.monitoring!;

const integ = new IntegTest(app, 'WebSocketMonitoring', { testCases: [stack], diffAssets: false });

integ.assertions
  .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [monitoring.compositeAlarm.alarmName], AlarmTypes: ['CompositeAlarm'] })
  .expect(ExpectedResult.objectLike({ CompositeAlarms: [{ AlarmActions: [alarmTopic.topicArn] }] }));

integ.assertions
  .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [monitoring.alarms.authorizerErrors.alarmName] })
  .expect(ExpectedResult.objectLike({ MetricAlarms: [{ Namespace: 'AWS/Lambda', MetricName: 'Errors', AlarmActions: [alarmTopic.topicArn] }] }));

integ.assertions
  .awsApiCall('CloudWatch', 'getDashboard', { DashboardName: monitoring.dashboard.dashboardName })
  .expect(ExpectedResult.objectLike({ DashboardName: Match.stringLikeRegexp('.+') }));

integ.assertions
  .invokeFunction({ functionName: authorizerFunction.functionName, payload: JSON.stringify({ type: 'REQUEST', methodArn: 'arn', queryStringParameters: { token: 'wrong' } }) })
  .expect(ExpectedResult.objectLike({
    Payload: Match.serializedJson(Match.objectLike({ policyDocument: { Version: '2012-10-17', Statement: [Match.objectLike({ Effect: 'Deny' })] } })),
  }));
