import { Clock } from '../clock';
import { ConnectionRegistry, OpenConnection } from './connections';
import { MAX_MESSAGE_BYTES, SERVER_CLOSES } from './websocket-limits';

export interface ManagementResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const MANAGEMENT_PATH = /^\/([^/]+)\/@connections\/([^/]+)$/;

/**
 * The `@connections` management API of a WebSocket API, as `@aws-sdk/client-apigatewaymanagementapi` calls it at
 * `https://{apiId}.execute-api.{region}.amazonaws.com/{stage}`: `POST` sends the body to the connection as one
 * message, `GET` describes it, `DELETE` closes it. A connection that is not open answers 410 GoneException.
 * Requests are not checked for a signature: the functions calling it run with the runtime's credentials.
 * @returns undefined for a path that is not a `@connections` path
 */
export function handleManagementRequest(
  method: string, rawPath: string, body: Buffer, connections: ConnectionRegistry, clock: Clock,
): ManagementResponse | undefined {
  const match = MANAGEMENT_PATH.exec(rawPath);
  if (!match) return undefined;
  const [, stage, encodedId] = match;
  const connection = connections.get(decodeURIComponent(encodedId), decodeURIComponent(stage));
  if (!['POST', 'GET', 'DELETE'].includes(method)) {
    return error(403, 'ForbiddenException', 'Forbidden');
  }
  if (!connection) {
    return error(410, 'GoneException', '');
  }
  if (method === 'GET') {
    return json(200, describe(connection));
  }
  if (method === 'DELETE') {
    connections.close(connection, SERVER_CLOSES.DELETED);
    return { status: 204, headers: {}, body: '' };
  }
  if (body.length > MAX_MESSAGE_BYTES) {
    return error(413, 'PayloadTooLargeException', `Message too long. Max message size: ${MAX_MESSAGE_BYTES} bytes`);
  }
  connection.lastActiveAt = clock.now();
  const text = new TextDecoder('utf-8', { fatal: true });
  try {
    connection.socket.send(text.decode(body));
  } catch {
    connection.socket.send(body, { binary: true });
  }
  return { status: 200, headers: {}, body: '' };
}

/**
 * GetConnection's answer, in the wire's camelCase names (the SDK reads it as `ConnectedAt`, `Identity.SourceIp`,
 * `LastActiveAt`).
 */
function describe(connection: OpenConnection): Record<string, unknown> {
  const { connectedAt, sourceIp, userAgent } = connection.context;
  return {
    connectedAt: new Date(connectedAt).toISOString(),
    identity: { sourceIp, ...(userAgent !== undefined ? { userAgent } : {}) },
    lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
  };
}

function json(status: number, value: unknown): ManagementResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

function error(status: number, errorType: string, message: string): ManagementResponse {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': errorType }, body: JSON.stringify({ message }) };
}
