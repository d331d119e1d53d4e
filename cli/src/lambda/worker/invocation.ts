import { RESPONSE_TOO_LARGE_ERROR, SYNC_PAYLOAD_LIMIT_BYTES } from '../lambda-messages';
import { InvocationRequest, parseInvocationRequest, SandboxSpec, WorkerMessage } from '../protocol';
import { formatError } from './error-format';
import { createResponseStream, isStreamingHandler, ResponseStream } from './response-streaming';

export type LambdaCallback = (error?: unknown, result?: unknown) => void;

export type LambdaHandler = (event: unknown, context: LambdaContext, callback: LambdaCallback) => unknown;

/** The `context` argument of Lambda's Node.js runtime. */
export interface LambdaContext {
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly clientContext: undefined;
  readonly identity: undefined;
  /**
   * Accepted and ignored: Lambda holds the response of a callback handler until the event loop is empty, which a
   * worker thread (whose message port keeps its loop alive) cannot observe; the response goes out when the callback runs.
   */
  callbackWaitsForEmptyEventLoop: boolean;
  readonly getRemainingTimeInMillis: () => number;
  readonly done: LambdaCallback;
  readonly succeed: (result?: unknown) => void;
  readonly fail: (error?: unknown) => void;
}

/**
 * Runs one invocation and sends its result or error, once: whichever comes first of the returned promise, the
 * callback, or the legacy `context.done/succeed/fail` wins, as in Lambda. A handler that returns no promise and never
 * calls back runs until the function times out (Lambda would answer `null` once the event loop drained).
 */
export function invokeHandler(
  handler: LambdaHandler,
  request: InvocationRequest,
  spec: SandboxSpec,
  send: (message: WorkerMessage) => void,
): void {
  const deadlineMs = Date.now() + spec.timeoutMs;
  const { requestId, eventJson } = parseInvocationRequest(request);
  let completed = false;
  const succeed = (result?: unknown): void => {
    if (!completed) {
      completed = true;
      send(serializeResult(result));
    }
  };
  const fail = (error?: unknown): void => {
    if (!completed) {
      completed = true;
      send({ kind: 'error', ...formatError(error) });
    }
  };
  const callback: LambdaCallback = (error, result) => (error === undefined || error === null ? succeed(result) : fail(error));
  const context: LambdaContext = {
    functionName: spec.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: spec.functionArn,
    memoryLimitInMB: String(spec.memorySizeMb),
    awsRequestId: requestId,
    logGroupName: spec.logGroupName,
    logStreamName: spec.logStreamName,
    clientContext: undefined,
    identity: undefined,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - Date.now()),
    done: callback,
    succeed,
    fail,
  };
  try {
    if (isStreamingHandler(handler)) {
      invokeStreamingHandler(handler, JSON.parse(eventJson), context, send, succeed, fail);
      return;
    }
    const returned = handler(JSON.parse(eventJson), context, callback);
    if (isThenable(returned)) {
      returned.then(succeed, fail);
    }
  } catch (error) {
    fail(error);
  }
}

/**
 * A `streamifyResponse` handler gets `(event, responseStream, context)`: what it writes goes to the main thread as it
 * is written; the invocation succeeds once its promise resolves and the stream has ended (ended for it if need be).
 */
function invokeStreamingHandler(
  handler: LambdaHandler, event: unknown, context: LambdaContext, send: (message: WorkerMessage) => void,
  succeed: (result?: unknown) => void, fail: (error?: unknown) => void,
): void {
  const { stream, finished } = createResponseStream((bytes) => send({ kind: 'chunk', bytes }));
  const streaming = handler as unknown as (event: unknown, stream: ResponseStream, context: LambdaContext) => unknown;
  Promise.resolve(streaming(event, stream, context)).then(
    () => {
      if (!stream.writableEnded) {
        stream.end();
      }
      return finished.then(() => succeed(null));
    },
  ).catch(fail);
}

/**
 * Lambda returns `null` for an `undefined` result; a result JSON cannot represent, or one over the synchronous payload
 * quota, is the handler's error. The size is checked here, so that an oversized result never crosses to the main thread.
 */
function serializeResult(result: unknown): WorkerMessage {
  let json: string;
  try {
    json = JSON.stringify(result) ?? 'null';
  } catch {
    return { kind: 'error', errorType: 'Runtime.JSONStringifyError', errorMessage: 'Unable to stringify response body', trace: [] };
  }
  // A UTF-16 length under a third of the quota cannot pass it in UTF-8 bytes: only longer results are measured.
  return json.length * 3 <= SYNC_PAYLOAD_LIMIT_BYTES || Buffer.byteLength(json) <= SYNC_PAYLOAD_LIMIT_BYTES
    ? json
    : { kind: 'error', ...RESPONSE_TOO_LARGE_ERROR, trace: [] };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
    && typeof (value as { then?: unknown }).then === 'function';
}
