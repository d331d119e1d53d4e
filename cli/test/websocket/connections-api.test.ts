import { connect } from './support';
import { SecureWebSocketApi } from '../../../src';
import { nodeFunction, serveApp, ServedTestApp } from '../support/app';

/**
 * Calls @connections with the AWS SDK client at the endpoint handlers build from their event, as the developer guide
 * shows: `https://${domainName}/${stage}`. Errors are sent back to the caller as `{ error, status }`.
 */
const MANAGER = `const { ApiGatewayManagementApiClient, PostToConnectionCommand, GetConnectionCommand, DeleteConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');
exports.handler = async (event) => {
  const { domainName, stage, connectionId } = event.requestContext;
  const client = new ApiGatewayManagementApiClient({ endpoint: 'https://' + domainName + '/' + stage });
  const reply = (data) => client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify(data) }));
  const { action, to, data } = JSON.parse(event.body);
  const target = to ?? connectionId;
  try {
    if (action === 'post') await client.send(new PostToConnectionCommand({ ConnectionId: target, Data: data }));
    if (action === 'get') await reply(await client.send(new GetConnectionCommand({ ConnectionId: target })));
    if (action === 'kick') await client.send(new DeleteConnectionCommand({ ConnectionId: target }));
  } catch (error) {
    await reply({ error: error.name, status: error.$metadata && error.$metadata.httpStatusCode });
  }
  return { statusCode: 200 };
};`;
const ECHO = 'exports.handler = async (event) => ({ statusCode: 200, body: event.requestContext.connectionId });';

describe('the @connections management API, called with @aws-sdk/client-apigatewaymanagementapi from a route', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const manager = nodeFunction(stack, 'Manager', MANAGER);
      new SecureWebSocketApi(stack, 'Chat', {
        routes: {
          $connect: { isPublic: true },
          post: { handler: manager },
          get: { handler: manager },
          kick: { handler: manager },
          id: { handler: nodeFunction(stack, 'Id', ECHO), returnResponse: true },
        },
      });
    });
  });
  afterAll(() => app.stop());

  const client = async () => {
    const connection = await connect(app.running.url('Chat'));
    return { ...connection, id: await connection.ask('{"action":"id"}') };
  };

  test('PostToConnection sends the data to another connection', async () => {
    const [alice, bob] = [await client(), await client()];
    alice.socket.send(JSON.stringify({ action: 'post', to: bob.id, data: 'hello bob' }));
    expect(await bob.next()).toBe('hello bob');
    alice.socket.close();
    bob.socket.close();
  });

  test('GetConnection describes the connection: when it connected, its source IP and its last activity', async () => {
    const alice = await client();
    const description = JSON.parse(await alice.ask('{"action":"get"}'));
    expect(description).toMatchObject({ ConnectedAt: new Date(app.clock.now()).toISOString(), Identity: { SourceIp: '127.0.0.1' } });
    alice.socket.close();
  });

  test('DeleteConnection closes the connection', async () => {
    const [alice, bob] = [await client(), await client()];
    alice.socket.send(JSON.stringify({ action: 'kick', to: bob.id }));
    expect(await bob.closed).toBe(1000);
    alice.socket.close();
  });

  test('a connection that is gone answers 410 GoneException', async () => {
    const [alice, bob] = [await client(), await client()];
    bob.socket.close();
    await bob.closed;
    expect(JSON.parse(await alice.ask(JSON.stringify({ action: 'post', to: bob.id, data: 'hello?' })))).toEqual({ error: 'GoneException', status: 410 });
    alice.socket.close();
  });
});
