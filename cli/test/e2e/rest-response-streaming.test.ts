import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { nodeFunction, serveApp, ServedTestApp } from '../support/app';

/**
 * Writes its prelude and a first chunk, waits until the test opens the gate (so that the client must have received the
 * first chunk before the second exists), then writes the rest: the handler of the AWS docs' HttpResponseStream example.
 */
const streamingHandler = (gateUrl: string) => `exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream = awslambda.HttpResponseStream.from(responseStream, { statusCode: 201, headers: { 'x-streamed': 'yes' }, cookies: ['c1=blue'] });
  responseStream.write('first;');
  await fetch(${JSON.stringify(gateUrl)});
  responseStream.write('second');
  responseStream.end();
});`;

describe('REST response streaming (aws-cdk-lib LambdaIntegration with ResponseTransferMode.STREAM)', () => {
  let app: ServedTestApp;
  let gate: http.Server;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });

  beforeAll(async () => {
    gate = http.createServer((_req, res) => void opened.then(() => res.end('open')));
    await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
    const gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}/gate`;
    app = await serveApp((stack) => {
      const api = new apigateway.RestApi(stack, 'Api', { deployOptions: { stageName: 'prod' } });
      api.root.addResource('stream').addMethod('GET', new apigateway.LambdaIntegration(nodeFunction(stack, 'Streamer', streamingHandler(gateUrl)), {
        responseTransferMode: apigateway.ResponseTransferMode.STREAM,
      }));
      api.root.addResource('buffered').addMethod('GET', new apigateway.LambdaIntegration(
        nodeFunction(stack, 'NotStreaming', 'exports.handler = async () => ({ statusCode: 200, body: "whole" });'),
        { responseTransferMode: apigateway.ResponseTransferMode.STREAM },
      ));
    });
  });
  afterAll(async () => {
    open();
    await app.stop();
    gate.closeAllConnections();
    await new Promise<void>((resolve) => gate.close(() => resolve()));
  });

  test('the prelude sets status and headers, and the body reaches the client as the function writes it', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode-lambda.html
    const response = await app.fetch('stream');
    expect(response.status).toBe(201);
    expect(response.headers.get('x-streamed')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['c1=blue']);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('first;')) {
      text += decoder.decode((await reader.read()).value);
    }
    // The second chunk cannot exist yet: the function waits for the gate.
    expect(text).toBe('first;');
    open();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value);
    }
    expect(text).toBe('first;second');
  });

  test('a function that returns a result instead of streaming answers 502', async () => {
    // The streaming format is required (same page): a buffered result has no prelude.
    const response = await app.fetch('buffered');
    expect(response.status).toBe(502);
    expect(await response.text()).toBe('{"message": "Internal server error"}');
  });
});
