import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RestAuthorizer, SecureLambdaApi } from '../../../src';
import { FakeClock, RunningApp, start } from '../../src';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'orders-'));
const clock = new FakeClock(Date.now());
let running: RunningApp;

beforeAll(async () => {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Orders');
  const handler = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "[]" });'),
  });
  new SecureLambdaApi(stack, 'Api', { authorizer: RestAuthorizer.cognito(), routes: { 'GET /orders': { handler } } });
  app.synth();
  running = await start({ app: outdir, port: 0, clock, quiet: true });
});
afterAll(async () => {
  await running.stop();
  fs.rmSync(outdir, { recursive: true, force: true });
});

test('an ID token of the pool is let through', async () => {
  const token = await running.issuer.mintCognito({ userPool: running.model.userPools[0], tokenUse: 'id' }, clock);
  const response = await fetch(new URL('orders', running.url()), { headers: { Authorization: token } });
  expect(response.status).toBe(200);
});

test('without a token the API answers 401', async () => {
  expect((await fetch(new URL('orders', running.url()))).status).toBe(401);
});
