import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { synth } from './support';
import { watchApp, WatchedApp } from '../../src/watch/watch-mode';
import { tempDir } from '../support/temp-dirs';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A CDK app of one HTTP API whose handler answers `version`, in a folder of its own, with a cdk.json. */
function writeApp(dir: string): void {
  const cdkLib = JSON.stringify(path.dirname(require.resolve('aws-cdk-lib/package.json')));
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'node app.js', watch: { exclude: ['notes/**'] } }));
  fs.writeFileSync(path.join(dir, 'app.js'), `
const cdk = require(${cdkLib});
const lambda = require(${cdkLib} + '/aws-lambda');
const apigwv2 = require(${cdkLib} + '/aws-apigatewayv2');
const { HttpLambdaIntegration } = require(${cdkLib} + '/aws-apigatewayv2-integrations');
const app = new cdk.App();
const stack = new cdk.Stack(app, 'Watched');
const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset(__dirname + '/handler'), timeout: cdk.Duration.seconds(15) });
new apigwv2.HttpApi(stack, 'Api', { defaultIntegration: new HttpLambdaIntegration('Fn', fn) });
app.synth();
`);
  fs.mkdirSync(path.join(dir, 'handler'));
  fs.mkdirSync(path.join(dir, 'notes'));
  writeHandler(dir, 'v1');
}

/** Answers `version`; a request for `/slow` takes longer than a synth and a restart. */
function writeHandler(dir: string, version: string): void {
  fs.writeFileSync(path.join(dir, 'handler', 'index.js'), `exports.handler = async (event) => {
  if (event.rawPath === '/slow') await new Promise((resolve) => setTimeout(resolve, 6000));
  return { statusCode: 200, body: '${version}' };
};`);
}

describe('serve --watch', () => {
  let dir: string;
  let watched: WatchedApp;
  const lines: string[] = [];
  const call = async () => (await fetch(watched.current().url())).text();

  beforeAll(async () => {
    dir = tempDir('gatewaykit-watch-');
    writeApp(dir);
    watched = await watchApp({
      cwd: dir,
      port: await freePort(),
      synth,
      quiet: true,
      log: (line) => lines.push(line),
      onHandlerOutput: () => undefined,
      issuerKeyFile: path.join(dir, '.gatewaykit', 'issuer.json'),
    });
  }, 60_000);
  afterAll(() => watched.stop());

  test('an edited handler is what the next call runs: only its function is reloaded, and the reload is reported with its duration', async () => {
    expect(await call()).toBe('v1');
    const app = watched.current();
    const url = app.url();
    const reloaded = watched.nextReload();
    writeHandler(dir, 'v2');
    await reloaded;
    expect(await call()).toBe('v2');
    expect(watched.current()).toBe(app);
    expect(watched.current().url()).toBe(url);
    expect(lines).toContainEqual(expect.stringMatching(/^gatewaykit: reloaded the code of Watched\/Fn after a change to handler\/index\.js in \d+ ms$/));
  }, 30_000);

  test('a request in flight during a reload is answered by the code that took it, the next by the new code', async () => {
    let answered = false;
    const inFlight = fetch(new URL('slow', watched.current().url())).then((response) => {
      answered = true;
      return response.text();
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reloaded = watched.nextReload();
    writeHandler(dir, 'v3');
    await reloaded;
    expect(await call()).toBe('v3');
    expect(answered).toBe(false);
    expect(await inFlight).toBe('v2');
  }, 30_000);

  test('a change to the app itself serves the new app on the same port', async () => {
    const before = watched.current();
    const reloaded = watched.nextReload();
    const appFile = path.join(dir, 'app.js');
    fs.writeFileSync(appFile, fs.readFileSync(appFile, 'utf8').replace('timeout: cdk.Duration.seconds(15)', 'timeout: cdk.Duration.seconds(14)'));
    await reloaded;
    expect(watched.current()).not.toBe(before);
    expect(watched.current().url()).toBe(before.url());
    expect(await call()).toBe('v3');
    expect(lines).toContainEqual(expect.stringMatching(/^gatewaykit: reloaded after a change to app\.js in \d+ ms$/));
  }, 30_000);

  test('an app that no longer synthesizes is reported and the last good one keeps serving', async () => {
    const reloaded = watched.nextReload();
    fs.appendFileSync(path.join(dir, 'app.js'), '\nthrow new Error("broken app");\n');
    await reloaded;
    expect(lines).toContainEqual(expect.stringMatching(/did not synthesize after a change to app\.js; still serving the last good one: [\s\S]*broken app/));
    expect(await call()).toBe('v3');
  }, 30_000);

  test('a change to a file cdk.json excludes from watch does not reload', async () => {
    const before = lines.length;
    fs.writeFileSync(path.join(dir, 'notes', 'todo.md'), 'nothing');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lines.slice(before)).toEqual([]);
  });
});

/** A CDK app of one HTTP API whose handler is inline code answering `version`. */
function writeInlineApp(dir: string, version: string): void {
  const cdkLib = JSON.stringify(path.dirname(require.resolve('aws-cdk-lib/package.json')));
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'node app.js' }));
  fs.writeFileSync(path.join(dir, 'app.js'), `
const cdk = require(${cdkLib});
const lambda = require(${cdkLib} + '/aws-lambda');
const apigwv2 = require(${cdkLib} + '/aws-apigatewayv2');
const { HttpLambdaIntegration } = require(${cdkLib} + '/aws-apigatewayv2-integrations');
const app = new cdk.App();
const stack = new cdk.Stack(app, 'Inline');
const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline("exports.handler = async () => ({ statusCode: 200, body: '${version}' });") });
new apigwv2.HttpApi(stack, 'Api', { defaultIntegration: new HttpLambdaIntegration('Fn', fn) });
app.synth();
`);
}

describe('serve --watch of an app with inline function code', () => {
  test('leaves no folder behind in the temporary folder once watching stops, after code-only and full reloads', async () => {
    const dir = tempDir('gatewaykit-watch-inline-');
    // A temporary folder of the test's own: other test files create folders in the system's concurrently.
    const tmp = tempDir('gatewaykit-watch-tmp-');
    const tmpdir = jest.spyOn(jest.requireActual<typeof os>('node:os'), 'tmpdir').mockReturnValue(tmp);
    try {
      writeInlineApp(dir, 'v1');
      const watched = await watchApp({
        cwd: dir,
        port: 0,
        synth,
        quiet: true,
        log: () => undefined,
        onHandlerOutput: () => undefined,
        issuerKeyFile: path.join(dir, '.gatewaykit', 'issuer.json'),
      });
      for (const version of ['v2', 'v3']) {
        const reloaded = watched.nextReload();
        writeInlineApp(dir, version);
        await reloaded;
        expect(await (await fetch(watched.current().url())).text()).toBe(version);
      }
      await watched.stop();
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      tmpdir.mockRestore();
    }
  }, 60_000);
});
