import { formatRequestTime, newRequestIds } from '../gateway/request-ids';

/** What every event of one connection shares. */
export interface ConnectionContext {
  readonly apiId: string;
  /** `{apiId}.execute-api.{region}.amazonaws.com`: handlers build the @connections endpoint from it. */
  readonly domainName: string;
  readonly stage: string;
  readonly connectionId: string;
  /** Epoch milliseconds. */
  readonly connectedAt: number;
  readonly sourceIp: string;
  readonly userAgent?: string;
  /** The identity fields of an IAM-authorized connection (accessKey, accountId, caller, user, userArn). */
  readonly iamIdentity?: Readonly<Record<string, string>>;
  /** `$connect`'s authorizer result: principalId, integrationLatency and the context keys. */
  readonly authorizer?: Readonly<Record<string, unknown>>;
}

/** The handshake as the `$connect` event and the authorizer see it. */
export interface Handshake {
  /** Names in the client's casing, in order. */
  readonly headers: readonly (readonly [string, string])[];
  readonly query: readonly (readonly [string, string])[];
}

type EventType = 'CONNECT' | 'MESSAGE' | 'DISCONNECT';

/** `requestContext` of a WebSocket event, with new request ids. */
export function requestContext(connection: ConnectionContext, routeKey: string, eventType: EventType, now: number): Record<string, unknown> {
  const ids = newRequestIds();
  return {
    routeKey,
    eventType,
    extendedRequestId: ids.extendedRequestId,
    requestTime: formatRequestTime(now),
    messageDirection: 'IN',
    stage: connection.stage,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: now,
    identity: {
      ...connection.iamIdentity,
      sourceIp: connection.sourceIp,
      ...(connection.userAgent !== undefined ? { userAgent: connection.userAgent } : {}),
    },
    requestId: ids.requestId,
    domainName: connection.domainName,
    connectionId: connection.connectionId,
    apiId: connection.apiId,
    ...(connection.authorizer ? { authorizer: connection.authorizer } : {}),
  };
}

/** `headers`/`multiValueHeaders` and the query maps, present only when the handshake has some. */
export function handshakeFields(handshake: Handshake): Record<string, unknown> {
  return {
    headers: singleValues(handshake.headers),
    multiValueHeaders: multiValues(handshake.headers),
    ...(handshake.query.length > 0
      ? { queryStringParameters: singleValues(handshake.query), multiValueQueryStringParameters: multiValues(handshake.query) }
      : {}),
  };
}

export function connectEvent(connection: ConnectionContext, handshake: Handshake, now: number): Record<string, unknown> {
  return { ...handshakeFields(handshake), requestContext: requestContext(connection, '$connect', 'CONNECT', now), isBase64Encoded: false };
}

/** A text frame's message (binary frames close the connection before they are routed). */
export function messageEvent(connection: ConnectionContext, routeKey: string, data: Buffer, now: number): Record<string, unknown> {
  const context = requestContext(connection, routeKey, 'MESSAGE', now);
  return {
    requestContext: { ...context, messageId: newRequestIds().extendedRequestId },
    body: data.toString('utf8'),
    isBase64Encoded: false,
  };
}

export function disconnectEvent(
  connection: ConnectionContext, handshake: Handshake, code: number, reason: string, now: number,
): Record<string, unknown> {
  const context = requestContext(connection, '$disconnect', 'DISCONNECT', now);
  return {
    headers: singleValues(handshake.headers),
    multiValueHeaders: multiValues(handshake.headers),
    requestContext: { ...context, disconnectStatusCode: code, disconnectReason: reason },
    isBase64Encoded: false,
  };
}

/** The REQUEST authorizer's input for `$connect`. */
export function authorizerEvent(
  connection: ConnectionContext, handshake: Handshake, methodArn: string, stageVariables: Readonly<Record<string, string>>, now: number,
): Record<string, unknown> {
  return {
    type: 'REQUEST',
    methodArn,
    ...handshakeFields(handshake),
    stageVariables: Object.keys(stageVariables).length > 0 ? stageVariables : null,
    requestContext: requestContext(connection, '$connect', 'CONNECT', now),
  };
}

/** Duplicates keep the last value. */
function singleValues(pairs: readonly (readonly [string, string])[]): Record<string, string> {
  return Object.fromEntries(pairs);
}

function multiValues(pairs: readonly (readonly [string, string])[]): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [name, value] of pairs) {
    (values[name] ??= []).push(value);
  }
  return values;
}
