/**
 * The words Lambda uses for failures the runtime (not the handler) reports, in one place so they can be corrected.
 */
import { EXIT_CODE_UNCAUGHT_EXCEPTION, EXIT_CODE_UNHANDLED_REJECTION } from './protocol';

/** Lambda's INIT phase limit. Past it Lambda retries INIT inside the invoke, bounded by the function timeout. */
export const INIT_PHASE_LIMIT_MS = 10_000;

export function timedOutMessage(timeoutSeconds: number): string {
  return `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

/**
 * What Lambda reports when the runtime process ends: the error type, and the message it logs and answers the invocation
 * with (`RequestId: {id} Error: ...` during one), as in `{"errorType":"Runtime.OutOfMemory","errorMessage":"RequestId:
 * … Error: Runtime exited with error: signal: killed"}`. The exit codes of unhandled errors are named so that a reader
 * of the message knows which it was.
 */
export function runtimeExit(
  exitCode: number, outOfMemory: boolean, requestId?: string,
): { readonly errorType: string; readonly errorMessage: string } {
  const prefix = requestId === undefined ? '' : `RequestId: ${requestId} `;
  if (outOfMemory) {
    return { errorType: 'Runtime.OutOfMemory', errorMessage: `${prefix}Error: Runtime exited with error: signal: killed` };
  }
  if (exitCode === 0) {
    return { errorType: 'Runtime.ExitError', errorMessage: `${prefix}Error: Runtime exited without providing a reason` };
  }
  const reason = EXIT_REASONS.get(exitCode);
  return { errorType: 'Runtime.ExitError', errorMessage: `${prefix}Error: Runtime exited with error: exit status ${exitCode}${reason ? ` (${reason})` : ''}` };
}

const EXIT_REASONS = new Map([
  [EXIT_CODE_UNHANDLED_REJECTION, 'unhandled promise rejection'],
  [EXIT_CODE_UNCAUGHT_EXCEPTION, 'uncaught exception'],
]);

export const RUNTIME_CLOSED_MESSAGE = 'The local Lambda runtime was closed before this invocation completed';

/** What Lambda's Invoke answers when the function's reserved concurrency is 0 (uncertain: the exact message). */
export const THROTTLED_ERROR = { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.' } as const;

/**
 * Lambda's synchronous invocation payload quota: "6 MB each for request and response (synchronous)"
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
 */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;

/** What Invoke answers for an event over the quota, without running the function. */
export function requestTooLargeError(bytes: number) {
  return {
    errorType: 'RequestEntityTooLargeException',
    errorMessage: `${bytes} byte payload is too large for the RequestResponse invocation type (limit ${SYNC_PAYLOAD_LIMIT_BYTES} bytes)`,
  } as const;
}

/** The function error Lambda reports for a result over the quota (uncertain: the exact message). */
export const RESPONSE_TOO_LARGE_ERROR = {
  errorType: 'Function.ResponseSizeTooLarge',
  errorMessage: `Response payload size exceeded maximum allowed payload size (${SYNC_PAYLOAD_LIMIT_BYTES} bytes).`,
} as const;
