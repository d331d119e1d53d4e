import { DynamoDBClient, PutItemCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import {
  authorizerContext,
  captureJsonLogs,
  coldStart,
  CONNECTION_ID,
  NOW,
  NOW_SECONDS,
  TABLE_NAME,
  TOKEN,
  webSocketEvent,
} from './websocket-fixtures';
import { connectHandlerWith, ConnectHandler } from '../../src/handlers/websocket-connect.lambda';
import { CONNECTION_TTL_ENV, CONNECTIONS_TABLE_ENV } from '../../src/handlers/websocket-connections-config.lambda-shared';
import { restoreEnvironments } from '../support/environment';

type ConnectModule = typeof import('../../src/handlers/websocket-connect.lambda');

const dynamoDb = mockClient(DynamoDBClient);
let logs: ReturnType<typeof captureJsonLogs>;

beforeEach(() => {
  dynamoDb.reset();
  dynamoDb.on(PutItemCommand).resolves({});
  logs = captureJsonLogs();
});
afterEach(() => {
  jest.restoreAllMocks();
  restoreEnvironments();
});

function connectHandler(ttlSeconds = 7200): ConnectHandler {
  return connectHandlerWith({ dynamoDb: new DynamoDBClient({}), config: { tableName: TABLE_NAME, ttlSeconds }, now: () => NOW });
}

/** The module's `handler` in a new container whose environment is `env`, and the DynamoDB stub it calls. */
function coldStartHandler(env: Record<string, string | undefined>) {
  const { module, dynamoDb: stub } = coldStart<ConnectModule>('../../src/handlers/websocket-connect.lambda', env);
  return { handler: module.handler, putItems: () => stub.calls().map((call) => (call.args[0] as PutItemCommand).input) };
}

describe('a $connect event', () => {
  it('registers the connection with its authorizer principal and a TTL two hours ahead', async () => {
    const result = await connectHandler()(webSocketEvent('CONNECT', authorizerContext('user-123')));

    expect(result).toEqual({ statusCode: 200 });
    expect(dynamoDb.commandCalls(PutItemCommand).map((call) => call.args[0].input)).toEqual([{
      TableName: TABLE_NAME,
      Item: {
        connectionId: { S: CONNECTION_ID },
        connectedAt: { S: '2026-01-02T03:04:05.678Z' },
        expiresAt: { N: String(NOW_SECONDS + 7200) },
        principalId: { S: 'user-123' },
      },
    }]);
  });

  it('registers a connection without a Lambda authorizer without a principalId attribute', async () => {
    await connectHandler()(webSocketEvent('CONNECT'));

    expect(dynamoDb.commandCalls(PutItemCommand)[0].args[0].input.Item).toEqual({
      connectionId: { S: CONNECTION_ID },
      connectedAt: { S: '2026-01-02T03:04:05.678Z' },
      expiresAt: { N: String(NOW_SECONDS + 7200) },
    });
  });

  it('ignores a principalId that is not a non-empty string', async () => {
    await connectHandler()(webSocketEvent('CONNECT', { authorizer: { principalId: '' } }));

    expect(dynamoDb.commandCalls(PutItemCommand)[0].args[0].input.Item).not.toHaveProperty('principalId');
  });

  it('computes the expiry from the configured TTL', async () => {
    await connectHandler(600)(webSocketEvent('CONNECT'));

    expect(dynamoDb.commandCalls(PutItemCommand)[0].args[0].input.Item?.expiresAt).toEqual({ N: String(NOW_SECONDS + 600) });
  });

  it('logs one line naming the connection and never the token', async () => {
    await connectHandler()(webSocketEvent('CONNECT', authorizerContext('user-123')));

    expect(logs.records()).toEqual([{
      source: 'gatewaykit-websocket-connect',
      level: 'INFO',
      outcome: 'registered',
      connectionId: CONNECTION_ID,
      requestId: 'Ax1b2EFoAMFx3Q=',
      authorized: true,
    }]);
    expect(logs.text()).not.toContain(TOKEN);
  });
});

describe('a malformed event', () => {
  it.each([
    ['null', null, 'not-an-object'],
    ['a string', '$connect', 'not-an-object'],
    ['an array', [webSocketEvent('CONNECT')], 'not-an-object'],
    ['no requestContext', { queryStringParameters: { token: TOKEN } }, 'missing-request-context'],
    ['a $disconnect event', webSocketEvent('DISCONNECT'), 'wrong-event-type'],
    ['a message event', webSocketEvent('MESSAGE'), 'wrong-event-type'],
    ['no eventType', webSocketEvent('CONNECT', { eventType: undefined }), 'wrong-event-type'],
    ['no connection id', webSocketEvent('CONNECT', { connectionId: undefined }), 'missing-connection-id'],
    ['an empty connection id', webSocketEvent('CONNECT', { connectionId: '' }), 'missing-connection-id'],
    ['a numeric connection id', webSocketEvent('CONNECT', { connectionId: 42 }), 'malformed-connection-id'],
    ['a connection id with spaces', webSocketEvent('CONNECT', { connectionId: 'a b' }), 'malformed-connection-id'],
    ['an oversized connection id', webSocketEvent('CONNECT', { connectionId: 'x'.repeat(257) }), 'malformed-connection-id'],
  ])('with %s is refused with 400 without touching DynamoDB', async (_name, event, reason) => {
    const result = await connectHandler()(event);

    expect(result).toEqual({ statusCode: 400 });
    expect(dynamoDb.calls()).toHaveLength(0);
    expect(logs.records()).toEqual([{ source: 'gatewaykit-websocket-connect', level: 'ERROR', outcome: 'refused', reason }]);
  });

  it('is logged without the token it carries', async () => {
    await connectHandler()(webSocketEvent('MESSAGE'));

    expect(logs.text()).not.toContain(TOKEN);
  });
});

describe('a DynamoDB failure', () => {
  it('propagates, so that API Gateway refuses the connection, after one structured ERROR line', async () => {
    const failure = new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} });
    dynamoDb.on(PutItemCommand).rejects(failure);

    await expect(connectHandler()(webSocketEvent('CONNECT', authorizerContext('user-123')))).rejects.toBe(failure);

    expect(logs.records()).toEqual([{
      source: 'gatewaykit-websocket-connect',
      level: 'ERROR',
      outcome: 'failed',
      reason: 'put-item-failed',
      connectionId: CONNECTION_ID,
      requestId: 'Ax1b2EFoAMFx3Q=',
      tableName: TABLE_NAME,
      errorName: 'ResourceNotFoundException',
      message: 'Requested resource not found',
    }]);
    expect(logs.text()).not.toContain(TOKEN);
  });
});

describe('the handler', () => {
  it('reads the table and the TTL from the environment', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    const { handler, putItems } = coldStartHandler({ [CONNECTIONS_TABLE_ENV]: 'FromEnvironment', [CONNECTION_TTL_ENV]: '900' });

    await expect(handler(webSocketEvent('CONNECT'))).resolves.toEqual({ statusCode: 200 });

    expect(putItems()).toEqual([{
      TableName: 'FromEnvironment',
      Item: { connectionId: { S: CONNECTION_ID }, connectedAt: { S: '2026-01-02T03:04:05.678Z' }, expiresAt: { N: String(NOW_SECONDS + 900) } },
    }]);
  });

  it('defaults the TTL to 7,200 seconds, API Gateway\'s 2-hour connection limit', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    const { handler, putItems } = coldStartHandler({ [CONNECTIONS_TABLE_ENV]: TABLE_NAME, [CONNECTION_TTL_ENV]: undefined });

    await handler(webSocketEvent('CONNECT'));

    expect(putItems()[0].Item?.expiresAt).toEqual({ N: String(NOW_SECONDS + 7200) });
  });

  it('reads the environment once per container', async () => {
    const { handler, putItems } = coldStartHandler({ [CONNECTIONS_TABLE_ENV]: 'First' });

    await handler(webSocketEvent('CONNECT'));
    process.env[CONNECTIONS_TABLE_ENV] = 'Second';
    await handler(webSocketEvent('CONNECT'));

    expect(putItems().map((input) => input.TableName)).toEqual(['First', 'First']);
  });

  it('refuses every connection when the table is not configured, and logs why once', async () => {
    const { handler, putItems } = coldStartHandler({ [CONNECTIONS_TABLE_ENV]: undefined });

    await expect(handler(webSocketEvent('CONNECT'))).rejects.toThrow(/misconfigured: GATEWAYKIT_CONNECTIONS_TABLE is not set/);
    await expect(handler(webSocketEvent('CONNECT'))).rejects.toThrow(/misconfigured/);

    expect(putItems()).toEqual([]);
    expect(logs.records()).toEqual([
      expect.objectContaining({ level: 'ERROR', outcome: 'misconfigured', message: expect.stringMatching(/GATEWAYKIT_CONNECTIONS_TABLE is not set/) }),
      expect.objectContaining({ level: 'ERROR', outcome: 'refused', reason: 'invalid-config' }),
      expect.objectContaining({ level: 'ERROR', outcome: 'refused', reason: 'invalid-config' }),
    ]);
  });

  it('refuses every connection when the TTL is not a whole number of seconds', async () => {
    const { handler, putItems } = coldStartHandler({ [CONNECTIONS_TABLE_ENV]: TABLE_NAME, [CONNECTION_TTL_ENV]: '2h' });

    await expect(handler(webSocketEvent('CONNECT'))).rejects.toThrow(/GATEWAYKIT_CONNECTION_TTL_SECONDS must be a whole number of seconds of at least 1, got "2h"/);
    expect(putItems()).toEqual([]);
  });
});
