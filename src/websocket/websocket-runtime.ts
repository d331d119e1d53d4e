/**
 * Runtime helpers for the route handlers of a `SecureWebSocketApi` with a connection registry:
 * send to one connection, broadcast to every registered connection, close a connection. Connections that answer
 * 410 Gone are deleted from the registry on the way.
 *
 * ```ts
 * import { WebSocketConnections } from 'cdk-gatewaykit/lib/websocket-runtime';
 *
 * const connections = new WebSocketConnections(); // once per container: reads the environment the API sets
 *
 * export async function handler(event: { requestContext: { connectionId: string }; body?: string }) {
 *   await connections.broadcast({ from: event.requestContext.connectionId, text: event.body });
 *   return { statusCode: 200 };
 * }
 * ```
 *
 * A plain TypeScript module, not part of the jsii API: it imports neither aws-cdk-lib nor constructs, and its AWS SDK
 * clients (`@aws-sdk/client-dynamodb`, `@aws-sdk/client-apigatewaymanagementapi`) are the ones the Lambda Node.js
 * runtime provides.
 */
// The Lambda Node.js runtime provides the AWS SDK; user bundles keep it external, as NodejsFunction does by default.
import { ApiGatewayManagementApiClient, DeleteConnectionCommand, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { DeleteItemCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { createLogger, errorFields } from '../handlers/log.lambda-shared';
import {
  CONNECTIONS_TABLE_ENV,
  MANAGEMENT_ENDPOINT_ENV,
  readManagementEndpoint,
  readTableName,
} from '../handlers/websocket-connections-config.lambda-shared';
import { isConnectionId } from '../handlers/websocket-event.lambda-shared';
import {
  CONNECTION_PROJECTION,
  connectionKey,
  isExpired,
  Item,
  readConnectionItem,
  RegisteredConnection,
} from '../handlers/websocket-registry.lambda-shared';

export type { RegisteredConnection } from '../handlers/websocket-registry.lambda-shared';

/** What `send` and `broadcast` accept: a string or bytes are sent as they are, any other value as its JSON text. */
export type WebSocketMessage = string | Uint8Array | object | number | boolean | null;

/** How many messages `broadcast` has in flight at once unless told otherwise. */
export const DEFAULT_BROADCAST_CONCURRENCY = 10;

export interface WebSocketConnectionsOptions {
  /**
   * The connections table.
   * @default - the `GATEWAYKIT_CONNECTIONS_TABLE` environment variable, which SecureWebSocketApi sets on every route
   * function when `connectionRegistry` is on
   */
  readonly tableName?: string;
  /**
   * The management API endpoint, `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`. Not read when
   * `managementApi` is given.
   * @default - the `GATEWAYKIT_MANAGEMENT_ENDPOINT` environment variable, set like the table name
   */
  readonly endpoint?: string;
  /**
   * The DynamoDB client.
   * @default - a client for the function's region
   */
  readonly dynamoDb?: DynamoDBClient;
  /**
   * The management API client (its endpoint decides which API and stage messages go to).
   * @default - a client for `endpoint`
   */
  readonly managementApi?: ApiGatewayManagementApiClient;
  /**
   * How many messages `broadcast` has in flight at once.
   * @default 10
   */
  readonly concurrency?: number;
  /**
   * The clock, in epoch milliseconds, against which registrations expire.
   * @default Date.now
   */
  readonly now?: () => number;
}

export interface BroadcastOptions {
  /**
   * Connection ids not to send to, such as the sender's own.
   * @default - none
   */
  readonly exclude?: readonly string[];
  /**
   * Sends only to the connections for which this returns true (e.g. those of one `principalId`).
   * @default - every registered connection
   */
  readonly filter?: (connection: RegisteredConnection) => boolean;
}

export interface BroadcastResult {
  /** Messages API Gateway accepted. */
  readonly sent: number;
  /** Connections that answered 410 Gone; their registrations were deleted. */
  readonly gone: number;
  /** Sends that failed for another reason (throttling, payload too large, permissions); each is logged. */
  readonly failed: number;
}

const log = createLogger('gatewaykit-websocket-runtime');

/**
 * The connections registered by a SecureWebSocketApi's connection registry, and the management API to reach them.
 * Create one per container (outside the handler) so that its clients reuse their connections.
 */
export class WebSocketConnections {
  /** The DynamoDB table of registered connections. */
  public readonly tableName: string;
  private readonly dynamoDb: DynamoDBClient;
  private readonly managementApi: ApiGatewayManagementApiClient;
  private readonly concurrency: number;
  private readonly now: () => number;

  /** @throws when the table name or endpoint is neither given nor in the environment, or is malformed. */
  constructor(options: WebSocketConnectionsOptions = {}) {
    this.tableName = configured(options.tableName, 'tableName', CONNECTIONS_TABLE_ENV, readTableName);
    this.managementApi = options.managementApi
      ?? new ApiGatewayManagementApiClient({ endpoint: configured(options.endpoint, 'endpoint', MANAGEMENT_ENDPOINT_ENV, readManagementEndpoint) });
    this.dynamoDb = options.dynamoDb ?? new DynamoDBClient({});
    const concurrency = options.concurrency ?? DEFAULT_BROADCAST_CONCURRENCY;
    if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
      throw new Error(`WebSocketConnections: options.concurrency must be a whole number of at least 1, got ${concurrency}`);
    }
    this.concurrency = concurrency;
    this.now = options.now ?? Date.now;
  }

  /**
   * Sends one message to one connection.
   * @returns true when API Gateway accepted it; false when the connection is gone (410), whose registration is then deleted
   * @throws any other failure of PostToConnection, and a TypeError for a malformed connection id or a value with no JSON text
   */
  public async send(connectionId: string, data: WebSocketMessage): Promise<boolean> {
    assertConnectionId(connectionId, 'send');
    return this.post(connectionId, encode(data));
  }

  /**
   * Sends one message to every registered connection that has not expired, `concurrency` at a time. A failure on one
   * connection is counted and logged and does not stop the others; gone connections are deleted from the registry.
   * @throws when the registry cannot be read (Scan fails), or a TypeError for a value with no JSON text
   */
  public async broadcast(data: WebSocketMessage, options: BroadcastOptions = {}): Promise<BroadcastResult> {
    const payload = encode(data);
    const excluded = new Set(options.exclude ?? []);
    const counts = { sent: 0, gone: 0, failed: 0 };
    for await (const page of this.pages()) {
      const targets = page.filter((connection) => !excluded.has(connection.connectionId) && (options.filter?.(connection) ?? true));
      await forEachConcurrently(targets, this.concurrency, async ({ connectionId }) => {
        try {
          counts[await this.post(connectionId, payload) ? 'sent' : 'gone'] += 1;
        } catch (error) {
          counts.failed += 1;
          log('WARN', { operation: 'broadcast', outcome: 'failed', connectionId, ...errorFields(error) });
        }
      });
    }
    return counts;
  }

  /**
   * Closes a connection (API Gateway then invokes `$disconnect`) and deletes its registration.
   * @returns true when the connection was open; false when it was already gone (410)
   * @throws any other failure of DeleteConnection, and a TypeError for a malformed connection id
   */
  public async disconnect(connectionId: string): Promise<boolean> {
    assertConnectionId(connectionId, 'disconnect');
    let open = true;
    try {
      await this.managementApi.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    } catch (error) {
      if (!isGone(error)) {
        throw error;
      }
      open = false;
    }
    await this.forget(connectionId, 'disconnect');
    return open;
  }

  /** Every registered connection that has not expired, read page by page from the table. */
  public async *list(): AsyncGenerator<RegisteredConnection> {
    for await (const page of this.pages()) {
      yield* page;
    }
  }

  private async *pages(): AsyncGenerator<RegisteredConnection[]> {
    let exclusiveStartKey: Item | undefined;
    do {
      const page = await this.dynamoDb.send(new ScanCommand({
        TableName: this.tableName,
        ...CONNECTION_PROJECTION,
        ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
      }));
      const now = this.now();
      yield (page.Items ?? [])
        .map(readConnectionItem)
        .filter((connection): connection is RegisteredConnection => connection !== undefined && !isExpired(connection, now));
      exclusiveStartKey = page.LastEvaluatedKey;
    } while (exclusiveStartKey !== undefined);
  }

  /** True when sent, false when the connection is gone (and forgotten); throws otherwise. */
  private async post(connectionId: string, payload: string | Uint8Array): Promise<boolean> {
    try {
      await this.managementApi.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: payload }));
      return true;
    } catch (error) {
      if (!isGone(error)) {
        throw error;
      }
    }
    await this.forget(connectionId, 'send');
    return false;
  }

  /**
   * Deletes a registration. A failure is logged, not thrown: the connection is gone either way, and the item's TTL
   * removes it later.
   */
  private async forget(connectionId: string, operation: string): Promise<void> {
    try {
      await this.dynamoDb.send(new DeleteItemCommand({ TableName: this.tableName, Key: connectionKey(connectionId) }));
    } catch (error) {
      log('WARN', { operation, outcome: 'registration-not-deleted', connectionId, tableName: this.tableName, ...errorFields(error) });
    }
  }
}

/** True for the management API's answer to a connection that no longer exists: GoneException, HTTP 410. */
export function isGone(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { name, $metadata } = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } };
  return name === 'GoneException' || $metadata?.httpStatusCode === 410;
}

function configured(
  value: string | undefined, option: string, variable: string, read: (raw: string | undefined, source: string) => string,
): string {
  if (value !== undefined) {
    return read(value, `WebSocketConnections: options.${option}`);
  }
  try {
    return read(process.env[variable], variable);
  } catch (error) {
    throw new Error(`WebSocketConnections: ${(error as Error).message}. Pass options.${option}, or turn on connectionRegistry on the SecureWebSocketApi, which sets ${variable} on every route function`);
  }
}

function assertConnectionId(connectionId: unknown, operation: string): void {
  if (!isConnectionId(connectionId)) {
    throw new TypeError(`WebSocketConnections.${operation}: connectionId must be an API Gateway connection id (1 to 256 visible ASCII characters), got ${JSON.stringify(connectionId)}`);
  }
}

function encode(data: WebSocketMessage): string | Uint8Array {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    return data;
  }
  const json: string | undefined = JSON.stringify(data);
  if (json === undefined) {
    throw new TypeError(`WebSocketConnections: a ${typeof data} has no JSON text to send; pass a string, bytes or a JSON-serialisable value`);
  }
  return json;
}

/** Runs `run` over `items` with at most `limit` calls in flight; `run` must not throw. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
