import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { synth } from './support';
import { watchApp, WatchedApp } from '../../src/watch/watch-mode';
import { tempDir } from '../support/temp-dirs';
import { connect } from '../websocket/support';

/**
 * A CDK app whose function answers its VERSION variable (a change to it is a full reload, not a code-only one): an HTTP
 * API (`/put?value=` and `/get` write and read a table item, `/slow` answers after 3 s) and a WebSocket API echoing it.
 */
function writeApp(dir: string, version: string, apis: 'Api and Chat' | 'Api and Extra' = 'Api and Chat'): void {
  const cdkLib = JSON.stringify(path.dirname(require.resolve('aws-cdk-lib/package.json')));
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'node app.js' }));
  fs.writeFileSync(path.join(dir, 'app.js'), `
const cdk = require(${cdkLib});
const lambda = require(${cdkLib} + '/aws-lambda');
const dynamodb = require(${cdkLib} + '/aws-dynamodb');
const apigwv2 = require(${cdkLib} + '/aws-apigatewayv2');
const { HttpLambdaIntegration, WebSocketLambdaIntegration } = require(${cdkLib} + '/aws-apigatewayv2-integrations');
const app = new cdk.App();
const stack = new cdk.Stack(app, 'Reloaded');
const table = new dynamodb.Table(stack, 'Items', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
const fn = new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset(__dirname + '/handler'),
  environment: { VERSION: '${version}', TABLE: table.tableName }, timeout: cdk.Duration.seconds(10),
});
new apigwv2.HttpApi(stack, 'Api', { defaultIntegration: new HttpLambdaIntegration('Fn', fn) });
if (${JSON.stringify(apis)} === 'Api and Chat') {
  const ws = new apigwv2.WebSocketApi(stack, 'Chat');
  ws.addRoute('$default', { integration: new WebSocketLambdaIntegration('Echo', fn), returnResponse: true });
  new apigwv2.WebSocketStage(stack, 'Dev', { webSocketApi: ws, stageName: 'dev', autoDeploy: true });
} else {
  new apigwv2.HttpApi(stack, 'Extra', { defaultIntegration: new HttpLambdaIntegration('Fn', fn) });
}
app.synth();
`);
}

const HANDLER = `const { DynamoDBClient, GetItemCommand, PutItemCommand } = require('@aws-sdk/client-dynamodb');
const db = new DynamoDBClient({});
exports.handler = async (event) => {
  const Key = { id: { S: 'kept' } };
  if (event.rawPath === '/put') await db.send(new PutItemCommand({ TableName: process.env.TABLE, Item: { ...Key, value: { S: event.queryStringParameters.value } } }));
  if (event.rawPath === '/get') return { statusCode: 200, body: (await db.send(new GetItemCommand({ TableName: process.env.TABLE, Key }))).Item.value.S };
  if (event.rawPath === '/slow') await new Promise((resolve) => setTimeout(resolve, 3000));
  return { statusCode: 200, body: process.env.VERSION };
};`;

/** GET on a new connection each time (no keep-alive), so that a refused connection shows: the status and body, or the error. */
function getOnNewConnection(url: string): Promise<string> {
  return new Promise((resolve) => {
    http.get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(`${response.statusCode} ${Buffer.concat(chunks).toString('utf8')}`));
    }).on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('serve --watch: a full reload keeps the ports, the connections and the data', () => {
  let dir: string;
  let watched: WatchedApp;
  const lines: string[] = [];
  const httpUrl = () => watched.current().url('Api');
  const reloadTo = async (version: string, apis?: 'Api and Extra') => {
    const reloaded = watched.nextReload();
    writeApp(dir, version, apis);
    await reloaded;
    expect(lines).toContainEqual(expect.stringMatching(/^gatewaykit: reloaded after a change to app\.js in \d+ ms$/));
  };

  beforeAll(async () => {
    dir = tempDir('gatewaykit-reload-');
    writeApp(dir, 'v1');
    fs.mkdirSync(path.join(dir, 'handler'));
    fs.writeFileSync(path.join(dir, 'handler', 'index.js'), HANDLER);
    watched = await watchApp({
      cwd: dir,
      port: 0,
      synth,
      quiet: true,
      log: (line) => lines.push(line),
      onHandlerOutput: () => undefined,
      issuerKeyFile: path.join(dir, '.gatewaykit', 'issuer.json'),
      controlPlane: {},
    });
  }, 60_000);
  afterAll(() => watched.stop());

  test('with --port 0 the APIs and the control plane keep their ports, a client calling all along is never refused, and a request in flight ends on the old app', async () => {
    const before = watched.current();
    const answers: string[] = [];
    let reloading = true;
    const hammering = (async () => {
      while (reloading) answers.push(await getOnNewConnection(httpUrl()));
    })();
    const slow = getOnNewConnection(new URL('slow', httpUrl()).href);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reloadTo('v2');
    answers.push(await getOnNewConnection(httpUrl()));
    reloading = false;
    await hammering;
    expect(watched.current()).not.toBe(before);
    expect(watched.current().apis.map((api) => api.port)).toEqual(before.apis.map((api) => api.port));
    expect(watched.current().controlPlaneUrl).toBe(before.controlPlaneUrl);
    expect(new Set(answers)).toEqual(new Set(['200 v1', '200 v2']));
    expect(answers.indexOf('200 v2')).toBeGreaterThan(answers.lastIndexOf('200 v1'));
    expect(await slow).toBe('200 v1');
  }, 60_000);

  test('an item written to a table before a full reload is read after it', async () => {
    expect(await getOnNewConnection(new URL('put?value=written-before', httpUrl()).href)).toBe('200 v2');
    await reloadTo('v3');
    expect(await getOnNewConnection(new URL('get', httpUrl()).href)).toBe('200 written-before');
  }, 60_000);

  test('an open WebSocket connection stays open across a full reload and its next message runs on the new app', async () => {
    const client = await connect(watched.current().url('Chat'));
    expect(await client.ask('hello')).toBe('v3');
    await reloadTo('v4');
    expect(await client.ask('hello again')).toBe('v4');
    client.socket.close();
    expect(await client.closed).toBe(1005);
  }, 60_000);

  test('a reload that removes an API closes its connections (1001) and its port, and one that adds an API serves it on a port of its own', async () => {
    const chat = watched.current().apis.find((api) => api.kind === 'WEBSOCKET')!;
    const client = await connect(watched.current().url('Chat'));
    await reloadTo('v5', 'Api and Extra');
    expect(await client.closed).toBe(1001);
    expect(await getOnNewConnection(`http://127.0.0.1:${chat.port}/`)).toBe('ECONNREFUSED');
    const ports = watched.current().apis.map((api) => api.port);
    expect(new Set(ports).size).toBe(2);
    expect(await getOnNewConnection(watched.current().url('Extra'))).toBe('200 v5');
  }, 60_000);
});
