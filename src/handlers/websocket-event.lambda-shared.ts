/**
 * Reads what the connection registry needs from an API Gateway WebSocket event. API Gateway sends `$connect` and
 * `$disconnect` events with `requestContext.eventType` `CONNECT` / `DISCONNECT` and the connection id in
 * `requestContext.connectionId`; a Lambda authorizer's `principalId` arrives in `requestContext.authorizer.principalId`.
 * No aws-cdk-lib import here: this file is bundled into Lambda assets.
 */
import { errorFields, Logger, messageOf } from './log.lambda-shared';

export type ConnectionEventType = 'CONNECT' | 'DISCONNECT';

export interface ConnectionEvent {
  readonly connectionId: string;
  /** Absent when the route had no Lambda authorizer (IAM or public `$connect`). */
  readonly principalId?: string;
  /** API Gateway's request id, for correlating log lines. */
  readonly requestId?: string;
}

/** Why an event was not usable: a short category for the log, never request data. */
export interface MalformedConnectionEvent {
  readonly problem: 'not-an-object' | 'missing-request-context' | 'wrong-event-type' | 'missing-connection-id' | 'malformed-connection-id';
}

/** Connection ids are short base64-like strings (`L0SM9cOFvHcCIhw=`); this bounds them without guessing their alphabet. */
const CONNECTION_ID = /^[\x21-\x7e]{1,256}$/;

export function isConnectionId(value: unknown): value is string {
  return typeof value === 'string' && CONNECTION_ID.test(value);
}

export function readConnectionEvent(event: unknown, eventType: ConnectionEventType): ConnectionEvent | MalformedConnectionEvent {
  if (!isRecord(event)) {
    return { problem: 'not-an-object' };
  }
  const context = event.requestContext;
  if (!isRecord(context)) {
    return { problem: 'missing-request-context' };
  }
  if (context.eventType !== eventType) {
    return { problem: 'wrong-event-type' };
  }
  const connectionId = context.connectionId;
  if (connectionId === undefined || connectionId === null || connectionId === '') {
    return { problem: 'missing-connection-id' };
  }
  if (!isConnectionId(connectionId)) {
    return { problem: 'malformed-connection-id' };
  }
  const authorizer = context.authorizer;
  const principalId = isRecord(authorizer) && typeof authorizer.principalId === 'string' && authorizer.principalId !== ''
    ? authorizer.principalId : undefined;
  const requestId = typeof context.requestId === 'string' ? context.requestId : undefined;
  return { connectionId, ...(principalId !== undefined ? { principalId } : {}), ...(requestId !== undefined ? { requestId } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a registry handler becomes when its configuration cannot be used: the problem is logged once, at cold start,
 * and every call then fails with a message naming the faulty variable (a failed `$connect` makes API Gateway refuse
 * the connection, rather than accept one the registry would not know).
 * @param outcome how each failed call is logged: `refused` for `$connect`, `failed` for `$disconnect`
 */
export function misconfiguredHandler(log: Logger, routeKey: '$connect' | '$disconnect', outcome: string, error: unknown): () => Promise<never> {
  log('ERROR', { outcome: 'misconfigured', reason: 'invalid-config', ...errorFields(error) });
  const message = `the ${routeKey} handler of the connection registry is misconfigured: ${messageOf(error)}`;
  return async () => {
    log('ERROR', { outcome, reason: 'invalid-config' });
    throw new Error(message);
  };
}
