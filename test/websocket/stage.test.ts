import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { newWebSocketApi } from './support';
import { SecureWebSocketApi } from '../../src';
import { templateOf } from '../support/fixtures';

function accessLogFormat(stack: Stack): Record<string, string> {
  const stage = Object.values(templateOf(stack).findResources('AWS::ApiGatewayV2::Stage'))[0] as any;
  return JSON.parse(stage.Properties.AccessLogSettings.Format);
}

describe('stage', () => {
  test('a stage named prod deploys every change automatically', () => {
    const { stack, api } = newWebSocketApi();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: stack.resolve(api.webSocketApi.apiId),
      StageName: 'prod',
      AutoDeploy: true,
    });
  });

  test('stageName names the stage', () => {
    const { stack } = newWebSocketApi(() => ({ stageName: 'live' }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'live' });
  });

  test('every route is throttled at 1,000 requests per second with bursts of 2,000 by default', () => {
    const { stack } = newWebSocketApi();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 },
    });
  });

  test('throttle replaces the default throttling of every route', () => {
    const { stack } = newWebSocketApi(() => ({ throttle: { rateLimit: 50, burstLimit: 100 } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }),
    });
  });

  test('execution logs record errors, never message bodies, by default', () => {
    const { stack } = newWebSocketApi();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ LoggingLevel: 'ERROR', DataTraceEnabled: false }),
    });
  });

  test('loggingLevel sets the execution logging level', () => {
    const { stack } = newWebSocketApi(() => ({ loggingLevel: apigateway.MethodLoggingLevel.INFO }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ LoggingLevel: 'INFO', DataTraceEnabled: false }),
    });
  });

  test('a route throttle becomes the route\'s settings, repeating the stage defaults it replaces', () => {
    const { stack, api } = newWebSocketApi((handler) => ({
      loggingLevel: apigateway.MethodLoggingLevel.INFO,
      routes: { sendMessage: { handler, throttle: { rateLimit: 10 } } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: {
        sendMessage: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 2000, LoggingLevel: 'INFO', DataTraceEnabled: false },
      },
    });
    const routeId = stack.getLogicalId(api.node.findChild('Route-sendMessage').node.defaultChild as any);
    templateOf(stack).hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: Match.arrayWith([routeId]) });
  });

  test('a route throttle given with addRoute is rendered too', () => {
    const { stack, api, fn } = newWebSocketApi();
    api.addRoute('$default', { handler: fn, throttle: { burstLimit: 5 } });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: { $default: Match.objectLike({ ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 5 }) },
    });
  });

  test('routes without a throttle have no route settings', () => {
    const { stack } = newWebSocketApi((handler) => ({ routes: { sendMessage: { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { RouteSettings: Match.absent() });
  });

  test('stage variables are set on the stage', () => {
    const { stack } = newWebSocketApi(() => ({ stageVariables: { tenantTable: 'tenants-prod' } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageVariables: { tenantTable: 'tenants-prod' } });
  });

  test('access logs go to a log group of the API, kept one year by default', () => {
    const { stack, api } = newWebSocketApi();
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: { DestinationArn: stack.resolve(api.accessLogGroup.logGroupArn) },
    });
  });

  test('accessLogRetention sets the access log retention', () => {
    const { stack } = newWebSocketApi(() => ({ accessLogRetention: logs.RetentionDays.ONE_MONTH }));
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  test('access logs are JSON with the WebSocket event, route, connection and error fields', () => {
    const { stack } = newWebSocketApi();
    expect(accessLogFormat(stack)).toMatchObject({
      requestId: '$context.requestId',
      extendedRequestId: '$context.extendedRequestId',
      ip: '$context.identity.sourceIp',
      requestTime: '$context.requestTime',
      eventType: '$context.eventType',
      routeKey: '$context.routeKey',
      status: '$context.status',
      connectionId: '$context.connectionId',
      messageId: '$context.messageId',
      integrationError: '$context.integration.error',
      authorizerError: '$context.authorizer.error',
      apiId: '$context.apiId',
      stage: '$context.stage',
    });
  });

  test('the access log format fits API Gateway\'s 3 KB limit', () => {
    const { stack } = newWebSocketApi();
    expect(JSON.stringify(accessLogFormat(stack)).length).toBeLessThan(3 * 1024);
  });

  test('the stage waits for the account\'s CloudWatch role, which execution logging needs', () => {
    const { stack } = newWebSocketApi();
    const roleAccountId = Object.keys(templateOf(stack).findResources('AWS::ApiGateway::Account'))[0];
    templateOf(stack).hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: Match.arrayWith([roleAccountId]) });
  });

  test('without an ApiGatewayCloudWatchRole in the app, a warning says execution logging depends on the account', () => {
    const stack = new Stack(new App(), 'NoRole', { env: { account: '123456789012', region: 'eu-west-1' } });
    new SecureWebSocketApi(stack, 'Api');
    Annotations.fromStack(stack).hasWarning('/NoRole/Api', Match.stringLikeRegexp('No ApiGatewayCloudWatchRole in this app'));
  });

  test('metric helpers measure the stage', () => {
    const { stack, api } = newWebSocketApi();
    const metric = api.metricConnectCount();
    expect(metric.metricName).toBe('ConnectCount');
    expect(metric.statistic).toBe('Sum');
    expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: stack.resolve(api.webSocketApi.apiId), Stage: 'prod' });
    expect(api.metricMessageCount().metricName).toBe('MessageCount');
    expect(api.metricClientErrors().metricName).toBe('ClientError');
    expect(api.metricIntegrationErrors().metricName).toBe('IntegrationError');
    expect(api.metricExecutionErrors().metricName).toBe('ExecutionError');
    expect(api.metricIntegrationLatency().statistic).toBe('Average');
  });
});
