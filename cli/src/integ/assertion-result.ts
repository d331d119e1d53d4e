import { MISSING_CLIENT } from './handler-notes';
import type { CustomResourceResponse } from './response-collector';
import type { ExecutionOutcome } from './state-machine';

/** The outcome of one assertion, as the report prints it. */
export interface AssertionResult {
  readonly name: string;
  readonly status: 'pass' | 'fail' | 'skip';
  /** Why it failed (the mismatch) or was skipped. */
  readonly message?: string;
  readonly durationMs: number;
}

/** What onTimeout reports once the waiter's retries are exhausted. */
const TIMED_OUT = 'Operation timed out';

/** What the run of one assertion's handler left: its response, the waiter's execution, what it could not call. */
export interface HandlerRun {
  readonly response?: CustomResourceResponse;
  readonly execution?: ExecutionOutcome;
  /** The invocation's error, when the handler itself failed. */
  readonly invocationError?: string;
  /** Calls the local AWS endpoint could not answer. */
  readonly unanswered: readonly string[];
  /** The last mismatch the waiter's isComplete printed (`Assertion Failed: …`). */
  readonly lastMismatch?: string;
  /** The client package the handler could not load, as it printed it. */
  readonly missingClient?: string;
}

/**
 * Pass, fail or skip, from the handler's response. A call the local endpoint could not answer, or a client package
 * that is not installed, makes it skipped whatever the response said: it never passes without having run.
 */
export function classify(run: HandlerRun): Omit<AssertionResult, 'name' | 'durationMs'> {
  if (run.unanswered.length > 0) {
    return { status: 'skip', message: `${[...new Set(run.unanswered)].join(', ')}: not available locally` };
  }
  if (run.missingClient !== undefined) return { status: 'skip', message: run.missingClient };
  const response = run.response;
  if (response === undefined) {
    return { status: 'fail', message: `the assertion handler sent no response${run.invocationError ? `: ${run.invocationError}` : ''}` };
  }
  if (response.Status === 'FAILED') {
    const reason = response.Reason ?? 'no reason given';
    if (MISSING_CLIENT.test(reason)) return { status: 'skip', message: reason };
    if (reason.startsWith(TIMED_OUT)) {
      const attempts = run.execution?.attempts === undefined ? '' : ` after ${run.execution.attempts - 1} attempts`;
      return { status: 'fail', message: `no success${attempts}${run.lastMismatch ? `; last: ${run.lastMismatch}` : ''}` };
    }
    return { status: 'fail', message: failureMessage(reason) };
  }
  const assertion = response.Data?.assertion;
  if (typeof assertion === 'string') {
    const parsed = JSON.parse(assertion) as { status?: string; message?: string };
    if (parsed.status === 'fail') return { status: 'fail', message: parsed.message ?? assertion };
  }
  return { status: 'pass' };
}

/** The mismatch of an assertion that failed the deployment (`failDeployment`) is JSON; else the reason as it is. */
function failureMessage(reason: string): string {
  try {
    const parsed = JSON.parse(reason) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : reason;
  } catch {
    return reason;
  }
}
