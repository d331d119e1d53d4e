import { closeRuntimes, eventually, nodeFunction, payloadOf, startRuntime } from './fixtures';
import type { LambdaRuntime } from '../../src/lambda';
import type { FunctionModel } from '../../src/model';

describe('timeouts and crashes', () => {
  let output: string[];

  afterEach(closeRuntimes);

  function start(...functions: FunctionModel[]): LambdaRuntime {
    output = [];
    return startRuntime(functions, { onHandlerOutput: (functionName, line) => output.push(`${functionName}: ${line}`) });
  }

  test('a handler running past its timeout ends as a timeout with Lambda message', async () => {
    const fn = nodeFunction('hang', { 'index.js': 'exports.handler = () => new Promise(() => undefined);' }, { timeoutSeconds: 1 });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'timeout', errorMessage: 'Task timed out after 1.00 seconds' });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(990);
  });

  test('after a timeout the worker is replaced and the next invocation is a cold start that works', async () => {
    const source = 'exports.handler = (event) => event.hang ? new Promise(() => undefined) : Promise.resolve("recovered");';
    const fn = nodeFunction('hang', { 'index.js': source }, { timeoutSeconds: 1 });
    const lambda = start(fn);
    await lambda.invoke(fn.arn, { hang: true });

    const next = await lambda.invoke(fn.arn, {});

    expect(next).toMatchObject({ kind: 'result', payload: 'recovered', coldStart: true });
    expect(lambda.stats(fn.arn)).toMatchObject({ coldStarts: 2, workers: 1 });
  });

  test('a busy loop past the timeout is stopped too', async () => {
    const fn = nodeFunction('spin', { 'index.js': 'exports.handler = () => { for (;;) {} };' }, { timeoutSeconds: 1 });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'timeout', errorMessage: 'Task timed out after 1.00 seconds' });
  });

  test('process.exit in a handler is a crash, and the next invocation gets a new worker', async () => {
    const source = 'exports.handler = async (event) => { if (event.exit) process.exit(3); return "alive"; };';
    const fn = nodeFunction('exiting', { 'index.js': source });
    const lambda = start(fn);

    const crashed = await lambda.invoke(fn.arn, { exit: true });
    const next = await lambda.invoke(fn.arn, {});

    expect(crashed).toMatchObject({ kind: 'crash', errorType: 'Runtime.ExitError', errorMessage: expect.stringMatching(/^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3$/) });
    expect(next).toMatchObject({ kind: 'result', payload: 'alive', coldStart: true });
  });

  test('an unhandled rejection after the handler returned ends the worker, and the next invocation is a cold start', async () => {
    const source = `exports.handler = async (event) => {
      if (event.reject) setTimeout(() => Promise.reject(new Error("late failure")), 20);
      return "answered";
    };`;
    const fn = nodeFunction('rejecting', { 'index.js': source });
    const lambda = start(fn);

    const answered = await lambda.invoke(fn.arn, { reject: true });
    await eventually(() => lambda.stats(fn.arn).workers === 0);
    const next = await lambda.invoke(fn.arn, {});

    expect(payloadOf(answered)).toBe('answered');
    expect(next).toMatchObject({ kind: 'result', payload: 'answered', coldStart: true });
  });

  test('an unhandled rejection is logged as Lambda logs it', async () => {
    const source = 'exports.handler = async () => { setTimeout(() => Promise.reject(new Error("late failure")), 20); return 1; };';
    const fn = nodeFunction('rejecting', { 'index.js': source });
    const lambda = start(fn);

    await lambda.invoke(fn.arn, {});
    await eventually(() => lambda.stats(fn.arn).workers === 0);

    expect(output).toContainEqual(expect.stringMatching(
      /^rejecting: Unhandled Promise Rejection \{"errorType":"Runtime.UnhandledPromiseRejection","errorMessage":"Error: late failure"/));
  });

  test('an uncaught exception in a callback during an invocation is a crash of that invocation', async () => {
    const fn = nodeFunction('throwing', { 'index.js': 'exports.handler = () => new Promise(() => setTimeout(() => { throw new Error("in timer"); }, 10));' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'crash', errorMessage: expect.stringMatching(/ Error: Runtime exited with error: exit status 129 \(uncaught exception\)$/) });
  });

  test('running out of memory is a crash reported as Lambda reports it, in the outcome and in the log', async () => {
    // Lambda answers {"errorType":"Runtime.OutOfMemory","errorMessage":"RequestId: … Error: Runtime exited with error:
    // signal: killed"} and logs the message, then the type.
    const source = 'const hoard = []; exports.handler = async () => { console.log("hoarding"); for (;;) hoard.push(new Array(100000).fill({ a: Math.random() })); };';
    const fn = nodeFunction('hungry', { 'index.js': source }, { memorySizeMb: 128, timeoutSeconds: 20 });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({
      kind: 'crash', errorType: 'Runtime.OutOfMemory', errorMessage: expect.stringMatching(/^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: signal: killed$/),
    });
    expect(output).toEqual(['hungry: hoarding', `hungry: ${outcome.kind === 'crash' ? outcome.errorMessage : ''}`, 'hungry: Runtime.OutOfMemory']);
  });

  test("a crash of one function does not affect another function's workers", async () => {
    const stable = nodeFunction('stable', { 'index.js': 'let calls = 0; exports.handler = async () => ++calls;' });
    const exiting = nodeFunction('exiting', { 'index.js': 'exports.handler = async () => process.exit(1);' });
    const lambda = start(stable, exiting);
    await lambda.invoke(stable.arn, {});

    await lambda.invoke(exiting.arn, {});
    const stillWarm = await lambda.invoke(stable.arn, {});

    expect(stillWarm).toMatchObject({ kind: 'result', payload: 2, coldStart: false });
  });
});
