/**
 * API Gateway's WebSocket quotas and the answers it gives itself, in one table
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html#apigateway-execution-service-websocket-limits-table).
 * Bodies and close reasons marked uncertain are not documented word for word.
 */

/** A message (all its frames) may hold 128 KB; ws closes the connection with 1009 (message too big) beyond. */
export const MAX_MESSAGE_BYTES = 128 * 1024;
/**
 * A frame may hold 32 KB, so a larger message comes in several frames; a client sending a larger frame is closed with
 * 1009, as a larger message is (uncertain: whether AWS counts the frame's header in the 32 KB; the runtime counts the
 * payload).
 */
export const MAX_FRAME_BYTES = 32 * 1024;
/** A connection without a message in either direction for 10 minutes is closed. */
export const IDLE_TIMEOUT_MS = 10 * 60 * 1000;
/** A connection lasts at most 2 hours. */
export const MAX_CONNECTION_MS = 2 * 60 * 60 * 1000;
/** API Gateway's integration timeout for WebSocket APIs. */
export const INTEGRATION_TIMEOUT_MS = 29_000;

/** The handshake's refusals: status and JSON body (uncertain: AWS's bodies as seen by clients). */
export const HANDSHAKE_REFUSALS = {
  UNAUTHORIZED: { status: 401, body: '{"message":"Unauthorized"}' },
  FORBIDDEN: { status: 403, body: '{"message":"Forbidden"}' },
  AUTHORIZER_FAILURE: { status: 500, body: '{"message": null}' },
  INTEGRATION_FAILURE: { status: 500, body: '{"message": "Internal server error"}' },
  THROTTLED: { status: 429, body: '{"message":"Too Many Requests"}' },
  QUOTA_EXCEEDED: { status: 429, body: '{"message":"Limit Exceeded"}' },
} as const;
export type HandshakeRefusal = keyof typeof HANDSHAKE_REFUSALS;

/** Why the runtime closed a connection: close code and reason (uncertain: AWS's reason texts). */
export const SERVER_CLOSES = {
  IDLE: { code: 1001, reason: 'Going away' },
  LIFETIME: { code: 1001, reason: 'Going away' },
  DELETED: { code: 1000, reason: 'Connection closed by server' },
  SHUTDOWN: { code: 1001, reason: 'Going away' },
  FRAME_TOO_BIG: { code: 1009, reason: 'Frame size exceeds 32 KB' },
  /**
   * Incoming binary frames are refused with 1003
   * (https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-binary-media-types.html).
   */
  BINARY_FRAME: { code: 1003, reason: 'Binary frames are not supported' },
} as const;

/** The messages of error frames (uncertain: those of throttling and quotas are REST's gateway response messages). */
export const FRAME_MESSAGES = {
  FAILED: 'Internal server error',
  NO_ROUTE: 'Forbidden',
  THROTTLED: 'Too Many Requests',
  QUOTA_EXCEEDED: 'Limit Exceeded',
  TIMEOUT: 'Endpoint request timed out',
} as const;
type ErrorFrameMessage = typeof FRAME_MESSAGES[keyof typeof FRAME_MESSAGES];

/** The frame a client gets when its message cannot be delivered to a route (the connection stays open). */
export function errorFrame(message: ErrorFrameMessage, connectionId: string, requestId: string): string {
  return JSON.stringify({ message, connectionId, requestId });
}
