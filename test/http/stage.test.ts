import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { newHttpApi } from './support';
import { templateOf } from '../support/fixtures';

const DEFAULT_ROUTE_SETTINGS = { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000, DetailedMetricsEnabled: false };

describe('stage', () => {
  test('is the $default stage, deployed automatically, throttled at 1,000 rps with bursts of 2,000, without detailed metrics', () => {
    const { stack, api } = newHttpApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: DEFAULT_ROUTE_SETTINGS,
      RouteSettings: Match.absent(),
      StageVariables: Match.absent(),
    });
    expect(stack.resolve(api.url)).toEqual({
      'Fn::Join': ['', ['https://', stack.resolve(api.httpApi.apiId), '.execute-api.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/']],
    });
  });

  test('a named stage is the first segment of the URL', () => {
    const { stack, api } = newHttpApi((handler) => ({ stageName: 'live', routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'live' });
    expect(stack.resolve(api.url)['Fn::Join'][1]).toContain('/live/');
  });

  test('writes JSON access logs with the route, error and authorizer fields to a log group the construct owns, kept a year', () => {
    const { stack, api } = newHttpApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    const stage = Object.values(templateOf(stack).findResources('AWS::ApiGatewayV2::Stage'))[0];
    const settings = stage.Properties.AccessLogSettings;
    expect(settings.DestinationArn).toEqual(stack.resolve(api.accessLogGroup.logGroupArn));
    expect(JSON.parse(settings.Format)).toEqual({
      requestId: '$context.requestId',
      extendedRequestId: '$context.extendedRequestId',
      requestTime: '$context.requestTime',
      apiId: '$context.apiId',
      stage: '$context.stage',
      domainName: '$context.domainName',
      ip: '$context.identity.sourceIp',
      userAgent: '$context.identity.userAgent',
      httpMethod: '$context.httpMethod',
      routeKey: '$context.routeKey',
      path: '$context.path',
      protocol: '$context.protocol',
      status: '$context.status',
      responseLength: '$context.responseLength',
      responseLatency: '$context.responseLatency',
      integrationLatency: '$context.integrationLatency',
      integrationStatus: '$context.integrationStatus',
      integrationErrorMessage: '$context.integrationErrorMessage',
      errorMessage: '$context.error.message',
      authorizerError: '$context.authorizer.error',
    });
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });

  test('takes the retention, throttle, detailed metrics and stage variables given', () => {
    const { stack } = newHttpApi((handler) => ({
      routes: { 'GET /items': { handler } },
      accessLogRetention: logs.RetentionDays.ONE_MONTH,
      throttle: { rateLimit: 50, burstLimit: 100 },
      detailedMetrics: true,
      stageVariables: { backend: 'https://backend.example.com/v1', realm: 'prod' },
    }));
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100, DetailedMetricsEnabled: true },
      StageVariables: { backend: 'https://backend.example.com/v1', realm: 'prod' },
    });
  });

  test('a route throttle becomes a route setting of the stage, which repeats the defaults and waits for the route', () => {
    const { stack, api, fn } = newHttpApi((handler) => ({
      routes: { 'GET /items/{id}': { handler, throttle: { rateLimit: 5 } }, 'GET /other': { handler } },
    }));
    // Routes added later count too.
    const admin = api.addRoute('ANY /admin', { handler: fn, throttle: { rateLimit: 1, burstLimit: 2 } });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: {
        'GET /items/{id}': { ...DEFAULT_ROUTE_SETTINGS, ThrottlingRateLimit: 5 },
        'ANY /admin': { ...DEFAULT_ROUTE_SETTINGS, ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2 },
      },
    });
    const stage = Object.values(templateOf(stack).findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(stage.DependsOn).toEqual(expect.arrayContaining([stack.getLogicalId(admin.node.defaultChild as any)]));
    expect(stage.DependsOn).toHaveLength(2);
  });

  test('records no warning about the account CloudWatch role: HTTP API access logs need none', () => {
    const { stack } = newHttpApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('no-cloudwatch-role'))).toEqual([]);
  });

  test('metric helpers measure the stage', () => {
    const { stack, api } = newHttpApi();
    const dimensions = { ApiId: stack.resolve(api.httpApi.apiId), Stage: '$default' };
    expect(stack.resolve(api.metricRequests().toMetricConfig().metricStat)).toMatchObject({ metricName: 'Count', statistic: 'Sum', dimensions: toDimensions(dimensions) });
    expect(api.metricClientErrors().metricName).toBe('4xx');
    expect(api.metricServerErrors().metricName).toBe('5xx');
    expect(api.metricLatency({ statistic: cloudwatch.Stats.p(99) }).statistic).toBe('p99');
  });

  test.each([
    ['a stage name API Gateway refuses', { stageName: 'prod stage' }, /\[InvalidStageName\] TestStack\/Api: stageName is 'prod stage'/],
    ['a stage variable name with a hyphen', { stageVariables: { 'my-var': 'x' } }, /stageVariables has the variable name 'my-var'/],
    ['a stage variable value with a space', { stageVariables: { v: 'a b' } }, /stageVariables\['v'\] is "a b"; stage variable values are non-empty/],
    ['a fractional burst limit', { throttle: { burstLimit: 1.5 } }, /throttle\.burstLimit must be a whole number of 0 or more, got 1\.5/],
  ])('%s is rejected', (_, props, message) => {
    expect(() => newHttpApi(() => props)).toThrow(message);
  });
});

function toDimensions(dimensions: Record<string, unknown>) {
  return Object.entries(dimensions).map(([name, value]) => ({ name, value }));
}
