import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { systemClock } from '../../src/clock';
import { RunningApp, start } from '../../src/server/start';
import { tempDir } from '../support/temp-dirs';
import { connect } from '../websocket/support';

/** The app the README's Quick start serves (`npx projen serve:example`). */
describe('the example app, served', () => {
  let running: RunningApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const outdir = tempDir('gatewaykit-example-');
    // As `cdk synth` runs it (cdk.json): a process of its own, told where to write by CDK_OUTDIR.
    execFileSync(process.execPath, ['--require', 'ts-node/register/transpile-only', 'examples/app.ts'], {
      cwd: path.join(__dirname, '..', '..', '..'),
      env: { ...process.env, CDK_OUTDIR: outdir, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
    });
    running = await start({
      app: outdir,
      port: 0,
      quiet: true,
      log: (line) => lines.push(line),
      onHandlerOutput: () => undefined,
      issuerKeyFile: path.join(outdir, 'issuer.json'),
    });
    // A ts-node process synthesizing four APIs takes several seconds on a loaded 2-core machine.
  }, 60_000);
  afterAll(() => running.stop());

  const pool = () => running.model.userPools[0];
  const rest = (relative: string, init?: RequestInit) => fetch(new URL(relative, running.url('Api/Api')), init);
  const http = (relative: string, init?: RequestInit) => fetch(new URL(relative, running.url('HttpApi/Api')), init);

  test('serves the REST, the HTTP and the WebSocket API', () => {
    expect(running.apis.map((api) => api.kind)).toEqual(['REST', 'HTTP', 'WEBSOCKET']);
    expect(lines.join('\n')).not.toMatch(/ChatApi.*WEBSOCKET/);
  });

  test('the WebSocket chat takes an access token of the pool in its query string, registers the connection and echoes', async () => {
    const token = await running.issuer.mintCognito({ userPool: pool(), tokenUse: 'access', claims: { sub: 'erin' } }, systemClock);
    const chat = await connect(`${running.url('ChatApi/Api')}?token=${token}`);
    expect(await chat.ask('{"action":"echo","text":"hi"}')).toBe('{"action":"echo","text":"hi"}');
    chat.socket.close();
  });

  test('the public health route answers, and an authorized route without a token is 401 with CORS headers', async () => {
    expect((await rest('health')).status).toBe(200);
    const refused = await rest('items', { headers: { Origin: 'https://app.example.com' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  test('a Cognito ID token of the pool reaches the handler, which reads the user from the claims', async () => {
    const token = await running.issuer.mintCognito({ userPool: pool(), tokenUse: 'id', claims: { sub: 'alice' } }, systemClock);
    expect(await (await rest('items/7', { headers: { Authorization: token } })).json()).toEqual({ path: '/items/7', user: 'alice' });
  });

  test('the bundled JWT authorizer accepts an access token of the pool\'s client on GET /me', async () => {
    const token = await running.issuer.mintCognito({ userPool: pool(), tokenUse: 'access', claims: { sub: 'bob' } }, systemClock);
    expect(await (await rest('me', { headers: { Authorization: `Bearer ${token}` } })).json()).toEqual({ path: '/me', user: 'bob' });
  });

  test('the HTTP API\'s JWT authorizer accepts the same pool\'s ID token, whose audience is the client', async () => {
    const token = await running.issuer.mintCognito({ userPool: pool(), tokenUse: 'id', claims: { sub: 'carol' } }, systemClock);
    expect(await (await http('items', { headers: { Authorization: token } })).json()).toEqual({ path: '/items', user: 'carol' });
  });
});
