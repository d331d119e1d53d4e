import { connect, eventually, sendInFrames } from './support';
import { SecureWebSocketApi } from '../../../src';
import { nodeFunction, serveApp, ServedTestApp } from '../support/app';

const ECHO = 'exports.handler = async (event) => ({ statusCode: 200, body: event.body });';
/** Records each $disconnect's status and reason for the next connection that asks (one sandbox: maxWorkersPerFunction 1). */
const DISCONNECTS = `const seen = [];
exports.handler = async (event) => {
  if (event.requestContext.eventType === 'DISCONNECT') seen.push(event.requestContext.disconnectStatusCode + ' ' + event.requestContext.disconnectReason);
  return { statusCode: 200, body: JSON.stringify(seen) };
};`;

describe('API Gateway\'s WebSocket limits, on the runtime\'s clock', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const disconnects = nodeFunction(stack, 'Disconnects', DISCONNECTS);
      new SecureWebSocketApi(stack, 'Chat', {
        routes: {
          $connect: { isPublic: true },
          $default: { handler: nodeFunction(stack, 'Echo', ECHO), returnResponse: true },
          $disconnect: { handler: disconnects },
          disconnects: { handler: disconnects, returnResponse: true },
        },
      });
    }, { maxWorkersPerFunction: 1 });
  });
  afterAll(() => app.stop());

  const server = () => app.running.webSocketApis[0].server;
  const disconnectsSeen = async (): Promise<string[]> => {
    const observer = await connect(app.running.url('Chat'));
    const seen = JSON.parse(await observer.ask('{"action":"disconnects"}')) as string[];
    observer.socket.close();
    return seen;
  };

  test('a connection idle for 10 minutes is closed with 1001 and gets its $disconnect', async () => {
    const client = await connect(app.running.url('Chat'));
    app.clock.advance(10 * 60 * 1000 - 1);
    expect(server().closeExpired()).toBe(0);
    app.clock.advance(1);
    expect(server().closeExpired()).toBe(1);
    expect(await client.closed).toBe(1001);
    await eventually(() => app.invocations('Disconnects') > 0);
  });

  test('a message keeps the connection from idling out, but not past 2 hours', async () => {
    const client = await connect(app.running.url('Chat'));
    for (let minutes = 9; minutes <= 117; minutes += 9) {
      app.clock.advance(9 * 60 * 1000);
      expect(server().closeExpired()).toBe(0);
      expect(await client.ask(`ping ${minutes}`)).toBe(`ping ${minutes}`);
    }
    app.clock.advance(3 * 60 * 1000);
    expect(server().closeExpired()).toBe(1);
    expect(await client.closed).toBe(1001);
  });

  test('a message of 128 KB in frames of 32 KB passes and a larger one closes the connection with 1009', async () => {
    const client = await connect(app.running.url('Chat'));
    const limit = 'x'.repeat(128 * 1024);
    sendInFrames(client.socket, limit, 32 * 1024);
    expect((await client.next()).length).toBe(limit.length);
    sendInFrames(client.socket, `${limit}x`, 32 * 1024);
    expect(await client.closed).toBe(1009);
  });

  test('a message of 100 KB sent in frames of 32 KB is delivered whole', async () => {
    const client = await connect(app.running.url('Chat'));
    const message = 'y'.repeat(100 * 1024);
    sendInFrames(client.socket, message, 32 * 1024);
    expect(await client.next()).toBe(message);
    client.socket.close();
  });

  test('a single frame of 33 KB closes the connection with 1009 before its message is routed, and $disconnect reports why', async () => {
    const client = await connect(app.running.url('Chat'));
    const echoes = app.invocations('Echo');
    const disconnects = app.invocations('Disconnects');
    client.socket.send('z'.repeat(33 * 1024));
    expect(await client.closed).toBe(1009);
    await eventually(() => app.invocations('Disconnects') > disconnects);
    expect(app.invocations('Echo')).toBe(echoes);
    expect(await disconnectsSeen()).toContain('1009 Frame size exceeds 32 KB');
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-binary-media-types.html
  test('a binary frame closes the connection with 1003 before its message is routed', async () => {
    const client = await connect(app.running.url('Chat'));
    const echoes = app.invocations('Echo');
    const disconnects = app.invocations('Disconnects');
    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await client.closed).toBe(1003);
    await eventually(() => app.invocations('Disconnects') > disconnects);
    expect(app.invocations('Echo')).toBe(echoes);
  });

  test('$disconnect reports the client\'s close status and reason', async () => {
    const client = await connect(app.running.url('Chat'));
    const disconnects = app.invocations('Disconnects');
    client.socket.close(4000, 'leaving');
    await client.closed;
    await eventually(() => app.invocations('Disconnects') > disconnects);
    expect(await disconnectsSeen()).toContain('4000 leaving');
  });
});
