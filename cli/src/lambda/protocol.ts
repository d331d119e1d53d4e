/**
 * The messages between the main thread and a sandbox worker. Events and results cross as JSON strings: cloning one
 * string is cheaper than cloning an object graph, and JSON is what Lambda itself sends and returns.
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
  /** Keyed by absolute URL without query; see `LambdaRuntimeOptions.outboundResponses`. */
  readonly outboundResponses: ReadonlyArray<readonly [string, OutboundResponse]>;
}

export interface InvocationRequest {
  /** The event as JSON. */
  readonly event: string;
  /** Epoch milliseconds at which the function times out, for `context.getRemainingTimeInMillis()`. */
  readonly deadlineMs: number;
}

/** Lambda's error document (what `Invoke` returns for a function error). */
export interface LambdaErrorDocument {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: readonly string[];
}

export type WorkerMessage =
  | { readonly kind: 'ready' }
  | ({ readonly kind: 'init-error' } & LambdaErrorDocument)
  | { readonly kind: 'result'; readonly payload: string }
  | ({ readonly kind: 'error' } & LambdaErrorDocument);

/** The exit codes Lambda's Node.js runtime uses when user code leaves an error nobody handles. */
export const EXIT_CODE_UNHANDLED_REJECTION = 128;
export const EXIT_CODE_UNCAUGHT_EXCEPTION = 129;
