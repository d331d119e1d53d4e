import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ApiGatewayCloudWatchRole, SecureLambdaApi } from '../../src';
import { newFunction, newStack, templateOf } from '../support/fixtures';
import { COMPLIANCE_PACKS, nagFindings } from '../support/nag';

describe('ApiGatewayCloudWatchRole', () => {
  test('sets the account CloudWatch role and retains it when the stack is deleted', () => {
    const stack = newStack();
    const role = new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    templateOf(stack).hasResource('AWS::ApiGateway::Account', {
      Properties: { CloudWatchRoleArn: stack.resolve(role.role.roleArn) },
      DeletionPolicy: 'Retain',
    });
    templateOf(stack).hasResource('AWS::IAM::Role', { DeletionPolicy: 'Retain' });
  });

  test('its role is trusted by API Gateway, without AWS managed or inline policies', () => {
    const stack = newStack();
    const { role } = new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    const policy = role.node.scope!.node.findChild('PushToCloudWatchLogs') as iam.ManagedPolicy;
    templateOf(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'apigateway.amazonaws.com' } })] }),
      ManagedPolicyArns: [stack.resolve(policy.managedPolicyArn)],
      Policies: Match.absent(),
    });
  });

  test('its customer-managed policy allows the actions API Gateway writes logs with, on this account and region only', () => {
    const stack = newStack();
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    const logGroupArn = (suffix: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:log-group:*${suffix}`]] });
    templateOf(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
          Resource: [logGroupArn(''), logGroupArn(':log-stream:*')],
        }],
        Version: '2012-10-17',
      },
    });
  });

  test('its policy is retained with the role', () => {
    const stack = newStack();
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    templateOf(stack).hasResource('AWS::IAM::ManagedPolicy', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('the NIST 800-53 R5, HIPAA Security and PCI DSS 3.2.1 packs report no finding on it', () => {
    const stack = newStack();
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    expect(nagFindings(stack, { packs: COMPLIANCE_PACKS() })).toEqual([]);
  });

  test('uses the role given', () => {
    const stack = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Existing', 'arn:aws:iam::123456789012:role/apigw-logs');
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole', { role });
    templateOf(stack).resourceCountIs('AWS::IAM::Role', 0);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Account', { CloudWatchRoleArn: 'arn:aws:iam::123456789012:role/apigw-logs' });
  });

  test('a second one for the same account and region in one app is rejected', () => {
    const app = new App();
    const env = { account: '123456789012', region: 'eu-west-1' };
    new ApiGatewayCloudWatchRole(new Stack(app, 'A', { env }), 'CloudWatchRole');
    expect(() => new ApiGatewayCloudWatchRole(new Stack(app, 'B', { env }), 'CloudWatchRole'))
      .toThrow(/an ApiGatewayCloudWatchRole already exists at 'A\/CloudWatchRole' for region eu-west-1/);
  });

  test('one per region is allowed', () => {
    const app = new App();
    new ApiGatewayCloudWatchRole(new Stack(app, 'A', { env: { account: '123456789012', region: 'eu-west-1' } }), 'CloudWatchRole');
    const other = new ApiGatewayCloudWatchRole(new Stack(app, 'B', { env: { account: '123456789012', region: 'us-east-1' } }), 'CloudWatchRole');
    expect(ApiGatewayCloudWatchRole.find(other)).toBe(other);
  });

  test('a stage in the same stack depends on it, even when declared after the API', () => {
    const stack = newStack();
    new SecureLambdaApi(stack, 'Api', { routes: { 'GET /items': { handler: newFunction(stack) } } });
    const role = new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    templateOf(stack).hasResource('AWS::ApiGateway::Stage', {
      DependsOn: Match.arrayWith([stack.getLogicalId(role.account)]),
    });
  });

  test('an API in another stack makes its stack depend on the role\'s stack', () => {
    const app = new App();
    const env = { account: '123456789012', region: 'eu-west-1' };
    const shared = new Stack(app, 'Shared', { env });
    new ApiGatewayCloudWatchRole(shared, 'CloudWatchRole');
    const apiStack = new Stack(app, 'ApiStack', { env });
    new SecureLambdaApi(apiStack, 'Api', { routes: { 'GET /items': { handler: newFunction(apiStack) } } });
    app.synth();
    expect(apiStack.dependencies).toContain(shared);
  });

  test('without one, the API warns that execution logging needs the account to be configured', () => {
    const stack = newStack();
    new SecureLambdaApi(stack, 'Api', { routes: { 'GET /items': { handler: newFunction(stack) } } });
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('No ApiGatewayCloudWatchRole in this app'));
  });
});
