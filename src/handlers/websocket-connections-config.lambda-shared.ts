/**
 * The contract between SecureWebSocketApi's connection registry, its bundled $connect/$disconnect handlers and the
 * runtime helper user handlers import (`cdk-gatewaykit/lib/websocket-runtime`).
 * No aws-cdk-lib import here: this file is bundled into Lambda assets.
 */

/** Environment variable holding the name of the DynamoDB table of open connections. */
export const CONNECTIONS_TABLE_ENV = 'GATEWAYKIT_CONNECTIONS_TABLE';

/** Environment variable holding the management API endpoint, `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`. */
export const MANAGEMENT_ENDPOINT_ENV = 'GATEWAYKIT_MANAGEMENT_ENDPOINT';

/** Environment variable holding how long, in seconds, a registered connection is kept before DynamoDB's TTL may delete it. */
export const CONNECTION_TTL_ENV = 'GATEWAYKIT_CONNECTION_TTL_SECONDS';

/** Partition key of the connections table: the API Gateway connection id. */
export const CONNECTION_ID_ATTRIBUTE = 'connectionId';

/** The table's TTL attribute: epoch seconds after which the item may be deleted. */
export const EXPIRES_AT_ATTRIBUTE = 'expiresAt';

/** When the `$connect` handler registered the connection, as an ISO 8601 string. */
export const CONNECTED_AT_ATTRIBUTE = 'connectedAt';

/** The `principalId` the `$connect` authorizer returned; absent when the route had no Lambda authorizer. */
export const PRINCIPAL_ID_ATTRIBUTE = 'principalId';

/** API Gateway closes every WebSocket connection after 2 hours, so a registration need not outlive that. */
export const DEFAULT_CONNECTION_TTL_SECONDS = 2 * 60 * 60;

/** The settings the bundled `$connect`/`$disconnect` handlers read from their environment. */
export interface ConnectionRegistryConfig {
  readonly tableName: string;
  readonly ttlSeconds: number;
}

/** The environment as Lambda gives it to a function. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Reads and validates the handlers' configuration, throwing a message that names the faulty variable. */
export function readConnectionRegistryConfig(env: Environment): ConnectionRegistryConfig {
  return { tableName: readTableName(env[CONNECTIONS_TABLE_ENV]), ttlSeconds: readConnectionTtl(env[CONNECTION_TTL_ENV]) };
}

/** A DynamoDB table name: 3 to 255 characters among `a-z A-Z 0-9 _ - .`. */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

export function readTableName(raw: string | undefined, source = CONNECTIONS_TABLE_ENV): string {
  if (raw === undefined || raw === '') {
    throw new Error(`${source} is not set: it must name the DynamoDB table of WebSocket connections`);
  }
  if (!TABLE_NAME.test(raw)) {
    throw new Error(`${source} must be a DynamoDB table name (3 to 255 characters among a-z, A-Z, 0-9, '_', '-', '.'), got ${JSON.stringify(raw)}`);
  }
  return raw;
}

/** Unset means {@link DEFAULT_CONNECTION_TTL_SECONDS}; anything else must be a whole, positive number of seconds. */
export function readConnectionTtl(raw: string | undefined): number {
  if (raw === undefined || raw === '') {
    return DEFAULT_CONNECTION_TTL_SECONDS;
  }
  const seconds = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    throw new Error(`${CONNECTION_TTL_ENV} must be a whole number of seconds of at least 1, got ${JSON.stringify(raw)}`);
  }
  return seconds;
}

export function readManagementEndpoint(raw: string | undefined, source = MANAGEMENT_ENDPOINT_ENV): string {
  if (raw === undefined || raw === '') {
    throw new Error(`${source} is not set: it must be the management API endpoint, https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`);
  }
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') {
    throw new Error(`${source} must be an https:// URL such as https://{api-id}.execute-api.{region}.amazonaws.com/{stage}, got ${JSON.stringify(raw)}`);
  }
  return raw;
}
