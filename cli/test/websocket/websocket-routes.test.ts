import { connect, eventually, HandshakeRefused } from './support';
import { SecureWebSocketApi, WebSocketApiAuthorizer } from '../../../src';
import { nodeFunction, serveApp, ServedTestApp } from '../support/app';

/** Answers every route with the event it received, so that tests read what API Gateway sent. */
const EVENT_ECHO = 'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });';
/** Refuses connections whose query asks for it, with the status asked for. */
const CONNECT = 'exports.handler = async (event) => ({ statusCode: Number(event.queryStringParameters?.refuse ?? 200) });';
/** Allows the token `good`, answering Unauthorized to any other, and puts the token's owner in the context. */
const AUTHORIZER = `exports.handler = async (event) => {
  if (event.queryStringParameters.token !== 'good') throw new Error('Unauthorized');
  return { principalId: 'alice', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] }, context: { team: 'blue' } };
};`;
const FAILING = 'exports.handler = async () => { throw new Error("boom"); };';

describe('a WebSocket API with a REQUEST authorizer on $connect', () => {
  let app: ServedTestApp;
  const disconnects: string[] = [];

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const echo = nodeFunction(stack, 'Echo', EVENT_ECHO);
      new SecureWebSocketApi(stack, 'Chat', {
        authorizer: WebSocketApiAuthorizer.request(nodeFunction(stack, 'Authorizer', AUTHORIZER), { identitySources: ['route.request.querystring.token'] }),
        routes: {
          $connect: { handler: nodeFunction(stack, 'Connect', CONNECT) },
          $disconnect: { handler: echo },
          $default: { handler: echo, returnResponse: true },
          whoami: { handler: echo, returnResponse: true },
          oneWay: { handler: echo },
          fail: { handler: nodeFunction(stack, 'Failing', FAILING) },
        },
      });
    }, { log: (line) => { if (line.includes('$disconnect')) disconnects.push(line); }, quiet: false });
  });
  afterAll(() => app.stop());

  const url = (query: string) => `${app.running.url('Chat')}?${query}`;

  test('a connection without the token is refused with 401, before the authorizer runs', async () => {
    await expect(connect(url(''))).rejects.toEqual(new HandshakeRefused(401));
    expect(app.invocations('Authorizer')).toBe(0);
  });

  test('a connection whose token the authorizer refuses is refused with 401', async () => {
    await expect(connect(url('token=bad'))).rejects.toEqual(new HandshakeRefused(401));
  });

  test('a $connect handler answering 403 refuses the connection with 403', async () => {
    await expect(connect(url('token=good&refuse=403'))).rejects.toEqual(new HandshakeRefused(403));
  });

  test('a message is routed by $request.body.action and the event carries the connection and the authorizer result', async () => {
    const client = await connect(url('token=good'));
    const event = JSON.parse(await client.ask(JSON.stringify({ action: 'whoami' })));
    expect(event.requestContext).toMatchObject({
      routeKey: 'whoami',
      eventType: 'MESSAGE',
      messageDirection: 'IN',
      stage: 'prod',
      apiId: app.running.webSocketApis[0].model.apiId,
      domainName: `${app.running.webSocketApis[0].model.apiId}.execute-api.eu-west-1.amazonaws.com`,
      authorizer: { principalId: 'alice', team: 'blue' },
    });
    expect(event.requestContext.messageId).toEqual(expect.any(String));
    expect(event.requestContext.connectedAt).toBe(app.clock.now());
    expect(event.body).toBe('{"action":"whoami"}');
    client.socket.close();
  });

  test('a message naming no route, or not JSON, goes to $default', async () => {
    const client = await connect(url('token=good'));
    expect(JSON.parse(await client.ask('{"action":"nothing"}')).requestContext.routeKey).toBe('$default');
    expect(JSON.parse(await client.ask('plain text')).requestContext.routeKey).toBe('$default');
    client.socket.close();
  });

  test('a route without a route response sends nothing back', async () => {
    const client = await connect(url('token=good'));
    client.socket.send('{"action":"oneWay"}');
    const reply = JSON.parse(await client.ask('{"action":"whoami"}'));
    expect(reply.requestContext.routeKey).toBe('whoami');
    client.socket.close();
  });

  test('a failing route sends the client an Internal server error frame and keeps the connection open', async () => {
    const client = await connect(url('token=good'));
    const frame = JSON.parse(await client.ask('{"action":"fail"}'));
    expect(frame).toEqual({ message: 'Internal server error', connectionId: expect.any(String), requestId: expect.any(String) });
    expect(JSON.parse(await client.ask('{"action":"whoami"}')).requestContext.connectionId).toBe(frame.connectionId);
    client.socket.close();
  });

  test('closing the connection runs $disconnect', async () => {
    const before = disconnects.length;
    const client = await connect(url('token=good'));
    client.socket.close(1000, 'bye');
    await client.closed;
    await eventually(() => disconnects.length > before);
  });
});
