import { Match } from 'aws-cdk-lib/assertions';
import { newWebSocketApi, untyped } from './support';
import { WebSocketApiAuthorizer } from '../../src';
import { newFunction, templateOf } from '../support/fixtures';

describe('SecureWebSocketApi monitoring', () => {
  test('alarms on execution and integration errors, client errors and p99 integration latency, and a composite alarm', () => {
    const { stack, api } = newWebSocketApi(() => ({ monitoring: {} }));
    const template = templateOf(stack);
    expect(Object.keys(api.monitoring!.alarms).sort()).toEqual(['clientErrorRate', 'latencyP99', 'serverErrorRate']);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'integrationErrors + executionErrors' })]),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IntegrationLatency', ExtendedStatistic: 'p99' });
    template.resourceCountIs('AWS::CloudWatch::CompositeAlarm', 1);
  });

  test('a Lambda authorizer on $connect adds an alarm on its function\'s errors and its widgets', () => {
    const { stack, api } = newWebSocketApi((_, scope) => ({
      monitoring: {},
      authorizer: WebSocketApiAuthorizer.request(newFunction(scope, 'Authorizer'), { identitySources: ['route.request.header.Authorization'] }),
    }));
    const template = templateOf(stack);
    expect(Object.keys(api.monitoring!.alarms).sort()).toEqual(['authorizerErrors', 'clientErrorRate', 'latencyP99', 'serverErrorRate']);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^Authorizer') } }] });
    template.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: '{ $.authorizerError != "-" }' });
    const body = JSON.stringify(stack.resolve(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody));
    expect(body).toContain('authorizers: function errors and throttles');
  });

  test('the dashboard shows connections, messages and errors of the stage, and the routes listed', () => {
    const { stack } = newWebSocketApi(() => ({ monitoring: { routes: ['sendMessage'] } }));
    const body = JSON.stringify(stack.resolve(Object.values(templateOf(stack).findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody));
    for (const title of ['prod: requests', 'prod: connections', 'prod: execution and integration errors', 'sendMessage: messages']) {
      expect(body).toContain(title);
    }
  });
});

describe('SecureWebSocketApi routesPerNestedStack', () => {
  test('is refused with the reason, as a prop of the REST and HTTP constructs', () => {
    expect(() => newWebSocketApi(() => untyped({ routesPerNestedStack: 10 })))
      .toThrow(/routesPerNestedStack asks for routes spread over nested stacks, which SecureWebSocketApi does not offer; a WebSocket API's routes are few/);
  });
});
