import { closeRuntimes, nodeFunction, startRuntime } from './fixtures';

// "Invocation payload (request and response): 6 MB each for request and response (synchronous)"
// (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
describe("Lambda's synchronous payload quota", () => {
  afterEach(closeRuntimes);

  test('an event over 6 MB is refused by Invoke without running the function', async () => {
    const fn = nodeFunction('echo', { 'index.js': 'exports.handler = async (event) => event;' });
    const lambda = startRuntime(fn);

    const outcome = await lambda.invoke(fn.arn, { body: 'x'.repeat(6 * 1024 * 1024) });

    expect(outcome).toEqual({
      kind: 'refused',
      errorType: 'RequestEntityTooLargeException',
      errorMessage: '6291467 byte payload is too large for the RequestResponse invocation type (limit 6291456 bytes)',
      coldStart: false,
      durationMs: 0,
    });
    expect(lambda.stats(fn.arn)).toMatchObject({ coldStarts: 0 });
  });

  test('a result over 6 MB is the function error Function.ResponseSizeTooLarge', async () => {
    const fn = nodeFunction('large', { 'index.js': 'exports.handler = async () => "x".repeat(6 * 1024 * 1024);' });

    const outcome = await startRuntime(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({
      kind: 'error', errorType: 'Function.ResponseSizeTooLarge', errorMessage: 'Response payload size exceeded maximum allowed payload size (6291456 bytes).',
    });
  });
});
