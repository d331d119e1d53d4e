import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { WebSocketApiAuthorizer } from '../authorizers/websocket-authorizer';
import { ApiKeySource } from '../common/api-key-source';
import { ApiMonitoringOptions } from '../common/monitoring-options';
import { ThrottleSettings } from '../common/throttle';
import { ApiGatewayCloudWatchRole } from '../logging/api-gateway-cloudwatch-role';
import { TierOptions } from '../usage-plans/tier-options';
import { CustomerOptions } from '../usage-plans/usage-customer';

/**
 * One route of a WebSocket API: `$connect` (a client opens a connection), `$disconnect` (it closed), `$default` (a
 * message no other route matches) or a custom key, the value the route selection expression evaluates to for a
 * message (e.g. `sendMessage`).
 */
export interface WebSocketApiRouteOptions {
  /**
   * The Lambda function serving the route through a Lambda proxy integration.
   * @default - required on every route except `$connect`, which then accepts every connection its authorizer allows
   * (or registers it, with `connectionRegistry`), and `$disconnect` with `connectionRegistry`, which the registry
   * serves
   */
  readonly handler?: lambda.IFunction;
  /**
   * Make the route two-way: API Gateway sends what the function returns (its `body`) back to the client as a message
   * (a `$default` route response). Not available on `$connect` and `$disconnect`, which carry no messages.
   * @default false
   */
  readonly returnResponse?: boolean;
  /**
   * The authorizer of the connection, replacing the API's `authorizer`; `$connect` only, the one route API Gateway
   * authorizes.
   * @default - the API's `authorizer`
   */
  readonly authorizer?: WebSocketApiAuthorizer;
  /**
   * Accept connections without authorization; `$connect` only. Connections are authorized unless this is set.
   * @default false
   */
  readonly isPublic?: boolean;
  /**
   * Throttling of the route, replacing the stage's `throttle`.
   * @default - the stage's `throttle`
   */
  readonly throttle?: ThrottleSettings;
  /**
   * Whether API Gateway requires a valid API key of one of the API's tiers, read as `apiKeySource` says, before it
   * runs the route. With the key in a header (`x-api-key`), clients send it on the `$connect` handshake.
   * @default - with tiers, true on every route but `$disconnect` (API Gateway must always reach `$disconnect`, or the
   * connection's clean-up is lost); without tiers, false
   */
  readonly apiKeyRequired?: boolean;
}

/**
 * The connection registry: a DynamoDB table of open connections, kept by bundled `$connect` and `$disconnect`
 * handlers, that route functions read to send to one connection, broadcast, or close a connection
 * (`cdk-gatewaykit/lib/websocket-runtime`).
 */
export interface ConnectionRegistryOptions {
  /**
   * How long a registered connection is kept if its `$disconnect` never arrives (API Gateway delivers it on a best
   * effort basis), through the table's TTL attribute. From 1 minute to 2 hours, the longest a WebSocket connection
   * lasts.
   * @default Duration.hours(2)
   */
  readonly timeToLive?: Duration;
  /**
   * The customer-managed key encrypting the table.
   * @default - the AWS managed key of DynamoDB (`aws/dynamodb`)
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * What happens to the table when it leaves the stack. Connections are ephemeral (every item expires within
   * `timeToLive`, and a deleted API closes every connection), so nothing of value is lost by deleting it.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Retention of the log groups of the `$connect` and `$disconnect` handlers.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
}

/** Properties for {@link SecureWebSocketApi}. */
export interface SecureWebSocketApiProps {
  /**
   * Routes by route key: `$connect`, `$disconnect`, `$default` and custom keys, e.g.
   * `{ sendMessage: { handler: send } }`. More can be added with `addRoute`.
   * @default - no routes but `$connect`, which accepts every authorized connection
   */
  readonly routes?: { [routeKey: string]: WebSocketApiRouteOptions };
  /**
   * How connections are authorized, on `$connect` (the one route API Gateway authorizes), unless
   * `routes['$connect']` names its own authorizer or is public.
   * @default WebSocketApiAuthorizer.iam() - clients sign the handshake with SigV4 and are granted access with `grantConnect`
   */
  readonly authorizer?: WebSocketApiAuthorizer;
  /**
   * What API Gateway evaluates on each message to find its route key: variables of the message body,
   * `$request.body.<JSON path>` or `${request.body.<JSON path>}`, and static text.
   * @default '$request.body.action'
   */
  readonly routeSelectionExpression?: string;
  /**
   * Keep a registry of open connections in a DynamoDB table, served by bundled `$connect` and `$disconnect` handlers;
   * every route function can then send to connections, broadcast and close connections
   * (`cdk-gatewaykit/lib/websocket-runtime`). Set it, even to `{}`, to turn it on.
   * @default - no registry
   */
  readonly connectionRegistry?: ConnectionRegistryOptions;
  /**
   * Tiers of service by name (usage plans): the throttle and quota of each customer's API key. With tiers, routes
   * require an API key (see `apiKeyRequired`). More can be added with `addTier`.
   * @default - no tiers, and no API keys
   */
  readonly tiers?: { [tierName: string]: TierOptions };
  /**
   * Customers by id, each with an API key bound to one tier. More can be added with `addCustomer`.
   * @default - no customers
   */
  readonly customers?: { [customerId: string]: CustomerOptions };
  /**
   * Where API Gateway reads the API key (the API's key selection expression): the `x-api-key` header of the
   * handshake, or the `usageIdentifierKey` the `$connect` authorizer returns. Applies once the API has tiers.
   * @default ApiKeySource.HEADER
   */
  readonly apiKeySource?: ApiKeySource;
  /**
   * Name of the API.
   * @default - the construct's id
   */
  readonly apiName?: string;
  /**
   * Description of the API.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Name of the stage, the last part of `url`.
   * @default 'prod'
   */
  readonly stageName?: string;
  /**
   * Stage variables, passed to every route in `requestContext` and usable in identity sources.
   * @default - no stage variables
   */
  readonly stageVariables?: { [name: string]: string };
  /**
   * Default throttling of every route: connections and messages per second, across clients.
   * @default - 1,000 requests per second with bursts of 2,000
   */
  readonly throttle?: ThrottleSettings;
  /**
   * Execution logging level of every route. Message bodies are never logged (data tracing is off).
   * @default apigateway.MethodLoggingLevel.ERROR
   */
  readonly loggingLevel?: apigateway.MethodLoggingLevel;
  /**
   * Retention of the stage's access log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly accessLogRetention?: logs.RetentionDays;
  /**
   * The account's CloudWatch role setting, deployed before this API's stage.
   * @default - the `ApiGatewayCloudWatchRole` of this app and region if there is one; otherwise the account is
   * assumed to be configured already, and a warning says so
   */
  readonly cloudWatchRole?: ApiGatewayCloudWatchRole;
  /**
   * A CloudWatch dashboard and alarms (`monitoring`) for the API: messages, connections, client, execution and
   * integration errors and integration latency percentiles of the stage, and the routes listed.
   * @default - no dashboard and no alarms
   */
  readonly monitoring?: ApiMonitoringOptions;
}
