import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { newWebSocketApi } from './support';
import { SecureWebSocketApiProps, WebSocketApiAuthorizer } from '../../src';
import { newFunction, templateOf } from '../support/fixtures';
import { fixtureFunction, nagFindings, nagSuppressions } from '../support/nag';

/** What the tests create themselves: the route handler, the function of the Lambda authorizer, the customer key. */
const FIXTURES = [...fixtureFunction('Handler'), ...fixtureFunction('AuthorizerHandler'), 'Key'];

type Configure = (handler: lambda.Function, stack: Stack) => SecureWebSocketApiProps;

const messageRoutes: Configure = (handler) => ({ routes: { sendMessage: { handler, returnResponse: true }, $default: { handler } } });
const authorizers: Array<[string, (stack: Stack) => WebSocketApiAuthorizer | undefined]> = [
  ['IAM (the default)', () => undefined],
  ['Lambda REQUEST', (stack) => WebSocketApiAuthorizer.request(newFunction(stack, 'AuthorizerHandler'), { identitySources: ['route.request.querystring.token'] })],
  ['bundled JWT', () => WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['chat'] })],
];

describe('cdk-nag AwsSolutions and Serverless packs', () => {
  test('report no unsuppressed finding in the stack of a SecureWebSocketApi in its default configuration', () => {
    const { stack } = newWebSocketApi();
    expect(nagFindings(stack, { fixtures: FIXTURES })).toEqual([]);
  });

  test.each(authorizers)('report no unsuppressed finding in the stack with the %s authorizer and message routes', (_, authorizer) => {
    const { stack } = newWebSocketApi((handler, scope) => ({ ...messageRoutes(handler, scope), authorizer: authorizer(scope) }));
    expect(nagFindings(stack, { fixtures: FIXTURES })).toEqual([]);
  });

  test('report no unsuppressed finding in the stack with the connection registry', () => {
    const { stack } = newWebSocketApi((handler, scope) => ({ ...messageRoutes(handler, scope), connectionRegistry: {} }));
    expect(nagFindings(stack, { fixtures: FIXTURES })).toEqual([]);
  });

  test('report no unsuppressed finding in the stack with the connection registry encrypted by a customer-managed key', () => {
    const { stack } = newWebSocketApi((handler, scope) => ({
      ...messageRoutes(handler, scope),
      connectionRegistry: { encryptionKey: new kms.Key(scope, 'Key', { enableKeyRotation: true }) },
    }));
    expect(nagFindings(stack, { fixtures: FIXTURES })).toEqual([]);
  });

  test('report no unsuppressed finding with tiers, customers and a public $connect', () => {
    const { stack } = newWebSocketApi((handler, scope) => ({
      ...messageRoutes(handler, scope),
      routes: { $connect: { isPublic: true }, sendMessage: { handler, throttle: { rateLimit: 10 } } },
      tiers: { free: { quota: { limit: 100, period: apigateway.Period.DAY } }, pro: { throttle: { rateLimit: 10, burstLimit: 20 } } },
      customers: { acme: { tier: 'pro' }, globex: { tier: 'free' } },
    }));
    expect(nagFindings(stack, { fixtures: FIXTURES })).toEqual([]);
  });

  test('the only suppressions are the reasoned ones the library documents', () => {
    const { stack, api } = newWebSocketApi((handler, scope) => ({
      ...messageRoutes(handler, scope),
      authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['chat'] }),
      connectionRegistry: { encryptionKey: new kms.Key(scope, 'Key', { enableKeyRotation: true }) },
    }));
    const suppressed = nagSuppressions(stack, (reason) => expect(reason.length).toBeGreaterThan(80), { appliesTo: true });
    const connections = (method: string) => `Resource::arn:<AWS::Partition>:execute-api:eu-west-1:123456789012:<${stack.resolve(api.webSocketApi.apiId).Ref}>/prod/${method}/@connections/*`;
    expect(suppressed).toEqual([
      'AwsSolutions-APIG4 ApiRoutedefault',
      'AwsSolutions-APIG4 ApiRoutedisconnect',
      'AwsSolutions-APIG4 ApiRoutesendMessage',
      'AwsSolutions-IAM5 ApiConnectAuthorizerFunctionRolePolicy Resource::*',
      'AwsSolutions-IAM5 ApiConnectFunctionRolePolicy Action::kms:ReEncrypt*,Action::kms:GenerateDataKey*',
      'AwsSolutions-IAM5 ApiConnectFunctionRolePolicy Resource::*',
      'AwsSolutions-IAM5 ApiDisconnectFunctionRolePolicy Action::kms:ReEncrypt*,Action::kms:GenerateDataKey*',
      'AwsSolutions-IAM5 ApiDisconnectFunctionRolePolicy Resource::*',
      'AwsSolutions-IAM5 CloudWatchRolePushToCloudWatchLogs Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:*,Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:*:log-stream:*',
      'AwsSolutions-IAM5 HandlerServiceRoleDefaultPolicy Action::kms:ReEncrypt*,Action::kms:GenerateDataKey*',
      `AwsSolutions-IAM5 HandlerServiceRoleDefaultPolicy ${connections('POST')},${connections('DELETE')}`,
      'HIPAA.Security-LambdaConcurrency ApiConnectAuthorizerFunction',
      'HIPAA.Security-LambdaDLQ ApiConnectAuthorizerFunction',
      'HIPAA.Security-LambdaDLQ ApiConnectFunction',
      'HIPAA.Security-LambdaDLQ ApiDisconnectFunction',
      'HIPAA.Security-LambdaInsideVPC ApiConnectAuthorizerFunction',
      'NIST.800.53.R5-LambdaConcurrency ApiConnectAuthorizerFunction',
      'NIST.800.53.R5-LambdaDLQ ApiConnectAuthorizerFunction',
      'NIST.800.53.R5-LambdaDLQ ApiConnectFunction',
      'NIST.800.53.R5-LambdaDLQ ApiDisconnectFunction',
      'NIST.800.53.R5-LambdaInsideVPC ApiConnectAuthorizerFunction',
      'PCI.DSS.321-LambdaInsideVPC ApiConnectAuthorizerFunction',
      'Serverless-LambdaAsyncFailureDestination ApiConnectAuthorizerFunction',
      'Serverless-LambdaAsyncFailureDestination ApiConnectFunction',
      'Serverless-LambdaAsyncFailureDestination ApiDisconnectFunction',
      'Serverless-LambdaDLQ ApiConnectAuthorizerFunction',
      'Serverless-LambdaDLQ ApiConnectFunction',
      'Serverless-LambdaDLQ ApiDisconnectFunction',
    ]);
  });

  test('grantManageConnections suppresses the connection id wildcard it grants, and nothing else, on the grantee\'s policy', () => {
    const { stack, api } = newWebSocketApi(messageRoutes);
    const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });

    api.grantManageConnections(operator);

    expect(nagFindings(stack, { fixtures: [...FIXTURES, 'Operator/Resource'] })).toEqual([]);
    expect(nagSuppressions(stack, () => undefined, { appliesTo: true }).filter((suppression) => suppression.includes('Operator'))).toEqual([
      `AwsSolutions-IAM5 OperatorDefaultPolicy Resource::arn:<AWS::Partition>:execute-api:eu-west-1:123456789012:<${stack.resolve(api.webSocketApi.apiId).Ref}>/prod/*/@connections/*`,
    ]);
  });

  test('a public $connect is the one authorization suppression on $connect', () => {
    const { stack } = newWebSocketApi(() => ({ routes: { $connect: { isPublic: true } } }));
    const connect = Object.values(templateOf(stack).findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: '$connect' } }))[0] as any;
    expect(connect.Metadata.cdk_nag.rules_to_suppress).toEqual([
      { id: 'AwsSolutions-APIG4', reason: expect.stringMatching(/declared '\$connect' public explicitly \(isPublic: true\)/) },
    ]);
  });
});
