import { Writable } from 'node:stream';

/** How Lambda's Node.js runtime marks a handler wrapped in `awslambda.streamifyResponse`. */
const HANDLER_STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const STREAMING_RESPONSE = 'response';

/** The content type and the 8 zero bytes that `HttpResponseStream.from` writes to separate the metadata from the body. */
const HTTP_INTEGRATION_RESPONSE = 'application/vnd.awslambda.http-integration-response';
export const PRELUDE_DELIMITER = new Uint8Array(8);

/** A response stream as handlers receive it: a Writable with Lambda's `setContentType`. */
export interface ResponseStream extends Writable {
  setContentType(contentType: string): void;
}

/**
 * Defines the `awslambda` global that Lambda's Node.js runtime gives handlers, with response streaming:
 * `streamifyResponse(handler)` and `HttpResponseStream.from(stream, metadata)`.
 * https://docs.aws.amazon.com/lambda/latest/dg/config-rs-write-functions.html
 */
export function defineAwsLambdaGlobal(): void {
  (globalThis as { awslambda?: unknown }).awslambda = {
    streamifyResponse<T extends object>(handler: T): T {
      Object.defineProperty(handler, HANDLER_STREAMING, { value: STREAMING_RESPONSE });
      return handler;
    },
    HttpResponseStream: {
      from(stream: ResponseStream, metadata: unknown): ResponseStream {
        stream.setContentType(HTTP_INTEGRATION_RESPONSE);
        stream.write(JSON.stringify(metadata));
        stream.write(PRELUDE_DELIMITER);
        return stream;
      },
    },
  };
}

/** Whether the handler was wrapped in `awslambda.streamifyResponse`. */
export function isStreamingHandler(handler: unknown): boolean {
  return (handler as { [HANDLER_STREAMING]?: unknown })[HANDLER_STREAMING] === STREAMING_RESPONSE;
}

/** A stream whose every write goes to `send` as bytes, in order; `finished` resolves when the handler ended it. */
export function createResponseStream(send: (bytes: Uint8Array) => void): { readonly stream: ResponseStream; readonly finished: Promise<void> } {
  const stream = new Writable({
    write(chunk: Buffer | string, encoding, callback) {
      send(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : new Uint8Array(chunk));
      callback();
    },
  }) as ResponseStream;
  stream.setContentType = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
  });
  return { stream, finished };
}
