/**
 * The items of the connections table, written once here for the bundled handlers and the runtime module.
 * Raw DynamoDB attribute values, so that neither needs `@aws-sdk/lib-dynamodb`.
 * No aws-cdk-lib import here: this file is bundled into Lambda assets.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  CONNECTED_AT_ATTRIBUTE,
  CONNECTION_ID_ATTRIBUTE,
  EXPIRES_AT_ATTRIBUTE,
  PRINCIPAL_ID_ATTRIBUTE,
} from './websocket-connections-config.lambda-shared';

export type Item = Record<string, AttributeValue>;

/** One registered connection as the runtime module hands it to user code. */
export interface RegisteredConnection {
  readonly connectionId: string;
  /** When the `$connect` handler registered it, ISO 8601. */
  readonly connectedAt?: string;
  /** Epoch seconds after which DynamoDB's TTL may delete the item. */
  readonly expiresAt?: number;
  /** The `principalId` of the `$connect` authorizer. */
  readonly principalId?: string;
}

export interface NewConnection {
  readonly connectionId: string;
  readonly principalId?: string;
  /** Registration time, epoch milliseconds. */
  readonly now: number;
  readonly ttlSeconds: number;
}

/** The attributes a read needs, for a Scan's `ProjectionExpression` (every name goes through a placeholder). */
export const CONNECTION_PROJECTION = {
  ProjectionExpression: '#id, #connectedAt, #expiresAt, #principalId',
  ExpressionAttributeNames: {
    '#id': CONNECTION_ID_ATTRIBUTE,
    '#connectedAt': CONNECTED_AT_ATTRIBUTE,
    '#expiresAt': EXPIRES_AT_ATTRIBUTE,
    '#principalId': PRINCIPAL_ID_ATTRIBUTE,
  },
} as const;

export function connectionKey(connectionId: string): Item {
  return { [CONNECTION_ID_ATTRIBUTE]: { S: connectionId } };
}

export function connectionItem(connection: NewConnection): Item {
  return {
    ...connectionKey(connection.connectionId),
    [CONNECTED_AT_ATTRIBUTE]: { S: new Date(connection.now).toISOString() },
    [EXPIRES_AT_ATTRIBUTE]: { N: String(Math.floor(connection.now / 1000) + connection.ttlSeconds) },
    ...(connection.principalId !== undefined ? { [PRINCIPAL_ID_ATTRIBUTE]: { S: connection.principalId } } : {}),
  };
}

/** Reads an item back; `undefined` for an item without a usable connection id (written by something else). */
export function readConnectionItem(item: Item): RegisteredConnection | undefined {
  const connectionId = item[CONNECTION_ID_ATTRIBUTE]?.S;
  if (connectionId === undefined || connectionId === '') {
    return undefined;
  }
  const connectedAt = item[CONNECTED_AT_ATTRIBUTE]?.S;
  const expiresAt = item[EXPIRES_AT_ATTRIBUTE]?.N === undefined ? undefined : Number(item[EXPIRES_AT_ATTRIBUTE].N);
  const principalId = item[PRINCIPAL_ID_ATTRIBUTE]?.S;
  return {
    connectionId,
    ...(connectedAt !== undefined ? { connectedAt } : {}),
    ...(expiresAt !== undefined && Number.isFinite(expiresAt) ? { expiresAt } : {}),
    ...(principalId !== undefined ? { principalId } : {}),
  };
}

/** DynamoDB deletes expired items lazily (typically within days), so readers skip them themselves. */
export function isExpired(connection: RegisteredConnection, now: number): boolean {
  return connection.expiresAt !== undefined && connection.expiresAt * 1000 <= now;
}
