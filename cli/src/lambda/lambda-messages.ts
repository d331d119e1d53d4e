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
 * What Lambda reports (as `Runtime.ExitError`, or `Runtime.OutOfMemory`) when the runtime process ends during an
 * invocation. The exit codes of unhandled errors are named so that a reader of the message knows which it was.
 */
export function runtimeExitedMessage(exitCode: number, outOfMemory: boolean): string {
  if (outOfMemory) {
    return 'Error: Runtime exited with error: signal: killed (out of memory)';
  }
  if (exitCode === 0) {
    return 'Error: Runtime exited without providing a reason';
  }
  const reason = EXIT_REASONS.get(exitCode);
  return `Error: Runtime exited with error: exit status ${exitCode}${reason ? ` (${reason})` : ''}`;
}

const EXIT_REASONS = new Map([
  [EXIT_CODE_UNHANDLED_REJECTION, 'unhandled promise rejection'],
  [EXIT_CODE_UNCAUGHT_EXCEPTION, 'uncaught exception'],
]);

export const RUNTIME_CLOSED_MESSAGE = 'The local Lambda runtime was closed before this invocation completed';

/** What Lambda's Invoke answers when the function's reserved concurrency is 0 (uncertain: the exact message). */
export const THROTTLED_ERROR = { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.' } as const;
