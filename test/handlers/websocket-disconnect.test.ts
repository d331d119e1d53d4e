import { DeleteItemCommand, DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { captureJsonLogs, coldStart, CONNECTION_ID, TABLE_NAME, TOKEN, webSocketEvent } from './websocket-fixtures';
import { CONNECTIONS_TABLE_ENV } from '../../src/handlers/websocket-connections-config.lambda-shared';
import { DisconnectHandler, disconnectHandlerWith } from '../../src/handlers/websocket-disconnect.lambda';
import { restoreEnvironments } from '../support/environment';

type DisconnectModule = typeof import('../../src/handlers/websocket-disconnect.lambda');

const dynamoDb = mockClient(DynamoDBClient);
let logs: ReturnType<typeof captureJsonLogs>;

beforeEach(() => {
  dynamoDb.reset();
  dynamoDb.on(DeleteItemCommand).resolves({});
  logs = captureJsonLogs();
});
afterEach(() => {
  jest.restoreAllMocks();
  restoreEnvironments();
});

function disconnectHandler(): DisconnectHandler {
  return disconnectHandlerWith({ dynamoDb: new DynamoDBClient({}), tableName: TABLE_NAME });
}

/** The module's `handler` in a new container whose environment is `env`, and the DynamoDB stub it calls. */
function coldStartHandler(env: Record<string, string | undefined>) {
  const { module, dynamoDb: stub } = coldStart<DisconnectModule>('../../src/handlers/websocket-disconnect.lambda', env);
  return { handler: module.handler, deletes: () => stub.calls().map((call) => (call.args[0] as DeleteItemCommand).input) };
}

describe('a $disconnect event', () => {
  it('deletes the connection\'s registration and answers 200', async () => {
    const result = await disconnectHandler()(webSocketEvent('DISCONNECT'));

    expect(result).toEqual({ statusCode: 200 });
    expect(dynamoDb.commandCalls(DeleteItemCommand).map((call) => call.args[0].input)).toEqual([
      { TableName: TABLE_NAME, Key: { connectionId: { S: CONNECTION_ID } } },
    ]);
    expect(logs.records()).toEqual([{
      source: 'gatewaykit-websocket-disconnect', level: 'INFO', outcome: 'unregistered', connectionId: CONNECTION_ID, requestId: 'Ax1b2EFoAMFx3Q=',
    }]);
  });
});

describe('a malformed event', () => {
  it.each([
    ['undefined', undefined, 'not-an-object'],
    ['no requestContext', {}, 'missing-request-context'],
    ['a $connect event', webSocketEvent('CONNECT'), 'wrong-event-type'],
    ['no connection id', webSocketEvent('DISCONNECT', { connectionId: undefined }), 'missing-connection-id'],
    ['a connection id that is an object', webSocketEvent('DISCONNECT', { connectionId: { S: 'x' } }), 'malformed-connection-id'],
  ])('with %s is logged and answered 400 without throwing or touching DynamoDB', async (_name, event, reason) => {
    const result = await disconnectHandler()(event);

    expect(result).toEqual({ statusCode: 400 });
    expect(dynamoDb.calls()).toHaveLength(0);
    expect(logs.records()).toEqual([{ source: 'gatewaykit-websocket-disconnect', level: 'ERROR', outcome: 'ignored', reason }]);
    expect(logs.text()).not.toContain(TOKEN);
  });
});

describe('a DynamoDB failure', () => {
  it('is logged and thrown, so that it shows in the function\'s Errors metric', async () => {
    const failure = new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
    dynamoDb.on(DeleteItemCommand).rejects(failure);

    await expect(disconnectHandler()(webSocketEvent('DISCONNECT'))).rejects.toBe(failure);

    expect(logs.records()).toEqual([expect.objectContaining({
      level: 'ERROR', reason: 'delete-item-failed', connectionId: CONNECTION_ID, tableName: TABLE_NAME, errorName: 'ProvisionedThroughputExceededException',
    })]);
  });
});

describe('the handler', () => {
  it('reads the table from the environment at cold start', async () => {
    const { handler, deletes } = coldStartHandler({ [CONNECTIONS_TABLE_ENV]: 'FromEnvironment' });

    await expect(handler(webSocketEvent('DISCONNECT'))).resolves.toEqual({ statusCode: 200 });

    expect(deletes()).toEqual([{ TableName: 'FromEnvironment', Key: { connectionId: { S: CONNECTION_ID } } }]);
  });

  it('fails every call with a clear error when the table name is malformed', async () => {
    const { handler, deletes } = coldStartHandler({ [CONNECTIONS_TABLE_ENV]: 'no spaces allowed' });

    await expect(handler(webSocketEvent('DISCONNECT'))).rejects.toThrow(/GATEWAYKIT_CONNECTIONS_TABLE must be a DynamoDB table name .*, got "no spaces allowed"/);
    await expect(handler(webSocketEvent('DISCONNECT'))).rejects.toThrow(/misconfigured/);
    expect(deletes()).toEqual([]);
    expect(logs.records().map((record) => record.outcome)).toEqual(['misconfigured', 'failed', 'failed']);
  });
});
