/**
 * Runs `invoke` and answers `INTEGRATION_TIMEOUT` if it takes longer than API Gateway waits for an integration
 * (`TimeoutInMillis`); the function itself runs on until its own timeout, as in AWS.
 */
export async function invokeWithIntegrationTimeout<T>(invoke: () => Promise<T>, timeoutMs: number): Promise<T | 'INTEGRATION_TIMEOUT'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'INTEGRATION_TIMEOUT'>((resolve) => {
    timer = setTimeout(() => resolve('INTEGRATION_TIMEOUT'), timeoutMs);
  });
  try {
    return await Promise.race([invoke(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
