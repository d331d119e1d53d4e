import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RestAuthorizer, SecureLambdaApiProps } from '../src';
import { newApi, newFunction, templateOf } from './support/fixtures';
import { nagFindings } from './support/nag';

const authorizers: Array<[string, (fn: lambda.IFunction) => RestAuthorizer | undefined]> = [
  ['IAM (the default)', () => undefined],
  ['Cognito with a created user pool', () => RestAuthorizer.cognito()],
  ['Lambda TOKEN', (fn) => RestAuthorizer.token(fn)],
  ['Lambda REQUEST', (fn) => RestAuthorizer.request(fn, { identitySources: [apigateway.IdentitySource.header('X-Tenant')] })],
  ['bundled JWT', () => RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'] })],
];

const configured = (authorizer: (fn: lambda.IFunction) => RestAuthorizer | undefined) => (handler: lambda.IFunction): SecureLambdaApiProps => ({
  authorizer: authorizer(newFunction((handler as lambda.Function).stack, 'AuthorizerHandler')),
  routes: { 'GET /items': { handler }, 'GET /health': { handler, isPublic: true } },
  cors: { allowOrigins: ['https://app.example.com'] },
});

describe('cdk-nag AwsSolutions and Serverless packs', () => {
  test.each(authorizers)('report no unsuppressed finding on SecureLambdaApi with the %s authorizer', (_, authorizer) => {
    const { stack } = newApi(configured(authorizer));
    expect(nagFindings(stack, 'Api')).toEqual([]);
  });

  test('report no unsuppressed finding on ApiGatewayCloudWatchRole', () => {
    const { stack } = newApi(configured(() => undefined));
    expect(nagFindings(stack, 'CloudWatchRole')).toEqual([]);
  });

  test('the only suppressions are the reasoned ones the library documents', () => {
    const { stack } = newApi(configured(() => RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'] })));
    const suppressed = Object.entries(templateOf(stack).toJSON().Resources as Record<string, any>)
      .flatMap(([logicalId, resource]) => (resource.Metadata?.cdk_nag?.rules_to_suppress ?? [])
        .map((rule: { id: string; reason: string }) => {
          expect(rule.reason.length).toBeGreaterThan(80);
          return `${rule.id} ${logicalId.replace(/[0-9A-F]{8}$/, '')}`;
        }))
      .sort();
    expect(suppressed).toEqual([
      'AwsSolutions-APIG4 ApihealthGET',
      'AwsSolutions-COG4 ApihealthGET',
      'AwsSolutions-COG4 ApiitemsGET',
      'AwsSolutions-IAM5 ApiDefaultAuthorizerFunctionRoleDefaultPolicy',
      'AwsSolutions-IAM5 CloudWatchRole',
      'Serverless-LambdaAsyncFailureDestination ApiDefaultAuthorizerFunction',
      'Serverless-LambdaDLQ ApiDefaultAuthorizerFunction',
    ]);
  });
});
