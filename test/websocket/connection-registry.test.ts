import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { newWebSocketApi } from './support';
import { countOf, newFunction, templateOf } from '../support/fixtures';

const withRegistry = (extra: object = {}) => newWebSocketApi((handler) => ({
  connectionRegistry: {},
  routes: { sendMessage: { handler }, $default: { handler } },
  ...extra,
}));

/** The statements of the IAM policy attached to `fn`'s role. */
/** The statements of the role of `fn`, in its inline default policy (a function of yours) or its customer-managed policy (the library's). */
function statementsOf(stack: Stack, fn: lambda.IFunction) {
  const roleId = stack.getLogicalId(fn.role!.node.defaultChild as any);
  const policies = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']
    .flatMap((type) => Object.values(templateOf(stack).findResources(type, { Properties: { Roles: [{ Ref: roleId }] } })));
  return policies.flatMap((policy: any) => policy.Properties.PolicyDocument.Statement);
}

describe('connection registry', () => {
  test('creates an on-demand table keyed by connection id, with point-in-time recovery, encryption and a TTL attribute', () => {
    const { stack } = withRegistry();
    templateOf(stack).hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'connectionId', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  test('the table is deleted with the stack by default: connections are ephemeral', () => {
    const { stack } = withRegistry();
    templateOf(stack).hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  test('removalPolicy keeps the table', () => {
    const { stack } = withRegistry({ connectionRegistry: { removalPolicy: RemovalPolicy.RETAIN } });
    templateOf(stack).hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });

  test('encryptionKey encrypts the table with a customer-managed key', () => {
    const { stack, api } = newWebSocketApi((handler, scope) => ({
      connectionRegistry: { encryptionKey: new kms.Key(scope, 'Key', { enableKeyRotation: true }) },
      routes: { sendMessage: { handler } },
    }));
    templateOf(stack).hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: stack.resolve(api.connectionTable!.encryptionKey!.keyArn) },
    });
  });

  test('$connect and $disconnect are served by the bundled handlers', () => {
    const { stack, api } = withRegistry();
    for (const [routeKey, fn] of [['$connect', api.connectFunction!], ['$disconnect', api.disconnectFunction!]] as const) {
      const integrationId = Object.keys(templateOf(stack).findResources('AWS::ApiGatewayV2::Integration', {
        Properties: { IntegrationUri: { 'Fn::Join': ['', Match.arrayWith([stack.resolve(fn.functionArn)])] } },
      }))[0];
      templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
      });
    }
  });

  test('the registry\'s $connect keeps the API\'s authorizer', () => {
    const { stack } = withRegistry();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'AWS_IAM' });
  });

  test('route options without a handler still apply to the registry\'s routes', () => {
    const { stack } = withRegistry({ routes: { $connect: { isPublic: true, throttle: { rateLimit: 5 } }, $disconnect: {} } });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'NONE' });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: { $connect: Match.objectLike({ ThrottlingRateLimit: 5 }) },
    });
  });

  test('the bundled handlers know the table and the TTL, trace with X-Ray and log to their own log groups', () => {
    const { stack, api } = withRegistry({ connectionRegistry: { timeToLive: Duration.minutes(30) } });
    for (const fn of [api.connectFunction!, api.disconnectFunction!]) {
      const id = stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction);
      templateOf(stack).hasResource('AWS::Lambda::Function', {
        Properties: Match.objectLike({
          Environment: {
            Variables: Match.objectLike({
              GATEWAYKIT_CONNECTIONS_TABLE: stack.resolve(api.connectionTable!.tableName),
              GATEWAYKIT_CONNECTION_TTL_SECONDS: '1800',
            }),
          },
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp(`^${id.slice(0, -8)}Logs`) } },
        }),
      });
    }
  });

  test('the registry keeps connections for 2 hours by default, the longest a connection lasts', () => {
    const { stack } = withRegistry();
    templateOf(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ GATEWAYKIT_CONNECTION_TTL_SECONDS: '7200' }) },
    });
  });

  test('the $connect handler may only put items in the table, the $disconnect handler only delete them', () => {
    const { stack, api } = withRegistry();
    const tableArn = stack.resolve(api.connectionTable!.tableArn);
    expect(statementsOf(stack, api.connectFunction!)).toContainEqual({ Action: 'dynamodb:PutItem', Effect: 'Allow', Resource: [tableArn] });
    expect(statementsOf(stack, api.disconnectFunction!)).toContainEqual({ Action: 'dynamodb:DeleteItem', Effect: 'Allow', Resource: [tableArn] });
    const actions = (fn: lambda.IFunction) => statementsOf(stack, fn).flatMap((s: any) => [s.Action].flat());
    expect(actions(api.connectFunction!)).not.toContain('dynamodb:DeleteItem');
    expect(actions(api.disconnectFunction!)).not.toContain('dynamodb:PutItem');
  });

  test('every route function gets the table and management endpoint in its environment', () => {
    const { stack, api, fn } = withRegistry();
    templateOf(stack).hasResourceProperties('AWS::Lambda::Function', {
      Role: stack.resolve(fn.role!.roleArn),
      Environment: {
        Variables: {
          GATEWAYKIT_CONNECTIONS_TABLE: stack.resolve(api.connectionTable!.tableName),
          GATEWAYKIT_MANAGEMENT_ENDPOINT: stack.resolve(api.callbackUrl),
        },
      },
    });
  });

  test('every route function may read the table, delete its items, and send to and close this stage\'s connections', () => {
    const { stack, api, fn } = withRegistry();
    const statements = statementsOf(stack, fn);
    expect(statements).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query']) }));
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'dynamodb:DeleteItem' }));
    expect(statements).toContainEqual({
      Action: 'execute-api:ManageConnections',
      Effect: 'Allow',
      Resource: [
        { 'Fn::Join': ['', expect.arrayContaining([stack.resolve(api.webSocketApi.apiId), '/prod/POST/@connections/*'])] },
        { 'Fn::Join': ['', expect.arrayContaining([stack.resolve(api.webSocketApi.apiId), '/prod/DELETE/@connections/*'])] },
      ],
    });
  });

  test('a function serving several routes is configured once', () => {
    const { stack, fn } = withRegistry();
    const manageConnections = statementsOf(stack, fn).filter((s: any) => s.Action === 'execute-api:ManageConnections');
    expect(manageConnections).toHaveLength(1);
  });

  test('with a customer-managed key, every function may use the key through DynamoDB', () => {
    const { stack, api, fn } = newWebSocketApi((handler, scope) => ({
      connectionRegistry: { encryptionKey: new kms.Key(scope, 'Key', { enableKeyRotation: true }) },
      routes: { sendMessage: { handler } },
    }));
    const keyArn = stack.resolve(api.connectionTable!.encryptionKey!.keyArn);
    for (const grantee of [fn, api.connectFunction!, api.disconnectFunction!]) {
      expect(statementsOf(stack, grantee)).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['kms:Decrypt']), Resource: keyArn }));
    }
  });

  test('without a registry, route functions get no table access, environment or management permission', () => {
    const { stack, fn, api } = newWebSocketApi((handler) => ({ routes: { sendMessage: { handler } } }));
    expect(api.connectionTable).toBeUndefined();
    expect(countOf(stack, 'AWS::DynamoDB::Table')).toBe(0);
    expect(statementsOf(stack, fn).filter((s: any) => s.Action === 'execute-api:ManageConnections')).toEqual([]);
  });

  test('routes added with addRoute are configured as well', () => {
    const { stack, api } = withRegistry();
    const late = newFunction(Stack.of(api), 'Late');
    api.addRoute('late', { handler: late });
    expect(statementsOf(stack, late)).toContainEqual(expect.objectContaining({ Action: 'execute-api:ManageConnections' }));
  });
});
