import { INIT_PHASE_LIMIT_MS } from '../lambda/lambda-messages';

/**
 * Runs `invoke` and answers `INTEGRATION_TIMEOUT` if it takes longer than API Gateway waits for an integration
 * (`TimeoutInMillis`); the function itself runs on until its own timeout, as in AWS. A function whose own timeout,
 * cold start included, ends first never needs the race (Lambda's 3 s default against API Gateway's 29 s): the timer
 * is left out of the hot path then.
 */
export async function invokeWithIntegrationTimeout<T>(
  invoke: () => Promise<T>, integrationTimeoutMs: number, functionTimeoutSeconds: number,
): Promise<T | 'INTEGRATION_TIMEOUT'> {
  if (functionTimeoutSeconds * 1000 + INIT_PHASE_LIMIT_MS <= integrationTimeoutMs) {
    return invoke();
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'INTEGRATION_TIMEOUT'>((resolve) => {
    timer = setTimeout(() => resolve('INTEGRATION_TIMEOUT'), integrationTimeoutMs);
  });
  try {
    return await Promise.race([invoke(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
