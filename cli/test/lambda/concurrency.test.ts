import { closeRuntimes, nodeFunction, payloadOf, startRuntime } from './fixtures';
import type { LambdaRuntime } from '../../src/lambda';
import type { FunctionModel } from '../../src/model';

const SLOW = 'exports.handler = (event) => new Promise((resolve) => setTimeout(() => resolve(event.id), 300));';
const NEVER = 'exports.handler = () => new Promise(() => undefined);';
const TIMED = `exports.handler = async () => {
  const startedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { startedAt, endedAt: Date.now() };
};`;
const ARRIVALS = 'const seen = []; exports.handler = async (event) => { seen.push(event.id); return [...seen]; };';

interface Span {
  readonly startedAt: number;
  readonly endedAt: number;
}

describe('concurrency', () => {
  afterEach(closeRuntimes);

  function start(maxWorkersPerFunction: number | undefined, ...functions: FunctionModel[]): LambdaRuntime {
    return startRuntime(functions, { maxWorkersPerFunction });
  }

  test('with two workers at most, a third concurrent invocation waits in the queue', async () => {
    const fn = nodeFunction('slow', { 'index.js': SLOW });
    const lambda = start(2, fn);

    const calls = [1, 2, 3].map((id) => lambda.invoke(fn.arn, { id }));
    const whileBusy = lambda.stats(fn.arn);
    const outcomes = await Promise.all(calls);

    expect(whileBusy).toEqual({ invocations: 3, coldStarts: 2, workers: 2, queued: 1 });
    expect(outcomes.map((outcome) => [payloadOf(outcome), outcome.coldStart])).toEqual([[1, true], [2, true], [3, false]]);
  });

  test('the queued invocation starts only when a worker frees up', async () => {
    // Each handler reports when it started and ended, read from the one clock every worker thread shares, so the order
    // is checked whatever the load and however late the main thread sees each result.
    const fn = nodeFunction('timed', { 'index.js': TIMED });
    const lambda = start(2, fn);

    const spans = (await Promise.all([1, 2, 3].map((id) => lambda.invoke(fn.arn, { id })))).map((outcome) => payloadOf(outcome) as Span);

    expect(spans[2].startedAt).toBeGreaterThanOrEqual(Math.min(spans[0].endedAt, spans[1].endedAt));
  });

  test('queued invocations run in arrival order', async () => {
    const fn = nodeFunction('arrivals', { 'index.js': ARRIVALS });
    const lambda = start(1, fn);

    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((id) => lambda.invoke(fn.arn, { id })));

    expect(payloadOf(outcomes[3])).toEqual(['a', 'b', 'c', 'd']);
  });

  test('the default bound is four workers per function', () => {
    // The pool starts its workers and queues the rest as the invocations arrive, before any worker has booted: the
    // count is read then, and the runtime closed without waiting for handlers (afterEach), whatever the load.
    const fn = nodeFunction('never', { 'index.js': NEVER });
    const lambda = start(undefined, fn);

    [1, 2, 3, 4, 5].forEach((id) => void lambda.invoke(fn.arn, { id }));

    expect(lambda.stats(fn.arn)).toMatchObject({ workers: 4, queued: 1 });
  });

  test('a lower reserved concurrency bounds the workers', async () => {
    const fn = nodeFunction('reserved', { 'index.js': SLOW }, { reservedConcurrency: 1 });
    const lambda = start(3, fn);

    const calls = [1, 2].map((id) => lambda.invoke(fn.arn, { id }));
    const whileBusy = lambda.stats(fn.arn);
    await Promise.all(calls);

    expect(whileBusy).toMatchObject({ workers: 1, queued: 1 });
  });

  test('a reserved concurrency of 0 throttles every invocation', async () => {
    const fn = nodeFunction('disabled', { 'index.js': SLOW }, { reservedConcurrency: 0 });

    const outcome = await start(2, fn).invoke(fn.arn, { id: 1 });

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.' });
  });

  test('a queued invocation gets a new worker when the busy one crashes', async () => {
    const source = 'exports.handler = async (event) => { if (event.exit) { await new Promise((r) => setTimeout(r, 100)); process.exit(2); } return event.id; };';
    const fn = nodeFunction('crashing', { 'index.js': source });
    const lambda = start(1, fn);

    const [crashed, queued] = await Promise.all([lambda.invoke(fn.arn, { exit: true }), lambda.invoke(fn.arn, { id: 'queued' })]);

    expect(crashed.kind).toBe('crash');
    expect(queued).toMatchObject({ kind: 'result', payload: 'queued', coldStart: true });
  });

  test('a bound below one is refused', () => {
    expect(() => start(0)).toThrow(/maxWorkersPerFunction must be a whole number of at least 1, received 0/);
  });
});
