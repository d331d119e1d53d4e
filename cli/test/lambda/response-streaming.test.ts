import { Readable } from 'node:stream';
import { closeRuntimes, nodeFunction, startRuntime } from './fixtures';

// Lambda's Node.js streaming contract: https://docs.aws.amazon.com/lambda/latest/dg/config-rs-write-functions.html

async function textOf(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) {
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks).toString('utf8');
}

describe('response streaming handlers', () => {
  afterEach(closeRuntimes);

  function invokeStreaming(source: string, runtime = 'nodejs20.x') {
    const fn = nodeFunction('streamer', { 'index.js': source }, { runtime });
    return startRuntime(fn).invokeStreaming(fn.arn, { hello: 'world' });
  }

  test('what a streamifyResponse handler writes arrives as a stream, ended when the handler ends it', async () => {
    const outcome = await invokeStreaming('exports.handler = awslambda.streamifyResponse(async (event, stream) => { stream.write(event.hello); stream.end("!"); });');
    expect(outcome.kind).toBe('stream');
    expect(await textOf((outcome as { body: Readable }).body)).toBe('world!');
  });

  test('HttpResponseStream.from writes the JSON prelude and 8 zero bytes before the body', async () => {
    const outcome = await invokeStreaming(`exports.handler = awslambda.streamifyResponse(async (event, stream) => {
      stream = awslambda.HttpResponseStream.from(stream, { statusCode: 200 }); stream.end("body"); });`);
    expect(await textOf((outcome as { body: Readable }).body)).toBe(`{"statusCode":200}${'\u0000'.repeat(8)}body`);
  });

  test('a stream the handler leaves open ends when its promise resolves', async () => {
    const outcome = await invokeStreaming('exports.handler = awslambda.streamifyResponse(async (event, stream) => { stream.write("partial"); });');
    expect(await textOf((outcome as { body: Readable }).body)).toBe('partial');
  });

  test('a streaming handler is not refused as a callback handler on Node.js 24', async () => {
    const outcome = await invokeStreaming('exports.handler = awslambda.streamifyResponse(async (event, stream, context) => { stream.end("ok"); });', 'nodejs24.x');
    expect(await textOf((outcome as { body: Readable }).body)).toBe('ok');
  });

  test('a handler that fails before writing gives its error as the outcome', async () => {
    const outcome = await invokeStreaming('exports.handler = awslambda.streamifyResponse(async () => { throw new Error("early"); });');
    expect(outcome).toMatchObject({ kind: 'error', errorMessage: 'early' });
  });
});
