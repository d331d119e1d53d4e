/**
 * The messages between the main thread and a sandbox worker. An invocation is one string, the request id then the
 * event's JSON, and a result the result's JSON string alone: a bare string is the cheapest message to clone, and the
 * two messages of every invocation are the main thread's largest cost after socket writes (measured with --cpu-prof
 * under load).
 */
import type { OutboundResponse } from './types';

/** What a worker needs to become one function's sandbox, passed as `workerData`. */
export interface SandboxSpec {
  readonly codeDir: string;
  /** `path/file.export`, as in the function's `Handler`. */
  readonly handler: string;
  /** E.g. `nodejs20.x`. */
  readonly runtime: string;
  readonly functionName: string;
  readonly functionArn: string;
  readonly memorySizeMb: number;
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** The function's timeout, for `context.getRemainingTimeInMillis()`. */
  readonly timeoutMs: number;
  /** Keyed by absolute URL without query; see `LambdaRuntimeOptions.outboundResponses`. */
  readonly outboundResponses: ReadonlyArray<readonly [string, OutboundResponse]>;
  /** Origin -> local origin; see `SandboxExtras.redirects`. */
  readonly outboundRedirects: ReadonlyArray<readonly [string, string]>;
  /** The shared memory `process.stdout` writes to (an output ring). */
  readonly stdoutRing: SharedArrayBuffer;
  /** The shared memory `process.stderr` writes to (an output ring). */
  readonly stderrRing: SharedArrayBuffer;
}

/**
 * An invocation: its request id (a UUID, 36 characters), which the main thread chooses so that it can name the
 * invocation when the sandbox dies under it, followed by the event as JSON.
 */
export type InvocationRequest = string;

const REQUEST_ID_LENGTH = 36;

export function invocationRequest(requestId: string, eventJson: string): InvocationRequest {
  return requestId + eventJson;
}

export function parseInvocationRequest(request: InvocationRequest): { readonly requestId: string; readonly eventJson: string } {
  return { requestId: request.slice(0, REQUEST_ID_LENGTH), eventJson: request.slice(REQUEST_ID_LENGTH) };
}

/** Lambda's error document (what `Invoke` returns for a function error). */
export interface LambdaErrorDocument {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: readonly string[];
}

/**
 * A result (its JSON string), how the sandbox is doing, or bytes a streaming handler wrote (sent as they are written,
 * before the invocation's result).
 */
export type WorkerMessage =
  | string
  | { readonly kind: 'chunk'; readonly bytes: Uint8Array }
  | { readonly kind: 'ready' }
  | ({ readonly kind: 'init-error' } & LambdaErrorDocument)
  | ({ readonly kind: 'error' } & LambdaErrorDocument);

/** The exit codes Lambda's Node.js runtime uses when user code leaves an error nobody handles. */
export const EXIT_CODE_UNHANDLED_REJECTION = 128;
export const EXIT_CODE_UNCAUGHT_EXCEPTION = 129;
