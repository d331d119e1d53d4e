import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ApiGatewayCloudWatchRole, MeteredApi, RestAuthorizer, SecureLambdaApiProps } from '../src';
import { newApi, newFunction, newStack } from './support/fixtures';
import { COMPLIANCE_PACKS, fixtureFunction, nagFindings, nagSuppressions } from './support/nag';

/** What the tests create themselves: the route handler and the function any Lambda authorizer is given. */
const FIXTURES = [...fixtureFunction('Handler'), ...fixtureFunction('AuthorizerHandler')];

const authorizers: Array<[string, (fn: lambda.IFunction) => RestAuthorizer | undefined]> = [
  ['IAM (the default)', () => undefined],
  ['Cognito with a created user pool', () => RestAuthorizer.cognito()],
  ['Lambda TOKEN', (fn) => RestAuthorizer.token(fn)],
  ['Lambda REQUEST', (fn) => RestAuthorizer.request(fn, { identitySources: [apigateway.IdentitySource.header('X-Tenant')] })],
  ['bundled JWT', () => RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'] })],
];

type Extra = (stack: Stack) => Partial<SecureLambdaApiProps>;
const configured = (authorizer: (fn: lambda.IFunction) => RestAuthorizer | undefined, extra: Extra = () => ({})) =>
  (handler: lambda.IFunction, stack: Stack): SecureLambdaApiProps => ({
    authorizer: authorizer(newFunction(stack, 'AuthorizerHandler')),
    routes: { 'GET /items': { handler }, 'GET /health': { handler, isPublic: true } },
    cors: { allowOrigins: ['https://app.example.com'] },
    ...extra(stack),
  });

describe('cdk-nag AwsSolutions and Serverless packs', () => {
  test.each(authorizers)('report no unsuppressed finding in the stack of a SecureLambdaApi with the %s authorizer', (_, authorizer) => {
    const { stack } = newApi(configured(authorizer));
    expect(nagFindings(stack, { fixtures: FIXTURES })).toEqual([]);
  });

  test('report no unsuppressed finding in the stack of several stages with caching, a canary and its alarms', () => {
    const { stack } = newApi(configured(() => undefined, () => ({
      stages: {
        dev: {},
        prod: { caching: {}, canary: { percentTraffic: 10, alarms: {} } },
      },
    })));
    expect(nagFindings(stack, { fixtures: FIXTURES })).toEqual([]);
  });

  test('report no unsuppressed finding in the stack of a MeteredApi with tiers and customers', () => {
    const stack = newStack();
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    const handler = newFunction(stack);
    new MeteredApi(stack, 'Api', {
      routes: { 'GET /items': { handler } },
      tiers: { free: { quota: { limit: 100, period: apigateway.Period.DAY } }, pro: { throttle: { rateLimit: 10, burstLimit: 20 } } },
      customers: { acme: { tier: 'pro' }, globex: { tier: 'free' } },
    });
    expect(nagFindings(stack, { fixtures: fixtureFunction('Handler') })).toEqual([]);
  });

  test('the only suppressions are the reasoned ones the library documents', () => {
    const { stack } = newApi(configured(() => RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'] })));
    const suppressed = nagSuppressions(stack, (reason) => expect(reason.length).toBeGreaterThan(80));
    expect(suppressed).toEqual([
      'AwsSolutions-APIG4 ApihealthGET',
      'AwsSolutions-COG4 ApihealthGET',
      'AwsSolutions-COG4 ApiitemsGET',
      'AwsSolutions-IAM5 ApiDefaultAuthorizerFunctionRolePolicy',
      'AwsSolutions-IAM5 CloudWatchRolePushToCloudWatchLogs',
      'AwsSolutions-IAM5 GatewayKitStageCanaryHandlerRolePolicy',
      'HIPAA.Security-LambdaConcurrency ApiDefaultAuthorizerFunction',
      'HIPAA.Security-LambdaDLQ ApiDefaultAuthorizerFunction',
      'HIPAA.Security-LambdaDLQ GatewayKitStageCanaryHandlerFunction',
      'HIPAA.Security-LambdaInsideVPC ApiDefaultAuthorizerFunction',
      'HIPAA.Security-LambdaInsideVPC GatewayKitStageCanaryHandlerFunction',
      'NIST.800.53.R5-LambdaConcurrency ApiDefaultAuthorizerFunction',
      'NIST.800.53.R5-LambdaDLQ ApiDefaultAuthorizerFunction',
      'NIST.800.53.R5-LambdaDLQ GatewayKitStageCanaryHandlerFunction',
      'NIST.800.53.R5-LambdaInsideVPC ApiDefaultAuthorizerFunction',
      'NIST.800.53.R5-LambdaInsideVPC GatewayKitStageCanaryHandlerFunction',
      'PCI.DSS.321-LambdaInsideVPC ApiDefaultAuthorizerFunction',
      'PCI.DSS.321-LambdaInsideVPC GatewayKitStageCanaryHandlerFunction',
      'Serverless-LambdaAsyncFailureDestination ApiDefaultAuthorizerFunction',
      'Serverless-LambdaDLQ ApiDefaultAuthorizerFunction',
      'Serverless-LambdaDLQ GatewayKitStageCanaryHandlerFunction',
    ]);
  });
});

describe('cdk-nag NIST 800-53 R5, HIPAA Security and PCI DSS 3.2.1 packs', () => {
  const apiGatewayFindings = (findings: string[]) => findings.filter((finding) => /^[^ ]+-APIGW/.test(finding));

  // The function a TOKEN or REQUEST authorizer is given is the user's (a fixture here): its hardening is theirs.
  test.each(authorizers)('report no finding at all in the stack of a hardened SecureLambdaApi with the %s authorizer and a canary', (_, authorizer) => {
    const { stack } = newApi(configured(authorizer, () => ({
      hardened: true,
      stages: { dev: {}, prod: { canary: { percentTraffic: 10 } } },
    })));
    expect(nagFindings(stack, { packs: COMPLIANCE_PACKS(), fixtures: FIXTURES })).toEqual([]);
  });

  test('report no finding at all in the stack of a hardened SecureLambdaApi with monitoring whose alarms notify a topic', () => {
    const { stack } = newApi(configured(() => undefined, (scope) => ({
      hardened: true,
      monitoring: { alarmTopic: sns.Topic.fromTopicArn(scope, 'Alarms', 'arn:aws:sns:eu-west-1:123456789012:alarms') },
    })));
    expect(nagFindings(stack, { packs: COMPLIANCE_PACKS(), fixtures: FIXTURES })).toEqual([]);
  });

  test('report no finding at all in the stack of a hardened MeteredApi with generated customer keys', () => {
    const stack = newStack();
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    const handler = newFunction(stack);
    new MeteredApi(stack, 'Api', {
      routes: { 'GET /items': { handler } },
      tiers: { free: { quota: { limit: 100, period: apigateway.Period.DAY } } },
      customers: { acme: { tier: 'free' } },
      hardened: true,
    });
    expect(nagFindings(stack, { packs: COMPLIANCE_PACKS(), fixtures: fixtureFunction('Handler') })).toEqual([]);
  });

  test('report the cache and client certificate findings the hardened profile answers on the defaults', () => {
    const { stack } = newApi(configured(() => undefined));
    const rules = new Set(apiGatewayFindings(nagFindings(stack, { packs: COMPLIANCE_PACKS(), fixtures: FIXTURES })).map((finding) => finding.split(' ')[0]));
    expect([...rules].sort()).toEqual([
      'HIPAA.Security-APIGWCacheEnabledAndEncrypted',
      'HIPAA.Security-APIGWSSLEnabled',
      'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted',
      'NIST.800.53.R5-APIGWSSLEnabled',
      'PCI.DSS.321-APIGWCacheEnabledAndEncrypted',
      'PCI.DSS.321-APIGWSSLEnabled',
    ]);
  });
});

describe('cdk-nag on the hardening options', () => {
  test('report no unsuppressed AwsSolutions or Serverless finding on a hardened private API with its own endpoint, WAF logging and a resource policy', () => {
    const { stack } = newApi(configured(() => undefined, (scope) => ({
      endpointType: apigateway.EndpointType.PRIVATE,
      privateEndpoint: { vpc: new ec2.Vpc(scope, 'Vpc', { maxAzs: 2, natGateways: 0 }) },
      waf: { logging: true },
      resourcePolicy: { allowedSourceIps: ['10.0.0.0/8'] },
      hardened: true,
    })));
    expect(nagFindings(stack, { fixtures: [...FIXTURES, 'Vpc'] })).toEqual([]);
  });
});
