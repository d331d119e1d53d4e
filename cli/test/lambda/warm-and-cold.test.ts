import { closeRuntimes, nodeFunction, payloadOf, startRuntime } from './fixtures';

const COUNTER = `
let count = 0;
exports.handler = async () => ({ count: ++count });
`;

describe('warm and cold sandboxes', () => {
  afterEach(closeRuntimes);

  test('a warm worker keeps module state between invocations', async () => {
    const fn = nodeFunction('counter', { 'index.js': COUNTER });
    const runtime = startRuntime(fn);

    const first = await runtime.invoke(fn.arn, {});
    const second = await runtime.invoke(fn.arn, {});

    expect([payloadOf(first), payloadOf(second)]).toEqual([{ count: 1 }, { count: 2 }]);
  });

  test('the first invocation of a worker is a cold start and later ones are warm', async () => {
    const fn = nodeFunction('counter', { 'index.js': COUNTER });
    const runtime = startRuntime(fn);

    const first = await runtime.invoke(fn.arn, {});
    const second = await runtime.invoke(fn.arn, {});

    expect([first.coldStart, second.coldStart]).toEqual([true, false]);
    expect(runtime.stats(fn.arn)).toEqual({ invocations: 2, coldStarts: 1, workers: 1, queued: 0 });
  });

  test('two functions do not share module state', async () => {
    const one = nodeFunction('one', { 'index.js': COUNTER });
    const two = nodeFunction('two', { 'index.js': COUNTER });
    const runtime = startRuntime([one, two]);

    await runtime.invoke(one.arn, {});
    await runtime.invoke(one.arn, {});
    const fromTwo = await runtime.invoke(two.arn, {});

    expect(payloadOf(fromTwo)).toEqual({ count: 1 });
  });

  test('close() terminates every worker', async () => {
    const fn = nodeFunction('counter', { 'index.js': COUNTER });
    const runtime = startRuntime(fn);
    await runtime.invoke(fn.arn, {});

    await runtime.close();

    expect(runtime.stats(fn.arn).workers).toBe(0);
  });

  test('an invocation in flight when the runtime closes ends as a crash', async () => {
    const fn = nodeFunction('slow', { 'index.js': 'exports.handler = () => new Promise((resolve) => setTimeout(resolve, 2000));' });
    const runtime = startRuntime(fn);
    const inFlight = runtime.invoke(fn.arn, {});
    await new Promise((resolve) => setTimeout(resolve, 300));

    await runtime.close();

    expect(await inFlight).toMatchObject({ kind: 'crash', errorMessage: 'The local Lambda runtime was closed before this invocation completed' });
  });

  test('a closed runtime rejects new invocations', async () => {
    const fn = nodeFunction('counter', { 'index.js': COUNTER });
    const runtime = startRuntime(fn);

    await runtime.close();

    await expect(runtime.invoke(fn.arn, {})).rejects.toThrow(/The Lambda runtime is closed; it cannot run 'arn:aws:lambda:eu-west-1:111122223333:function:counter'/);
  });
});
