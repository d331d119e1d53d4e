import type { Readable } from 'node:stream';
import type { FunctionModel } from '../model';

/** A response the workers give to an outbound HTTP(S) request instead of the network. */
export interface OutboundResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface LambdaRuntimeOptions {
  /** The region the functions run in: AWS_REGION and AWS_DEFAULT_REGION in their environment. */
  readonly region: string;
  /** The account of the app. The functions' ARNs already carry it, so the runtime reads it from there. */
  readonly accountId: string;
  /**
   * Concurrent executions per function, each in its own worker thread (default 4; a function's reservedConcurrency,
   * when lower, wins).
   */
  readonly maxWorkersPerFunction?: number;
  /**
   * Outbound HTTP(S) requests answered inside the workers instead of the network, keyed by exact URL (no query):
   * the local issuer's JWKS and OpenID configuration documents, so that handlers verifying tokens (e.g. with
   * aws-jwt-verify, which calls `require('https').request`) work offline. Other URLs go to the network as usual.
   */
  readonly outboundResponses?: ReadonlyMap<string, OutboundResponse>;
  /** Read each time a worker starts (default none): what the runtime's local services add to every sandbox. */
  readonly sandboxExtras?: () => SandboxExtras | undefined;
  /**
   * Host names whose outbound HTTP(S) requests go to a local origin (`http://127.0.0.1:3001`) instead, path and query
   * unchanged: the execute-api hosts of the served APIs. Read when a sandbox starts, so origins registered after the
   * runtime was made (listeners bind after it) reach every sandbox started later.
   */
  readonly outboundOrigins?: () => ReadonlyMap<string, string>;
  /**
   * Variables a function's sandbox gets over everything else in its environment (its own, Lambda's and the host's
   * credentials); undefined for none.
   */
  readonly extraEnvironment?: (fn: FunctionModel) => Readonly<Record<string, string>> | undefined;
  /**
   * Receives what handlers write to stdout/stderr, line by line (default: written to this process's stderr prefixed
   * with the function name).
   */
  readonly onHandlerOutput?: (functionName: string, line: string) => void;
}

/** What the runtime's local services (WebSocket APIs, the DynamoDB endpoint) add to every sandbox. */
export interface SandboxExtras {
  /** Variables every function gets under its own (service endpoints, the AWS SDK Lambda provides, credentials). */
  readonly environment: Readonly<Record<string, string>>;
  /**
   * Hosts (`{apiId}.execute-api.{region}.amazonaws.com`) whose requests go to a local origin (`http://127.0.0.1:3002`)
   * instead, as `outboundOrigins`: a WebSocket API's `@connections`.
   */
  readonly origins: ReadonlyArray<readonly [string, string]>;
}

/**
 * How an invocation ended. `coldStart` says whether a new worker was started for it; `durationMs` runs from the
 * moment a worker took the invocation (its INIT included, on a cold start) to the outcome, not counting time queued.
 */
export type InvokeOutcome =
  | { readonly kind: 'result'; readonly payload: unknown; readonly coldStart: boolean; readonly durationMs: number }
  | {
    readonly kind: 'error';
    readonly errorType: string;
    readonly errorMessage: string;
    readonly trace: readonly string[];
    readonly coldStart: boolean;
    readonly durationMs: number;
  }
  | { readonly kind: 'timeout'; readonly errorMessage: string; readonly coldStart: boolean; readonly durationMs: number }
  /** The runtime ended under the invocation: `Runtime.ExitError`, `Runtime.OutOfMemory`, or closed by the server. */
  | { readonly kind: 'crash'; readonly errorType?: string; readonly errorMessage: string; readonly coldStart: boolean; readonly durationMs: number }
  /** Invoke refused the event before any function ran (over the payload quota). */
  | { readonly kind: 'refused'; readonly errorType: string; readonly errorMessage: string; readonly coldStart: false; readonly durationMs: 0 };

/** A streaming invocation: the bytes the handler writes, once it wrote some, else how it ended. */
export type InvokeStreamingOutcome =
  | { readonly kind: 'stream'; readonly body: Readable }
  | InvokeOutcome;

/** Per function: invocations, cold starts, live workers, queued requests. */
export interface FunctionStats {
  invocations: number;
  coldStarts: number;
  workers: number;
  queued: number;
}
