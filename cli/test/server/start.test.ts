import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration, WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { start } from '../../src/server/start';
import { ECHO_HANDLER, nodeFunction } from '../support/app';
import { tempDir } from '../support/temp-dirs';

function synthesize(build: (stack: Stack) => void): string {
  const outdir = tempDir('gatewaykit-start-');
  const app = new App({ outdir });
  build(new Stack(app, 'Shop'));
  app.synth();
  return outdir;
}

describe('start', () => {
  const issuerKeyFile = path.join(tempDir('gatewaykit-key-'), 'key.json');
  let assembly: string;

  beforeAll(() => {
    assembly = synthesize((stack) => {
      const echo = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      const rest = new apigateway.RestApi(stack, 'Rest', { deployOptions: { stageName: 'prod' } });
      rest.root.addResource('items').addMethod('GET', new apigateway.LambdaIntegration(echo));
      rest.root.addResource('legacy').addMethod('GET', new apigateway.AwsIntegration({ service: 'sqs', path: '111122223333/queue' }));
      new apigatewayv2.HttpApi(stack, 'Http', { defaultIntegration: new HttpLambdaIntegration('Echo', echo) });
      const ws = new apigatewayv2.WebSocketApi(stack, 'Chat', { defaultRouteOptions: { integration: new WebSocketLambdaIntegration('Chat', echo) } });
      new apigatewayv2.WebSocketStage(stack, 'ChatStage', { webSocketApi: ws, stageName: 'prod' });
    });
  });

  test('prints one URL per API and stage, and what it does not serve with why', async () => {
    const lines: string[] = [];
    const running = await start({ app: assembly, port: 0, issuerKeyFile, log: (line) => lines.push(line), onHandlerOutput: () => undefined });
    try {
      const text = lines.join('\n');
      expect(text).toMatch(/^gatewaykit: serving 3 APIs from .* \(ready in \d+ ms\)/);
      expect(text).toContain(`REST  ${running.url('Rest')}`);
      expect(running.url('Rest')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/prod\/$/);
      expect(text).toContain(`HTTP  ${running.url('Http')}`);
      expect(text).toContain(`WS    ${running.url('Chat')}`);
      expect(running.url('Chat')).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/prod$/);
    } finally {
      await running.stop();
    }
  });

  test('logs one line per request with method, path, status, latency, route and warm or cold', async () => {
    const lines: string[] = [];
    const running = await start({ app: assembly, port: 0, issuerKeyFile, log: (line) => lines.push(line), onHandlerOutput: () => undefined });
    try {
      await fetch(new URL('items', running.url('Rest')));
      await fetch(new URL('items', running.url('Rest')));
      await fetch(new URL('legacy', running.url('Rest')));
      const requestLines = lines.filter((line) => line.startsWith('GET /prod/'));
      expect(requestLines[0]).toMatch(/^GET \/prod\/items 200 \d+ms Shop\/Rest route="GET \/items" cold$/);
      expect(requestLines[1]).toMatch(/ warm$/);
      expect(requestLines[2]).toMatch(/^GET \/prod\/legacy 500 .*API_CONFIGURATION_ERROR: sqs path 111122223333\/queue: AWS service integrations need an endpoint/);
    } finally {
      await running.stop();
    }
  });

  test('quiet leaves out the request lines', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const running = await start({ app: assembly, port: 0, issuerKeyFile, quiet: true, log, onHandlerOutput: () => undefined });
    try {
      const before = lines.length;
      await fetch(new URL('items', running.url('Rest')));
      expect(lines.length).toBe(before);
    } finally {
      await running.stop();
    }
  });

  test('stage serves only that stage of the APIs that have it', async () => {
    const running = await start({ app: assembly, port: 0, issuerKeyFile, stage: 'prod', log: () => undefined });
    try {
      expect(running.apis.map((api) => api.path)).toEqual(['Shop/Rest', 'Shop/Chat']);
    } finally {
      await running.stop();
    }
  });

  test('consecutive ports from port, one per API: the REST and HTTP APIs in construct-path order, then the WebSocket APIs', async () => {
    const running = await start({ app: assembly, port: 38_471, issuerKeyFile, log: () => undefined });
    try {
      expect(running.apis.map((api) => [api.path, api.port])).toEqual([['Shop/Http', 38_471], ['Shop/Rest', 38_472], ['Shop/Chat', 38_473]]);
    } finally {
      await running.stop();
    }
  });

  test('an unreadable assembly is an error that names the folder and says what to pass', async () => {
    await expect(start({ app: '/nonexistent/cdk.out', issuerKeyFile, log: () => undefined })).rejects.toThrow(/\/nonexistent\/cdk\.out/);
  });

  test('url() names the choices when the API or stage is ambiguous', async () => {
    const running = await start({ app: assembly, port: 0, issuerKeyFile, log: () => undefined });
    try {
      expect(() => running.url()).toThrow(/several APIs match; served APIs are Shop\/Http, Shop\/Rest/);
    } finally {
      await running.stop();
    }
  });
});
