import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  ForbiddenException,
  GoneException,
  LimitExceededException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { DeleteItemCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import {
  awsError,
  captureJsonLogs,
  ENDPOINT,
  NOW,
  NOW_SECONDS,
  registeredItem,
  TABLE_NAME,
} from './websocket-fixtures';
import { CONNECTIONS_TABLE_ENV, MANAGEMENT_ENDPOINT_ENV } from '../../src/handlers/websocket-connections-config.lambda-shared';
import { isGone, WebSocketConnections, WebSocketConnectionsOptions } from '../../src/websocket/websocket-runtime';
import { restoreEnvironments, withEnvironment } from '../support/environment';

const dynamoDb = mockClient(DynamoDBClient);
const managementApi = mockClient(ApiGatewayManagementApiClient);
let logs: ReturnType<typeof captureJsonLogs>;

beforeEach(() => {
  dynamoDb.reset();
  managementApi.reset();
  dynamoDb.on(DeleteItemCommand).resolves({});
  managementApi.on(PostToConnectionCommand).resolves({});
  managementApi.on(DeleteConnectionCommand).resolves({});
  logs = captureJsonLogs();
});

afterEach(() => {
  jest.restoreAllMocks();
  restoreEnvironments();
});

function connections(options: WebSocketConnectionsOptions = {}): WebSocketConnections {
  return new WebSocketConnections({
    tableName: TABLE_NAME,
    dynamoDb: new DynamoDBClient({}),
    managementApi: new ApiGatewayManagementApiClient({}),
    now: () => NOW,
    ...options,
  });
}

const gone = () => new GoneException({ message: '', $metadata: { httpStatusCode: 410 } });

function posts(): { ConnectionId?: string; Data?: unknown }[] {
  return managementApi.commandCalls(PostToConnectionCommand).map((call) => call.args[0].input);
}

/**
 * Broadcasts with `runtime` to 25 registered connections whose sends each take a turn of the event loop, and answers
 * the result with the most sends that were in flight at once.
 */
async function broadcastToTwentyFiveSlowConnections(runtime: WebSocketConnections) {
  dynamoDb.on(ScanCommand).resolves({ Items: Array.from({ length: 25 }, (_, index) => registeredItem(`c${index}=`)) });
  let inFlight = 0;
  let maxInFlight = 0;
  managementApi.on(PostToConnectionCommand).callsFake(async () => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
    return {};
  });
  const result = await runtime.broadcast('hi');
  return { result, maxInFlight };
}

function deletedItems(): (string | undefined)[] {
  return dynamoDb.commandCalls(DeleteItemCommand).map((call) => {
    expect(call.args[0].input.TableName).toBe(TABLE_NAME);
    return call.args[0].input.Key?.connectionId?.S;
  });
}

describe('send', () => {
  it('posts a string as it is and answers true', async () => {
    const sent = await connections().send('conn-1=', 'hello');

    expect(sent).toBe(true);
    expect(posts()).toEqual([{ ConnectionId: 'conn-1=', Data: 'hello' }]);
    expect(dynamoDb.calls()).toHaveLength(0);
  });

  it('posts bytes as they are', async () => {
    const bytes = new Uint8Array([1, 2, 3]);

    await connections().send('conn-1=', bytes);

    expect(posts()[0].Data).toBe(bytes);
  });

  it.each([
    [{ type: 'chat', text: 'hi' }, '{"type":"chat","text":"hi"}'],
    [[1, 'two'], '[1,"two"]'],
    [42, '42'],
    [false, 'false'],
    [null, 'null'],
  ])('posts %j as its JSON text', async (data, text) => {
    await connections().send('conn-1=', data);

    expect(posts()[0].Data).toBe(text);
  });

  it('answers false and deletes the registration when the connection is gone (410)', async () => {
    managementApi.on(PostToConnectionCommand).rejects(gone());

    const sent = await connections().send('conn-gone=', 'hello');

    expect(sent).toBe(false);
    expect(dynamoDb.commandCalls(DeleteItemCommand).map((call) => call.args[0].input)).toEqual([
      { TableName: TABLE_NAME, Key: { connectionId: { S: 'conn-gone=' } } },
    ]);
  });

  it('still answers false when the registration cannot be deleted, and logs a warning', async () => {
    managementApi.on(PostToConnectionCommand).rejects(gone());
    dynamoDb.on(DeleteItemCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform dynamodb:DeleteItem'));

    const sent = await connections().send('conn-gone=', 'hello');

    expect(sent).toBe(false);
    expect(logs.records()).toEqual([{
      source: 'gatewaykit-websocket-runtime',
      level: 'WARN',
      operation: 'send',
      outcome: 'registration-not-deleted',
      connectionId: 'conn-gone=',
      tableName: TABLE_NAME,
      errorName: 'AccessDeniedException',
      message: 'not authorized to perform dynamodb:DeleteItem',
    }]);
  });

  it('throws any other failure without touching the registration', async () => {
    const failure = new ForbiddenException({ message: 'Forbidden', $metadata: { httpStatusCode: 403 } });
    managementApi.on(PostToConnectionCommand).rejects(failure);

    await expect(connections().send('conn-1=', 'hello')).rejects.toBe(failure);
    expect(dynamoDb.calls()).toHaveLength(0);
  });

  it.each([
    ['an empty string', ''],
    ['a string with spaces', 'not an id'],
    ['a number', 42],
    ['undefined', undefined],
  ])('refuses %s as connection id without calling AWS', async (_name, connectionId) => {
    await expect(connections().send(connectionId as unknown as string, 'hello'))
      .rejects.toThrow(/WebSocketConnections.send: connectionId must be an API Gateway connection id/);
    expect(managementApi.calls()).toHaveLength(0);
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 'hello'],
  ])('refuses %s as message without calling AWS', async (_name, data) => {
    await expect(connections().send('conn-1=', data as unknown as string)).rejects.toThrow(/has no JSON text to send/);
    expect(managementApi.calls()).toHaveLength(0);
  });
});

describe('broadcast', () => {
  it('sends to every registered connection over all pages, deleting the gone and counting the failed', async () => {
    dynamoDb.on(ScanCommand)
      .resolvesOnce({ Items: [registeredItem('a='), registeredItem('gone=')], LastEvaluatedKey: { connectionId: { S: 'gone=' } } })
      .resolvesOnce({ Items: [registeredItem('failing='), registeredItem('d=')] });
    managementApi.on(PostToConnectionCommand, { ConnectionId: 'gone=' }).rejects(gone());
    managementApi.on(PostToConnectionCommand, { ConnectionId: 'failing=' })
      .rejects(new LimitExceededException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }));

    const result = await connections().broadcast({ text: 'hi' });

    expect(result).toEqual({ sent: 2, gone: 1, failed: 1 });
    expect(posts().map((post) => post.ConnectionId).sort()).toEqual(['a=', 'd=', 'failing=', 'gone=']);
    expect(posts().every((post) => post.Data === '{"text":"hi"}')).toBe(true);
    expect(deletedItems()).toEqual(['gone=']);
    expect(logs.records()).toEqual([expect.objectContaining({
      level: 'WARN', operation: 'broadcast', outcome: 'failed', connectionId: 'failing=', errorName: 'LimitExceededException',
    })]);
  });

  it('reads the table page by page with a projection of the registration attributes', async () => {
    dynamoDb.on(ScanCommand)
      .resolvesOnce({ Items: [], LastEvaluatedKey: { connectionId: { S: 'last=' } } })
      .resolvesOnce({ Items: [] });

    await connections().broadcast('hi');

    const projection = {
      TableName: TABLE_NAME,
      ProjectionExpression: '#id, #connectedAt, #expiresAt, #principalId',
      ExpressionAttributeNames: { '#id': 'connectionId', '#connectedAt': 'connectedAt', '#expiresAt': 'expiresAt', '#principalId': 'principalId' },
    };
    expect(dynamoDb.commandCalls(ScanCommand).map((call) => call.args[0].input)).toEqual([
      projection,
      { ...projection, ExclusiveStartKey: { connectionId: { S: 'last=' } } },
    ]);
  });

  it('skips excluded connections and registrations whose TTL has passed', async () => {
    dynamoDb.on(ScanCommand).resolves({
      Items: [
        registeredItem('sender='),
        registeredItem('expired=', NOW_SECONDS - 1),
        registeredItem('expiring-now=', NOW_SECONDS),
        registeredItem('fresh=', NOW_SECONDS + 1),
        { connectionId: { S: 'no-ttl=' } },
        { somethingElse: { S: 'not a registration' } },
      ],
    });

    const result = await connections().broadcast('hi', { exclude: ['sender='] });

    expect(result).toEqual({ sent: 2, gone: 0, failed: 0 });
    expect(posts().map((post) => post.ConnectionId)).toEqual(['fresh=', 'no-ttl=']);
  });

  it('sends only to the connections the filter selects', async () => {
    dynamoDb.on(ScanCommand).resolves({
      Items: [registeredItem('alice-1=', undefined, 'alice'), registeredItem('bob-1=', undefined, 'bob'), registeredItem('alice-2=', undefined, 'alice')],
    });

    await connections().broadcast('hi', { filter: (connection) => connection.principalId === 'alice' });

    expect(posts().map((post) => post.ConnectionId)).toEqual(['alice-1=', 'alice-2=']);
  });

  it('never has more sends in flight than its concurrency', async () => {
    const { result, maxInFlight } = await broadcastToTwentyFiveSlowConnections(connections({ concurrency: 3 }));

    expect(result.sent).toBe(25);
    expect(maxInFlight).toBe(3);
  });

  it('sends 10 at a time by default', async () => {
    const { maxInFlight } = await broadcastToTwentyFiveSlowConnections(connections());

    expect(maxInFlight).toBe(10);
  });

  it('throws when the registry cannot be read', async () => {
    dynamoDb.on(ScanCommand).rejects(awsError('ResourceNotFoundException', 'Requested resource not found'));

    await expect(connections().broadcast('hi')).rejects.toThrow(/Requested resource not found/);
    expect(managementApi.calls()).toHaveLength(0);
  });

  it('refuses a message with no JSON text before reading the registry', async () => {
    await expect(connections().broadcast(undefined as unknown as string)).rejects.toThrow(/has no JSON text to send/);
    expect(dynamoDb.calls()).toHaveLength(0);
  });
});

describe('list', () => {
  it('yields the unexpired registrations of every page', async () => {
    dynamoDb.on(ScanCommand)
      .resolvesOnce({ Items: [registeredItem('a=', undefined, 'alice'), registeredItem('old=', NOW_SECONDS - 60)], LastEvaluatedKey: { connectionId: { S: 'old=' } } })
      .resolvesOnce({ Items: [registeredItem('b=', NOW_SECONDS + 60)] });

    const listed = [];
    for await (const connection of connections().list()) {
      listed.push(connection);
    }

    expect(listed).toEqual([
      { connectionId: 'a=', connectedAt: '2026-01-02T03:04:05.678Z', expiresAt: NOW_SECONDS + 3600, principalId: 'alice' },
      { connectionId: 'b=', connectedAt: '2026-01-02T03:04:05.678Z', expiresAt: NOW_SECONDS + 60 },
    ]);
  });
});

describe('disconnect', () => {
  it('closes an open connection, deletes its registration and answers true', async () => {
    const open = await connections().disconnect('conn-1=');

    expect(open).toBe(true);
    expect(managementApi.commandCalls(DeleteConnectionCommand).map((call) => call.args[0].input)).toEqual([{ ConnectionId: 'conn-1=' }]);
    expect(deletedItems()).toEqual(['conn-1=']);
  });

  it('answers false for a connection already gone, and deletes its registration', async () => {
    managementApi.on(DeleteConnectionCommand).rejects(gone());

    await expect(connections().disconnect('conn-gone=')).resolves.toBe(false);
    expect(deletedItems()).toEqual(['conn-gone=']);
  });

  it('throws any other failure without touching the registration', async () => {
    managementApi.on(DeleteConnectionCommand).rejects(new ForbiddenException({ message: 'Forbidden', $metadata: {} }));

    await expect(connections().disconnect('conn-1=')).rejects.toThrow(/Forbidden/);
    expect(dynamoDb.calls()).toHaveLength(0);
  });

  it('refuses a malformed connection id without calling AWS', async () => {
    await expect(connections().disconnect('')).rejects.toThrow(/WebSocketConnections.disconnect: connectionId must be/);
    expect(managementApi.calls()).toHaveLength(0);
  });
});

describe('the constructor', () => {
  it('defaults the table and the management endpoint from the environment SecureWebSocketApi sets', async () => {
    withEnvironment({ [CONNECTIONS_TABLE_ENV]: 'FromEnvironment', [MANAGEMENT_ENDPOINT_ENV]: ENDPOINT });

    const fromEnvironment = new WebSocketConnections({ dynamoDb: new DynamoDBClient({}) });
    await fromEnvironment.send('conn-1=', 'hello');

    expect(fromEnvironment.tableName).toBe('FromEnvironment');
    const client = managementApi.commandCalls(PostToConnectionCommand)[0].thisValue as ApiGatewayManagementApiClient;
    const endpoint = await client.config.endpoint!();
    expect(endpoint).toMatchObject({ protocol: 'https:', hostname: 'abc123defg.execute-api.eu-west-1.amazonaws.com', path: '/prod' });
  });

  it('prefers the options over the environment', () => {
    withEnvironment({ [CONNECTIONS_TABLE_ENV]: 'FromEnvironment', [MANAGEMENT_ENDPOINT_ENV]: 'not read' });

    expect(new WebSocketConnections({ tableName: 'FromOptions', endpoint: ENDPOINT }).tableName).toBe('FromOptions');
  });

  it('needs no endpoint when given a management API client', () => {
    withEnvironment({ [CONNECTIONS_TABLE_ENV]: TABLE_NAME, [MANAGEMENT_ENDPOINT_ENV]: undefined });

    expect(() => new WebSocketConnections({ managementApi: new ApiGatewayManagementApiClient({}) })).not.toThrow();
  });

  it('explains how to provide a missing table name', () => {
    withEnvironment({ [CONNECTIONS_TABLE_ENV]: undefined, [MANAGEMENT_ENDPOINT_ENV]: ENDPOINT });

    expect(() => new WebSocketConnections()).toThrow(
      /^WebSocketConnections: GATEWAYKIT_CONNECTIONS_TABLE is not set: .*\. Pass options.tableName, or turn on connectionRegistry on the SecureWebSocketApi/,
    );
  });

  it('explains how to provide a missing management endpoint', () => {
    withEnvironment({ [CONNECTIONS_TABLE_ENV]: TABLE_NAME, [MANAGEMENT_ENDPOINT_ENV]: undefined });

    expect(() => new WebSocketConnections()).toThrow(/GATEWAYKIT_MANAGEMENT_ENDPOINT is not set: .*\. Pass options.endpoint/);
  });

  it('refuses a malformed endpoint option', () => {
    expect(() => new WebSocketConnections({ tableName: TABLE_NAME, endpoint: 'http://abc123.execute-api.eu-west-1.amazonaws.com/prod' }))
      .toThrow(/options.endpoint must be an https:\/\/ URL .*got "http:/);
  });

  it('refuses a malformed table name option', () => {
    expect(() => connections({ tableName: 'a' })).toThrow(/options.tableName must be a DynamoDB table name .*got "a"/);
  });

  it.each([0, -1, 2.5, NaN])('refuses the concurrency %p', (concurrency) => {
    expect(() => connections({ concurrency })).toThrow(/options.concurrency must be a whole number of at least 1, got/);
  });
});

describe('isGone', () => {
  it.each([
    { name: 'a GoneException', error: gone(), expected: true },
    { name: 'any error answered with HTTP 410', error: awsError('UnknownError', 'gone', 410), expected: true },
    { name: 'a ForbiddenException', error: new ForbiddenException({ message: 'Forbidden', $metadata: { httpStatusCode: 403 } }), expected: false },
    { name: 'a plain Error whose message says GoneException', error: new Error('GoneException'), expected: false },
    { name: 'a string', error: 'GoneException', expected: false },
    { name: 'null', error: null, expected: false },
  ])('answers $expected for $name', ({ error, expected }) => {
    expect(isGone(error)).toBe(expected);
  });
});
