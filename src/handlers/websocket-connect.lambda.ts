import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createLogger, errorFields } from './log.lambda-shared';
import { ConnectionRegistryConfig, readConnectionRegistryConfig } from './websocket-connections-config.lambda-shared';
import { misconfiguredHandler, readConnectionEvent } from './websocket-event.lambda-shared';
import { connectionItem } from './websocket-registry.lambda-shared';

/**
 * The connection registry's `$connect` handler: records each accepted connection in the connections table, with
 * the authorizer's `principalId` and a TTL, so that route handlers can send to it or broadcast. It fails closed: an
 * event it cannot read gets a non-2xx answer and a failed write throws, and either way API Gateway refuses the
 * connection rather than accept one the registry does not know.
 */
export interface ConnectHandlerDependencies {
  readonly dynamoDb: DynamoDBClient;
  readonly config: ConnectionRegistryConfig;
  /**
   * The clock, in epoch milliseconds.
   * @default Date.now
   */
  readonly now?: () => number;
}

export interface ConnectResult {
  readonly statusCode: number;
}

export type ConnectHandler = (event: unknown) => Promise<ConnectResult>;

/** The answer to an event that is not a `$connect` event with a connection id: any non-2xx refuses the connection. */
export const MALFORMED_EVENT_STATUS = 400;

const log = createLogger('gatewaykit-websocket-connect');

export function connectHandlerWith(dependencies: ConnectHandlerDependencies): ConnectHandler {
  const now = dependencies.now ?? Date.now;
  const { tableName, ttlSeconds } = dependencies.config;
  return async (event) => {
    const connection = readConnectionEvent(event, 'CONNECT');
    if ('problem' in connection) {
      log('ERROR', { outcome: 'refused', reason: connection.problem });
      return { statusCode: MALFORMED_EVENT_STATUS };
    }
    const { connectionId, principalId, requestId } = connection;
    try {
      await dependencies.dynamoDb.send(new PutItemCommand({
        TableName: tableName,
        Item: connectionItem({ connectionId, principalId, now: now(), ttlSeconds }),
      }));
    } catch (error) {
      log('ERROR', { outcome: 'failed', reason: 'put-item-failed', connectionId, requestId, tableName, ...errorFields(error) });
      throw error;
    }
    log('INFO', { outcome: 'registered', connectionId, requestId, authorized: principalId !== undefined });
    return { statusCode: 200 };
  };
}

let fromEnvironment: ConnectHandler | undefined;

/**
 * Built on the first invocation and kept for the life of the container. A configuration that cannot be used is
 * logged once and then refuses every connection (the thrown error makes API Gateway refuse it) rather than accept
 * connections the registry does not record.
 */
function environmentHandler(): ConnectHandler {
  if (!fromEnvironment) {
    try {
      fromEnvironment = connectHandlerWith({ dynamoDb: new DynamoDBClient({}), config: readConnectionRegistryConfig(process.env) });
    } catch (error) {
      fromEnvironment = misconfiguredHandler(log, '$connect', 'refused', error);
    }
  }
  return fromEnvironment;
}

export async function handler(event: unknown): Promise<ConnectResult> {
  return environmentHandler()(event);
}
