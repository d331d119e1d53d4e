import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { WebsocketConnectFunction } from '../../handlers/websocket-connect-function';
import {
  CONNECTION_ID_ATTRIBUTE, CONNECTION_TTL_ENV, CONNECTIONS_TABLE_ENV, DEFAULT_CONNECTION_TTL_SECONDS, EXPIRES_AT_ATTRIBUTE, MANAGEMENT_ENDPOINT_ENV,
} from '../../handlers/websocket-connections-config.lambda-shared';
import { WebsocketDisconnectFunction } from '../../handlers/websocket-disconnect-function';
import { createBundledFunction } from '../../private/bundled-function';
import { check } from '../../private/errors';
import { grantsPolicyOf } from '../../private/managed-policy-role';
import { nagFindingValue, NagSuppression, suppressNagRules } from '../../private/nag-suppressions';
import { checkSeconds } from '../../private/numbers';
import { ConnectionRegistryOptions } from '../secure-websocket-api-props';

/** DynamoDB deletes expired items within days, not seconds: shorter TTLs would only drop live connections. */
const MIN_TTL_SECONDS = 60;

const SYNCHRONOUS_DLQ_REASON = 'API Gateway invokes the $connect and $disconnect integrations synchronously (Lambda proxy, RequestResponse) and acts on the result itself; a dead-letter queue only ever receives failed asynchronous invocations.';
const SYNCHRONOUS_DESTINATION_REASON = 'API Gateway invokes the $connect and $disconnect integrations synchronously; on-failure destinations apply to asynchronous invocations only.';

/** The table of open connections and the bundled handlers that keep it. */
export interface ConnectionRegistry {
  readonly table: dynamodb.Table;
  readonly connectFunction: lambda.Function;
  readonly disconnectFunction: lambda.Function;
}

/**
 * Creates the table (on-demand, point-in-time recovery, encrypted, TTL on `expiresAt`) and the `$connect` and
 * `$disconnect` handlers, each with a role allowed one table action: PutItem, DeleteItem.
 */
export function createConnectionRegistry(scope: Construct, options: ConnectionRegistryOptions): ConnectionRegistry {
  const ttl = options.timeToLive ?? Duration.seconds(DEFAULT_CONNECTION_TTL_SECONDS);
  checkSeconds(scope, 'connectionRegistry.timeToLive', ttl, MIN_TTL_SECONDS, DEFAULT_CONNECTION_TTL_SECONDS);
  const table = new dynamodb.Table(scope, 'ConnectionTable', {
    partitionKey: { name: CONNECTION_ID_ATTRIBUTE, type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: options.encryptionKey ? dynamodb.TableEncryption.CUSTOMER_MANAGED : dynamodb.TableEncryption.AWS_MANAGED,
    encryptionKey: options.encryptionKey,
    timeToLiveAttribute: EXPIRES_AT_ATTRIBUTE,
    removalPolicy: options.removalPolicy ?? RemovalPolicy.DESTROY,
  });
  const logRetention = options.logRetention ?? logs.RetentionDays.ONE_YEAR;
  const environment = {
    [CONNECTIONS_TABLE_ENV]: table.tableName,
    [CONNECTION_TTL_ENV]: ttl.isUnresolved() ? Token.asString(ttl.toSeconds()) : String(ttl.toSeconds()),
  };
  const connectFunction = createBundledFunction(scope, 'ConnectFunction', WebsocketConnectFunction, {
    description: 'gatewaykit WebSocket connection registry: records each new connection ($connect)',
    roleDescription: 'Runs the gatewaykit $connect handler: puts items in its connections table, writes its own log group and X-Ray traces, nothing else',
    environment,
    logRetention,
    dlqReason: SYNCHRONOUS_DLQ_REASON,
    asyncFailureDestinationReason: SYNCHRONOUS_DESTINATION_REASON,
  });
  const disconnectFunction = createBundledFunction(scope, 'DisconnectFunction', WebsocketDisconnectFunction, {
    description: 'gatewaykit WebSocket connection registry: forgets each closed connection ($disconnect)',
    roleDescription: 'Runs the gatewaykit $disconnect handler: deletes items of its connections table, writes its own log group and X-Ray traces, nothing else',
    environment,
    logRetention,
    dlqReason: SYNCHRONOUS_DLQ_REASON,
    asyncFailureDestinationReason: SYNCHRONOUS_DESTINATION_REASON,
  });
  for (const [handler, action] of [[connectFunction, 'dynamodb:PutItem'], [disconnectFunction, 'dynamodb:DeleteItem']] as const) {
    grantTable(table, handler, action);
  }
  return { table, connectFunction, disconnectFunction };
}

/** The management endpoint of the API's stage and the `execute-api` ARNs of its `@connections` operations. */
export interface ManagementApi {
  readonly endpoint: string;
  /** `…/{stage}/{METHOD}/@connections/*` for each method route functions may call. */
  readonly connectionArns: string[];
}

/**
 * What a route function of an API with a registry gets: the table's name and the management endpoint in its
 * environment, read access and DeleteItem on the table (the runtime helper forgets connections that answer 410
 * Gone), and `execute-api:ManageConnections` to send to (POST) and close (DELETE) this stage's connections, the two
 * operations of the runtime helper.
 */
export function connectRouteFunction(
  errorScope: IConstruct, prop: string, handler: lambda.IFunction, registry: ConnectionRegistry, management: ManagementApi,
): void {
  check(handler instanceof lambda.Function, errorScope, 'RouteFunctionNotConfigurable', () =>
    `${prop}.handler is an imported function, alias or version (${handler.node.path}); with connectionRegistry every route function receives ${CONNECTIONS_TABLE_ENV} and ${MANAGEMENT_ENDPOINT_ENV} in its environment, which only a lambda.Function defined in this app can be given. Pass the function itself, or drop connectionRegistry and pass the table name and callbackUrl to the function yourself`);
  handler.addEnvironment(CONNECTIONS_TABLE_ENV, registry.table.tableName);
  handler.addEnvironment(MANAGEMENT_ENDPOINT_ENV, management.endpoint);
  registry.table.grantReadData(handler);
  grantTable(registry.table, handler, 'dynamodb:DeleteItem');
  grantManageConnections(handler, management.connectionArns);
}

/**
 * `execute-api:ManageConnections` on `connectionArns` (`…/@connections/*` of one stage), with the AwsSolutions-IAM5
 * suppression for exactly those ARNs on the policy the statement lands in.
 */
export function grantManageConnections(grantee: iam.IGrantable, connectionArns: string[]): iam.Grant {
  const grant = iam.Grant.addToPrincipal({ grantee, actions: ['execute-api:ManageConnections'], resourceArns: connectionArns });
  const policy = grantsPolicyOf(grantee.grantPrincipal);
  if (policy) {
    suppressNagRules(policy, [{
      id: 'AwsSolutions-IAM5',
      reason: 'API Gateway creates a connection id for each client at run time, so sending to and closing connections can only be granted with a wildcard for the connection id; the ARN is limited to the @connections resource of this API\'s stage.',
      appliesTo: connectionArns.map((arn) => `Resource::${nagFindingValue(policy, arn)}`),
    }]);
  }
  return grant;
}

/**
 * `action` on the table, and the use of its customer-managed key that DynamoDB makes on the caller's behalf, with the
 * suppression of the key statement's action wildcards.
 */
function grantTable(table: dynamodb.Table, grantee: lambda.Function, action: string): void {
  table.grant(grantee, action);
  if (table.encryptionKey) {
    table.encryptionKey.grantEncryptDecrypt(grantee);
    suppressKeyWildcards(grantee.grantPrincipal);
  }
}

/** `grantEncryptDecrypt` names `kms:ReEncrypt*` and `kms:GenerateDataKey*`, on the one key of the table. */
function suppressKeyWildcards(principal: iam.IPrincipal): void {
  const suppression: NagSuppression = {
    id: 'AwsSolutions-IAM5',
    reason: 'DynamoDB encrypts and decrypts items with the table\'s customer-managed key on the caller\'s behalf; the statement is limited to that one key, and kms:ReEncrypt* and kms:GenerateDataKey* are the action families KMS documents for it.',
    appliesTo: ['Action::kms:ReEncrypt*', 'Action::kms:GenerateDataKey*'],
  };
  const policy = grantsPolicyOf(principal);
  if (policy) {
    suppressNagRules(policy, [suppression]);
  }
}
