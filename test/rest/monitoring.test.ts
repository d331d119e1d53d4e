import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { RestAuthorizer } from '../../src';
import { newApi, newFunction, templateOf } from '../support/fixtures';

describe('SecureLambdaApi monitoring', () => {
  test('no dashboard and no alarms without monitoring', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(api.monitoring).toBeUndefined();
  });

  test('alarms on the 5XX rate, the 4XX rate and p99 latency, with their defaults, and a composite alarm over them', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } }, monitoring: {} }));
    const template = templateOf(stack);
    expect(Object.keys(api.monitoring!.alarms).sort()).toEqual(['clientErrorRate', 'latencyP99', 'serverErrorRate']);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      EvaluationPeriods: 3,
      TreatMissingData: 'notBreaching',
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'IF(requests > 0, 100 * errors / requests, 0)' })]),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: 10 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Latency', ExtendedStatistic: 'p99', Threshold: 5000 });
    const rule = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::CompositeAlarm'))[0].Properties.AlarmRule);
    expect(rule.match(/ALARM\(/g)).toHaveLength(3);
  });

  test('thresholds are configurable', () => {
    const { stack } = newApi((handler) => ({
      routes: { 'GET /items': { handler } },
      monitoring: { serverErrorRateThreshold: 0.5, latencyP99Threshold: Duration.millis(800), evaluationPeriods: 2 },
    }));
    templateOf(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: 0.5, EvaluationPeriods: 2 });
    templateOf(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: 800 });
  });

  test('every alarm and the composite alarm notify the alarm topic', () => {
    const { stack } = newApi((handler, scope) => ({
      routes: { 'GET /items': { handler } },
      monitoring: { alarmTopic: new sns.Topic(scope, 'Alarms') },
    }));
    const topic = { Ref: Match.stringLikeRegexp('Alarms') };
    const template = templateOf(stack);
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmActions: [topic], OKActions: [topic] } })).length).toBe(3);
    template.hasResourceProperties('AWS::CloudWatch::CompositeAlarm', { AlarmActions: [topic] });
  });

  test('the dashboard has a row per stage with throttled requests, cache hits and misses and the canary beside the stage', () => {
    const { stack } = newApi((handler) => ({
      routes: { 'GET /items': { handler } },
      stages: { prod: { caching: {}, canary: { percentTraffic: 10 } } },
      stageName: 'prod',
      monitoring: { routes: ['GET /items'] },
    }));
    const body = JSON.stringify(stack.resolve(Object.values(templateOf(stack).findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody));
    for (const title of ['prod: requests', 'prod: 4XX and 5XX', 'prod: latency', 'prod: integration latency', 'prod: throttled requests (429)',
      'prod: cache hits and misses', 'prod: canary requests and 5XX', 'prod: canary latency', 'GET /items: latency']) {
      expect(body).toContain(title);
    }
    expect(body).toContain('CacheHitCount');
    expect(body).toContain('\\"Resource\\",\\"/items\\"');
  });

  test('an unparseable route of monitoring.routes fails naming it', () => {
    expect(() => newApi((handler) => ({ routes: { 'GET /items': { handler } }, monitoring: { routes: ['items'] } })))
      .toThrow(/monitoring.routes\['items'\] must look like/);
  });

  test('one composite alarm and one dashboard per API', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } }, monitoring: {} }));
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::CompositeAlarm', 1);
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  test('an API with a Lambda authorizer alarms on its function\'s errors and shows its errors, throttles and the access log\'s authorizer errors', () => {
    const { stack, api } = newApi((handler, scope) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.token(newFunction(scope, 'Authorizer')),
      monitoring: {},
    }));
    const template = templateOf(stack);
    expect(Object.keys(api.monitoring!.alarms).sort()).toEqual(['authorizerErrors', 'clientErrorRate', 'latencyP99', 'serverErrorRate']);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda', MetricName: 'Errors', Statistic: 'Sum', Threshold: 0, Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^Authorizer') } }],
    });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.authorizerError != "-" }',
      MetricTransformations: [Match.objectLike({ MetricName: 'AuthorizerErrors', MetricNamespace: 'GatewayKit/ApiGateway' })],
    });
    const rule = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::CompositeAlarm'))[0].Properties.AlarmRule);
    expect(rule.match(/ALARM\(/g)).toHaveLength(4);
    const body = JSON.stringify(stack.resolve(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody));
    expect(body).toContain('authorizers: function errors and throttles');
    expect(body).toContain('authorizers: requests with an authorizer error (access log)');
    expect(body).toContain('\\"Throttles\\"');
  });

  test('the authorizer alarm threshold is configurable', () => {
    const { stack } = newApi((handler, scope) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.token(newFunction(scope, 'Authorizer')),
      monitoring: { authorizerErrorsThreshold: 5 },
    }));
    templateOf(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Lambda', MetricName: 'Errors', Threshold: 5 });
  });

  test('the errors of several authorizer functions are summed in one alarm', () => {
    const { stack } = newApi((handler, scope) => ({
      routes: {
        'GET /items': { handler },
        'GET /orders': { handler, authorizer: RestAuthorizer.token(newFunction(scope, 'OrdersAuthorizer')) },
      },
      authorizer: RestAuthorizer.token(newFunction(scope, 'Authorizer')),
      monitoring: {},
    }));
    templateOf(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'SUM([errors0, errors1])' })]),
    });
  });

  test('an API authorized by IAM has no authorizer alarm, widgets or metric filter', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } }, monitoring: {} }));
    const body = JSON.stringify(stack.resolve(Object.values(templateOf(stack).findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody));
    expect(api.monitoring!.alarms.authorizerErrors).toBeUndefined();
    expect(body).not.toContain('authorizers:');
    templateOf(stack).resourcePropertiesCountIs('AWS::Logs::MetricFilter', { FilterPattern: '{ $.authorizerError != "-" }' }, 0);
  });
});
