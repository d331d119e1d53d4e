import * as path from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as esbuild from 'esbuild';
import { connect, eventually } from './support';
import { SecureWebSocketApi } from '../../../src';
import { handlerCode, serveApp, ServedTestApp } from '../support/app';

/** The library's runtime helper, bundled as a user's function bundles it: the AWS SDK left to the Lambda runtime. */
function runtimeHelper(): string {
  const bundle = esbuild.buildSync({
    entryPoints: [path.join(__dirname, '..', '..', '..', 'src', 'websocket', 'websocket-runtime.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['@aws-sdk/*'],
    write: false,
  });
  return bundle.outputFiles[0].text;
}

const BROADCAST = `const { WebSocketConnections } = require('./websocket-runtime');
const connections = new WebSocketConnections();
exports.handler = async (event) => {
  const result = await connections.broadcast(JSON.parse(event.body).text, { exclude: [event.requestContext.connectionId] });
  return { statusCode: 200, body: JSON.stringify(result) };
};`;

describe('a SecureWebSocketApi with a connection registry: the bundled handlers and broadcast on the local DynamoDB', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const broadcast = new lambda.Function(stack, 'Broadcast', {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: handlerCode({ 'index.js': BROADCAST, 'websocket-runtime.js': runtimeHelper() }),
      });
      new SecureWebSocketApi(stack, 'Chat', { connectionRegistry: {}, routes: { $connect: { isPublic: true }, broadcast: { handler: broadcast, returnResponse: true } } });
    });
  }, 30_000);
  afterAll(() => app.stop());

  test('a broadcast reaches every other registered connection', async () => {
    const [alice, bob, carol] = [await connect(app.running.url('Chat')), await connect(app.running.url('Chat')), await connect(app.running.url('Chat'))];
    alice.socket.send(JSON.stringify({ action: 'broadcast', text: 'hello all' }));
    expect([await bob.next(), await carol.next()]).toEqual(['hello all', 'hello all']);
    expect(JSON.parse(await alice.next())).toEqual({ sent: 2, gone: 0, failed: 0 });
    [alice, bob, carol].forEach((client) => client.socket.close());
  });

  test('a closed connection gets its $disconnect (the bundled handler) and no longer receives broadcasts', async () => {
    const [alice, bob] = [await connect(app.running.url('Chat')), await connect(app.running.url('Chat'))];
    const disconnectsBefore = app.invocations('DisconnectFunction');
    bob.socket.close();
    await eventually(() => app.invocations('DisconnectFunction') > disconnectsBefore);
    // Whether its $disconnect or the broadcast's 410 removed the registration first, nothing reaches it.
    expect(JSON.parse(await alice.ask(JSON.stringify({ action: 'broadcast', text: 'anyone?' })))).toMatchObject({ sent: 0, failed: 0 });
    alice.socket.close();
  });
});
