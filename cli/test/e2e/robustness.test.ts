import * as net from 'node:net';
import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';
import { tempDir } from '../support/temp-dirs';

describe('the server under bad requests and failing handlers', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const echo = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      // Module state dies with the worker: a marker file tells the replacement worker that the first call happened.
      const marker = path.join(tempDir('gatewaykit-exit-'), 'exited');
      const exiting = nodeFunction(stack, 'Exiting', `const fs = require('fs');
        exports.handler = async () => { if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(3); }
          return { statusCode: 200, body: 'again' }; };`);
      const slow = nodeFunction(stack, 'Slow', 'exports.handler = () => new Promise(() => {});', { timeout: Duration.seconds(1) });
      const api = new apigateway.RestApi(stack, 'Api', { deployOptions: { stageName: 'prod' } });
      api.root.addResource('echo').addMethod('ANY', new apigateway.LambdaIntegration(echo));
      api.root.addResource('exiting').addMethod('GET', new apigateway.LambdaIntegration(exiting));
      api.root.addResource('slow').addMethod('GET', new apigateway.LambdaIntegration(slow));
      const patient = nodeFunction(stack, 'Patient', 'exports.handler = () => new Promise(() => {});', { timeout: Duration.seconds(60) });
      api.root.addResource('patient').addMethod('GET', new apigateway.LambdaIntegration(patient, { timeout: Duration.seconds(1) }));
      const http = new apigatewayv2.HttpApi(stack, 'Http');
      http.addRoutes({ path: '/slow', methods: [apigatewayv2.HttpMethod.GET], integration: new HttpLambdaIntegration('Slow', slow) });
    });
  });
  afterAll(() => app.stop());

  test('malformed HTTP gets 400 from the server, which keeps serving', async () => {
    const { port } = new URL(app.running.url('Api'));
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await app.fetch('echo', undefined, 'Api')).status).toBe(200);
  });

  test('a body over 10 MB is refused with 413 before reaching the function', async () => {
    const before = app.invocations('Echo');
    const response = await app.fetch('echo', { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1) }, 'Api');
    expect(response.status).toBe(413);
    expect(app.invocations('Echo')).toBe(before);
  });

  test('a handler that exits the process gets 502; its worker is replaced and the next call is served', async () => {
    expect((await app.fetch('exiting', undefined, 'Api')).status).toBe(502);
    const again = await app.fetch('exiting', undefined, 'Api');
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('again');
  });

  test('a handler that runs past its timeout gets 502 on a REST API', async () => {
    expect((await app.fetch('slow', undefined, 'Api')).status).toBe(502);
  });

  test('an integration that answers later than its TimeoutInMillis gets 504 Endpoint request timed out', async () => {
    const response = await app.fetch('patient', undefined, 'Api');
    expect(response.status).toBe(504);
    expect(await response.text()).toBe('{"message": "Endpoint request timed out"}');
  });

  test('a handler that runs past its timeout gets 500 on an HTTP API', async () => {
    const response = await app.fetch('slow', undefined, 'Http');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message":"Internal Server Error"}');
  });
});
