import { DeleteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createLogger, errorFields } from './log.lambda-shared';
import { CONNECTIONS_TABLE_ENV, readTableName } from './websocket-connections-config.lambda-shared';
import { misconfiguredHandler, readConnectionEvent } from './websocket-event.lambda-shared';
import { connectionKey } from './websocket-registry.lambda-shared';

/**
 * The connection registry's `$disconnect` handler: deletes the connection's item. API Gateway delivers `$disconnect`
 * at most once and ignores the answer, so an unreadable event is logged and answered rather than thrown; a failed
 * delete is logged and thrown so that it shows in the function's Errors metric (the item's TTL and the runtime
 * module's 410 cleanup remove it later).
 */
export interface DisconnectHandlerDependencies {
  readonly dynamoDb: DynamoDBClient;
  readonly tableName: string;
}

export interface DisconnectResult {
  readonly statusCode: number;
}

export type DisconnectHandler = (event: unknown) => Promise<DisconnectResult>;

/** The answer to an event that is not a `$disconnect` event with a connection id. */
export const MALFORMED_EVENT_STATUS = 400;

const log = createLogger('gatewaykit-websocket-disconnect');

export function disconnectHandlerWith(dependencies: DisconnectHandlerDependencies): DisconnectHandler {
  const { tableName } = dependencies;
  return async (event) => {
    const connection = readConnectionEvent(event, 'DISCONNECT');
    if ('problem' in connection) {
      log('ERROR', { outcome: 'ignored', reason: connection.problem });
      return { statusCode: MALFORMED_EVENT_STATUS };
    }
    const { connectionId, requestId } = connection;
    try {
      await dependencies.dynamoDb.send(new DeleteItemCommand({ TableName: tableName, Key: connectionKey(connectionId) }));
    } catch (error) {
      log('ERROR', { outcome: 'failed', reason: 'delete-item-failed', connectionId, requestId, tableName, ...errorFields(error) });
      throw error;
    }
    log('INFO', { outcome: 'unregistered', connectionId, requestId });
    return { statusCode: 200 };
  };
}

let fromEnvironment: DisconnectHandler | undefined;

/**
 * Built on the first invocation and kept for the life of the container. A configuration that cannot be used is
 * logged once and then fails every call with a message naming the faulty variable.
 */
function environmentHandler(): DisconnectHandler {
  if (!fromEnvironment) {
    try {
      fromEnvironment = disconnectHandlerWith({ dynamoDb: new DynamoDBClient({}), tableName: readTableName(process.env[CONNECTIONS_TABLE_ENV]) });
    } catch (error) {
      fromEnvironment = misconfiguredHandler(log, '$disconnect', 'failed', error);
    }
  }
  return fromEnvironment;
}

export async function handler(event: unknown): Promise<DisconnectResult> {
  return environmentHandler()(event);
}
