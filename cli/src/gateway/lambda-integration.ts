import { invokeWithIntegrationTimeout } from './integration-timeout';
import { functionForArn } from './stage-variables';
import type { InvokeOutcome } from '../lambda';
import type { LambdaErrorDocument } from '../lambda/protocol';
import { FunctionModel } from '../model';
import { RequestLogDetails } from './api-request';

/** What a Lambda proxy integration needs of the runtime. */
export interface LambdaIntegrationDeps {
  readonly functions: ReadonlyMap<string, FunctionModel>;
  readonly invoke: (functionArn: string, event: unknown) => Promise<InvokeOutcome>;
}

/** The function's result, or why there is none (each API type answers these with its own error). */
export type LambdaIntegrationRun =
  | { readonly kind: 'result'; readonly payload: unknown }
  /** `request-too-large`: Lambda's Invoke refused the event (over its 6 MB synchronous payload quota). */
  | { readonly kind: 'no-function' | 'integration-timeout' | 'request-too-large'; readonly note: string }
  /** `error` is Lambda's error document, what `Invoke` returns with `X-Amz-Function-Error`. */
  | { readonly kind: 'function-failed'; readonly note: string; readonly error: LambdaErrorDocument };

/** Lambda's `errorType` for an invocation that timed out or whose runtime exited, which carry no type of their own. */
const ERROR_TYPES = { timeout: 'Sandbox.Timedout', crash: 'Runtime.ExitError' } as const;

/**
 * Invokes the integration's function with the event, which is built only once the function is known to run locally,
 * racing API Gateway's integration timeout. Records the cold start in `log`.
 */
export async function invokeLambdaIntegration(
  deps: LambdaIntegrationDeps, functionArn: string, timeoutMs: number, event: () => unknown, log: RequestLogDetails,
): Promise<LambdaIntegrationRun> {
  const fn = functionForArn(deps.functions, functionArn);
  if (!fn?.codeDir) {
    return { kind: 'no-function', note: fn ? `function ${fn.functionName} has no local code` : `no function ${functionArn} in the app` };
  }
  const outcome = await invokeWithIntegrationTimeout(() => deps.invoke(fn.arn, event()), timeoutMs, fn.timeoutSeconds);
  if (outcome === 'INTEGRATION_TIMEOUT') {
    return { kind: 'integration-timeout', note: `no answer within ${timeoutMs} ms` };
  }
  if (outcome.kind === 'refused') {
    return { kind: 'request-too-large', note: `${fn.functionName}: ${outcome.errorType}: ${outcome.errorMessage}` };
  }
  log.coldStart = outcome.coldStart;
  if (outcome.kind !== 'result') {
    const error = outcome.kind === 'error'
      ? { errorType: outcome.errorType, errorMessage: outcome.errorMessage, trace: outcome.trace }
      : { errorType: (outcome.kind === 'crash' ? outcome.errorType : undefined) ?? ERROR_TYPES[outcome.kind], errorMessage: outcome.errorMessage, trace: [] };
    return { kind: 'function-failed', note: `${fn.functionName}: ${outcome.kind === 'error' ? `${outcome.errorType}: ` : ''}${outcome.errorMessage}`, error };
  }
  return { kind: 'result', payload: outcome.payload };
}
