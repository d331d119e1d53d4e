import { ACCOUNT_ID, closeRuntimes, nodeFunction, payloadOf, REGION, startRuntime } from './fixtures';
import type { FunctionModel } from '../../src/model';

describe('invoking the handler', () => {
  afterEach(closeRuntimes);

  async function invokeOnce(source: string, event: unknown = {}, overrides: Partial<FunctionModel> = {}) {
    const fn = nodeFunction('fn', { 'index.js': source }, overrides);
    const runtime = startRuntime(fn);
    return runtime.invoke(fn.arn, event);
  }

  test('the handler receives the event', async () => {
    const outcome = await invokeOnce('exports.handler = async (event) => event.items.length;', { items: [1, 2, 3] });

    expect(payloadOf(outcome)).toBe(3);
  });

  test('an undefined result becomes null', async () => {
    const outcome = await invokeOnce('exports.handler = async () => undefined;');

    expect(outcome).toMatchObject({ kind: 'result', payload: null });
  });

  test('a callback handler answers through the callback', async () => {
    const outcome = await invokeOnce('exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { via: "callback" }), 10); };');

    expect(payloadOf(outcome)).toEqual({ via: 'callback' });
  });

  test('a callback handler fails through the callback', async () => {
    const outcome = await invokeOnce('exports.handler = (event, context, callback) => callback(new TypeError("bad input"));');

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'TypeError', errorMessage: 'bad input' });
  });

  test('the legacy context.succeed answers', async () => {
    const outcome = await invokeOnce('exports.handler = (event, context) => context.succeed("succeeded");');

    expect(payloadOf(outcome)).toBe('succeeded');
  });

  test('the legacy context.fail fails', async () => {
    const outcome = await invokeOnce('exports.handler = (event, context) => context.fail(new Error("failed"));');

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'Error', errorMessage: 'failed' });
  });

  test('the legacy context.done answers', async () => {
    const outcome = await invokeOnce('exports.handler = (event, context) => context.done(null, "done");');

    expect(payloadOf(outcome)).toBe('done');
  });

  test('the first completion wins', async () => {
    const outcome = await invokeOnce('exports.handler = (event, context, callback) => { callback(null, "first"); callback(null, "second"); };');

    expect(payloadOf(outcome)).toBe('first');
  });

  test('a thrown error has Lambda shape: errorType, errorMessage and the stack as trace', async () => {
    const outcome = await invokeOnce('exports.handler = async () => { const e = new Error("boom"); e.name = "OrderNotFound"; throw e; };');

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'OrderNotFound', errorMessage: 'boom' });
    expect(outcome.kind === 'error' && outcome.trace[0]).toBe('OrderNotFound: boom');
    expect(outcome.kind === 'error' && outcome.trace.some((line) => line.includes('index.js'))).toBe(true);
  });

  test('a synchronous throw is an error too', async () => {
    const outcome = await invokeOnce('exports.handler = () => { throw new SyntaxError("sync"); };');

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'SyntaxError', errorMessage: 'sync' });
  });

  test('a thrown string is reported with its typeof as errorType and no trace', async () => {
    const outcome = await invokeOnce('exports.handler = async () => { throw "plain failure"; };');

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'string', errorMessage: 'plain failure', trace: [] });
  });

  test('a thrown object is reported as typeof object', async () => {
    const outcome = await invokeOnce('exports.handler = async () => { throw { code: 42 }; };');

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'object', errorMessage: '[object Object]', trace: [] });
  });

  test('a result JSON cannot represent is Runtime.JSONStringifyError', async () => {
    const outcome = await invokeOnce('exports.handler = async () => { const a = {}; a.self = a; return a; };');

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'Runtime.JSONStringifyError', errorMessage: 'Unable to stringify response body' });
  });

  test('a handled error keeps the worker warm', async () => {
    const fn = nodeFunction('fn', { 'index.js': 'let calls = 0; exports.handler = async () => { calls += 1; if (calls === 1) throw new Error("once"); return calls; };' });
    const runtime = startRuntime(fn);
    await runtime.invoke(fn.arn, {});

    const second = await runtime.invoke(fn.arn, {});

    expect(second).toMatchObject({ kind: 'result', payload: 2, coldStart: false });
  });

  test('the context describes the function and the invocation', async () => {
    const source = `exports.handler = async (event, context) => ({
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      invokedFunctionArn: context.invokedFunctionArn,
      memoryLimitInMB: context.memoryLimitInMB,
      awsRequestId: context.awsRequestId,
      logGroupName: context.logGroupName,
      logStreamName: context.logStreamName,
      callbackWaitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
    });`;

    const outcome = await invokeOnce(source, {}, { functionName: 'orders', memorySizeMb: 512 });

    expect(payloadOf(outcome)).toEqual({
      functionName: 'orders',
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:fn`,
      memoryLimitInMB: '512',
      awsRequestId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      logGroupName: '/aws/lambda/orders',
      logStreamName: expect.stringMatching(/\[\$LATEST\][0-9a-f]{32}$/),
      callbackWaitsForEmptyEventLoop: true,
    });
  });

  test('each invocation has its own request id', async () => {
    const fn = nodeFunction('fn', { 'index.js': 'exports.handler = async (event, context) => context.awsRequestId;' });
    const runtime = startRuntime(fn);

    const first = payloadOf(await runtime.invoke(fn.arn, {}));
    const second = payloadOf(await runtime.invoke(fn.arn, {}));

    expect(first).not.toEqual(second);
  });

  test('getRemainingTimeInMillis starts at the timeout and decreases', async () => {
    const source = `exports.handler = async (event, context) => {
      const before = context.getRemainingTimeInMillis();
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { before, after: context.getRemainingTimeInMillis() };
    };`;

    const { before, after } = payloadOf(await invokeOnce(source, {}, { timeoutSeconds: 2 })) as { before: number; after: number };

    expect(before).toBeLessThanOrEqual(2000);
    expect(before).toBeGreaterThan(1500);
    expect(before - after).toBeGreaterThanOrEqual(90);
  });

  test('the outcome reports how long the invocation took', async () => {
    const outcome = await invokeOnce('exports.handler = () => new Promise((resolve) => setTimeout(resolve, 150));');

    expect(outcome.durationMs).toBeGreaterThanOrEqual(140);
  });
});
