import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { newApi, templateOf } from '../support/fixtures';

const defaultSetting = {
  ResourcePath: '/*',
  HttpMethod: '*',
  LoggingLevel: 'ERROR',
  DataTraceEnabled: false,
  MetricsEnabled: true,
  ThrottlingRateLimit: 1000,
  ThrottlingBurstLimit: 2000,
};

describe('stage', () => {
  test('writes JSON access logs to a log group the construct owns', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    const stage = templateOf(stack).findResources('AWS::ApiGateway::Stage');
    const settings = Object.values(stage)[0].Properties.AccessLogSetting;
    expect(settings.DestinationArn).toEqual(stack.resolve(api.accessLogGroup.logGroupArn));
    const format = JSON.parse(settings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status', errorType: '$context.error.responseType' });
  });

  test('keeps access logs for a year by default', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    expect(api.accessLogGroup).toBeInstanceOf(logs.LogGroup);
  });

  test('logs errors, traces with X-Ray, records detailed metrics and throttles by default, without data tracing', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      TracingEnabled: true,
      MethodSettings: [defaultSetting],
    });
  });

  test('takes the logging level, retention and stage throttle given', () => {
    const { stack } = newApi((handler) => ({
      routes: { 'GET /items': { handler } },
      loggingLevel: apigateway.MethodLoggingLevel.INFO,
      accessLogRetention: logs.RetentionDays.ONE_MONTH,
      throttle: { rateLimit: 50, burstLimit: 100 },
      stageName: 'live',
    }));
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'live',
      MethodSettings: [{ ...defaultSetting, LoggingLevel: 'INFO', ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }],
    });
  });

  test('a route throttle adds a method setting for that route only', () => {
    const { stack, api, fn } = newApi((handler) => ({
      routes: { 'GET /items/{id}': { handler, throttle: { rateLimit: 5 } } },
    }));
    api.addRoute('ANY /admin', { handler: fn, throttle: { rateLimit: 1, burstLimit: 2 } });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: [
        defaultSetting,
        { ...defaultSetting, ResourcePath: '/~1items~1{id}', HttpMethod: 'GET', ThrottlingRateLimit: 5 },
        { ...defaultSetting, ResourcePath: '/~1admin', HttpMethod: '*', ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2 },
      ],
    });
  });

  test('the REST API does not touch the account CloudWatch role setting', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    // The one AWS::ApiGateway::Account in the stack is the fixture's ApiGatewayCloudWatchRole.
    templateOf(stack).resourceCountIs('AWS::ApiGateway::Account', 1);
    templateOf(stack).resourcePropertiesCountIs('AWS::IAM::Role', {
      ManagedPolicyArns: Match.arrayWith([Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('AmazonAPIGatewayPushToCloudWatchLogs')])]) })]),
    }, 0);
  });
});
