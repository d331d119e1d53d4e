import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { withEnvironment } from '../support/environment';

export const API_ID = 'abc123defg';
export const STAGE = 'prod';
export const CONNECTION_ID = 'L0SM9cOFvHcCIhw=';
export const TABLE_NAME = 'TestStack-ConnectionsTable-1ABCDEF';
export const ENDPOINT = `https://${API_ID}.execute-api.eu-west-1.amazonaws.com/${STAGE}`;
export const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEyMyJ9.c2lnbmF0dXJl';
/** 2026-01-02T03:04:05.678Z */
export const NOW = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
export const NOW_SECONDS = Math.floor(NOW / 1000);

type EventType = 'CONNECT' | 'DISCONNECT' | 'MESSAGE';

const ROUTE_KEYS: Record<EventType, string> = { CONNECT: '$connect', DISCONNECT: '$disconnect', MESSAGE: '$default' };

/**
 * A WebSocket Lambda proxy event as API Gateway sends it (requestContext as in the developer guide's WebSocket
 * examples), with a token in the query string and an Authorization header, so that tests can prove neither is logged.
 * `context` replaces or (with `undefined`) removes fields of requestContext.
 */
export function webSocketEvent(eventType: EventType, context: Record<string, unknown> = {}): Record<string, unknown> {
  const requestContext: Record<string, unknown> = {
    routeKey: ROUTE_KEYS[eventType],
    eventType,
    extendedRequestId: 'Ax1b2EFoAMFx3Q=',
    requestTime: '02/Jan/2026:03:04:05 +0000',
    messageDirection: 'IN',
    stage: STAGE,
    connectedAt: NOW - 5,
    requestTimeEpoch: NOW,
    identity: { sourceIp: '203.0.113.7' },
    requestId: 'Ax1b2EFoAMFx3Q=',
    domainName: `${API_ID}.execute-api.eu-west-1.amazonaws.com`,
    connectionId: CONNECTION_ID,
    apiId: API_ID,
    ...context,
  };
  return {
    headers: { 'Host': `${API_ID}.execute-api.eu-west-1.amazonaws.com`, 'Authorization': `Bearer ${TOKEN}`, 'Sec-WebSocket-Version': '13' },
    multiValueHeaders: { 'Host': [`${API_ID}.execute-api.eu-west-1.amazonaws.com`], 'Authorization': [`Bearer ${TOKEN}`], 'Sec-WebSocket-Version': ['13'] },
    queryStringParameters: { token: TOKEN },
    multiValueQueryStringParameters: { token: [TOKEN] },
    requestContext: Object.fromEntries(Object.entries(requestContext).filter(([, value]) => value !== undefined)),
    isBase64Encoded: false,
  };
}

/** A Lambda authorizer's output as API Gateway adds it to the `$connect` event: principalId, context values, latency. */
export function authorizerContext(principalId: string): Record<string, unknown> {
  return { authorizer: { principalId, integrationLatency: 42, email: 'user@example.com' } };
}

/** A connections table item as the `$connect` handler writes it. */
export function registeredItem(connectionId: string, expiresAt = NOW_SECONDS + 3600, principalId?: string): Record<string, AttributeValue> {
  return {
    connectionId: { S: connectionId },
    connectedAt: { S: new Date(NOW).toISOString() },
    expiresAt: { N: String(expiresAt) },
    ...(principalId !== undefined ? { principalId: { S: principalId } } : {}),
  };
}

/** Captures console.log lines (the handlers' JSON logs) instead of printing them. */
export function captureJsonLogs(): { records: () => Record<string, unknown>[]; text: () => string } {
  const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  return {
    records: () => spy.mock.calls.map((args) => JSON.parse(String(args[0]))),
    text: () => spy.mock.calls.map((args) => args.map(String).join(' ')).join('\n'),
  };
}

export function awsError(name: string, message: string, httpStatusCode?: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}

/**
 * A fresh copy of a handler module, as in a new Lambda container whose environment is `env` (undone by
 * `restoreEnvironments()`), with the DynamoDB client of that copy stubbed to answer every command with `{}` (the copy
 * has its own `@aws-sdk/client-dynamodb`, which the test file's stub misses).
 */
export function coldStart<T extends object>(
  modulePath: string,
  env: Record<string, string | undefined>,
): { readonly module: T; readonly dynamoDb: AwsClientStub<DynamoDBClient> } {
  withEnvironment(env);
  let loaded: { module: T; dynamoDb: AwsClientStub<DynamoDBClient> } | undefined;
  jest.isolateModules(() => {
    const sdk = jest.requireActual<typeof import('@aws-sdk/client-dynamodb')>('@aws-sdk/client-dynamodb');
    const dynamoDb = mockClient(sdk.DynamoDBClient);
    dynamoDb.resolves({});
    loaded = { module: jest.requireActual<T>(modulePath), dynamoDb };
  });
  return loaded!;
}
