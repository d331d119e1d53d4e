import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { HttpApiAuthorizer, SecureHttpApi, SecureHttpApiProps } from '../../src';

function monitoredHttpApi(props: Partial<SecureHttpApiProps>) {
  const stack = new Stack(new App(), 'TestStack', { env: { account: '123456789012', region: 'eu-west-1' } });
  const handler = new lambda.Function(stack, 'Handler', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
  const api = new SecureHttpApi(stack, 'Api', { routes: { 'GET /items': { handler } }, ...props });
  return { stack, api, template: Template.fromStack(stack) };
}

describe('SecureHttpApi monitoring', () => {
  test('alarms on the 5XX rate, the 4XX rate and p99 latency of the stage, and a composite alarm', () => {
    const { api, template } = monitoredHttpApi({ monitoring: {} });
    expect(Object.keys(api.monitoring!.alarms).sort()).toEqual(['clientErrorRate', 'latencyP99', 'serverErrorRate']);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Latency', ExtendedStatistic: 'p99', Dimensions: Match.arrayWith([{ Name: 'Stage', Value: '$default' }]) });
    template.resourceCountIs('AWS::CloudWatch::CompositeAlarm', 1);
  });

  test('a Lambda authorizer adds an alarm on its function\'s errors and a metric filter of authorizer errors on the access log', () => {
    const { api, template } = monitoredHttpApi({ monitoring: {}, authorizer: HttpApiAuthorizer.request(lambda.Function.fromFunctionName(new Stack(), 'Authorizer', 'authorizer')) });
    expect(Object.keys(api.monitoring!.alarms).sort()).toEqual(['authorizerErrors', 'clientErrorRate', 'latencyP99', 'serverErrorRate']);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [Match.objectLike({ Name: 'FunctionName' })] });
    template.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: '{ $.authorizerError != "-" }', LogGroupName: { Ref: Match.stringLikeRegexp('AccessLogs') } });
  });

  test('any alarm action is added to every alarm', () => {
    const action: cloudwatch.IAlarmAction = { bind: () => ({ alarmActionArn: 'arn:aws:ssm-incidents::123456789012:response-plan/api' }) };
    const { template } = monitoredHttpApi({ monitoring: { alarmActions: [action] } });
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmActions: ['arn:aws:ssm-incidents::123456789012:response-plan/api'] } })).length).toBe(3);
  });

  test('the dashboard shows the stage and the routes listed, by their route-level metrics', () => {
    const { stack, template } = monitoredHttpApi({ monitoring: { routes: ['GET /items'] }, detailedMetrics: true });
    const body = JSON.stringify(stack.resolve(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody));
    for (const title of ['$default: requests', '$default: 4XX and 5XX', '$default: latency', '$default: integration latency', 'GET /items: latency']) {
      expect(body).toContain(title);
    }
    expect(body).toContain('\\"Route\\",\\"GET /items\\"');
  });
});
