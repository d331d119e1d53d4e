import { closeRuntimes, nodeFunction, payloadOf, startRuntime } from './fixtures';
import type { LambdaRuntime } from '../../src/lambda';
import type { FunctionModel } from '../../src/model';

/** Each invocation records when it started and ended in the worker, and whether another was running meanwhile. */
const TIMED = `
let running = 0;
exports.handler = async (event) => {
  running += 1;
  const overlapped = running > 1;
  const startedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, event.ms ?? 0));
  if (event.exit) process.exit(1);
  running -= 1;
  return { id: event.id, startedAt, endedAt: Date.now(), overlapped };
};
`;

interface Timed {
  id: string;
  startedAt: number;
  endedAt: number;
  overlapped: boolean;
}

describe('an invocation handed to a busy sandbox', () => {
  afterEach(closeRuntimes);

  /** A runtime with one worker for `fn`, warmed by a first invocation so that the next ones are handed over. */
  async function warmSingleWorker(fn: FunctionModel): Promise<LambdaRuntime> {
    const runtime = startRuntime(fn, { maxWorkersPerFunction: 1 });
    await runtime.invoke(fn.arn, { id: 'warm-up' });
    return runtime;
  }

  test('starts only after the running one has ended', async () => {
    const fn = nodeFunction('timed', { 'index.js': TIMED });
    const lambda = await warmSingleWorker(fn);

    const [first, second] = (await Promise.all([
      lambda.invoke(fn.arn, { id: 'first', ms: 200 }),
      lambda.invoke(fn.arn, { id: 'second' }),
    ])).map((outcome) => payloadOf(outcome) as Timed);

    expect(second.overlapped).toBe(false);
    expect(second.startedAt).toBeGreaterThanOrEqual(first.endedAt);
  });

  test('is counted as queued until it starts', async () => {
    const fn = nodeFunction('timed', { 'index.js': TIMED });
    const lambda = await warmSingleWorker(fn);

    const calls = [1, 2, 3].map((id) => lambda.invoke(fn.arn, { id, ms: 100 }));
    const whileBusy = lambda.stats(fn.arn);
    await Promise.all(calls);

    expect(whileBusy).toEqual({ invocations: 4, coldStarts: 1, workers: 1, queued: 2 });
  });

  test('gets the whole function timeout from its own start', async () => {
    const fn = nodeFunction('timed', { 'index.js': TIMED }, { timeoutSeconds: 1 });
    const lambda = await warmSingleWorker(fn);

    const outcomes = await Promise.all([
      lambda.invoke(fn.arn, { id: 'first', ms: 700 }),
      lambda.invoke(fn.arn, { id: 'second', ms: 700 }),
    ]);

    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['result', 'result']);
    expect(outcomes[1].durationMs).toBeLessThan(1000);
  });

  test('runs on a new worker when the running one crashes, as a cold start', async () => {
    const fn = nodeFunction('timed', { 'index.js': TIMED });
    const lambda = await warmSingleWorker(fn);

    const [crashed, handedOver] = await Promise.all([
      lambda.invoke(fn.arn, { id: 'crashing', ms: 100, exit: true }),
      lambda.invoke(fn.arn, { id: 'handed-over' }),
    ]);

    expect(crashed.kind).toBe('crash');
    expect(handedOver).toMatchObject({ kind: 'result', payload: { id: 'handed-over' }, coldStart: true });
  });

  test('runs on a new worker when the running one times out', async () => {
    const fn = nodeFunction('timed', { 'index.js': TIMED }, { timeoutSeconds: 1 });
    const lambda = await warmSingleWorker(fn);

    const [timedOut, handedOver] = await Promise.all([
      lambda.invoke(fn.arn, { id: 'hanging', ms: 5000 }),
      lambda.invoke(fn.arn, { id: 'handed-over' }),
    ]);

    expect(timedOut.kind).toBe('timeout');
    expect(handedOver).toMatchObject({ kind: 'result', payload: { id: 'handed-over' }, coldStart: true });
  });

  test('runs before invocations that arrived after it when its worker is gone', async () => {
    const fn = nodeFunction('timed', { 'index.js': TIMED });
    const lambda = await warmSingleWorker(fn);

    const outcomes = await Promise.all([
      lambda.invoke(fn.arn, { id: 'crashing', ms: 100, exit: true }),
      lambda.invoke(fn.arn, { id: 'handed-over' }),
      lambda.invoke(fn.arn, { id: 'queued' }),
    ]);

    const [handedOver, queued] = outcomes.slice(1).map((outcome) => payloadOf(outcome) as Timed);
    expect(queued.startedAt).toBeGreaterThanOrEqual(handedOver.endedAt);
  });

  test('ends as a crash when the runtime closes', async () => {
    const fn = nodeFunction('timed', { 'index.js': TIMED });
    const lambda = await warmSingleWorker(fn);
    const running = lambda.invoke(fn.arn, { id: 'running', ms: 2000 });
    const handedOver = lambda.invoke(fn.arn, { id: 'handed-over' });
    await new Promise((resolve) => setTimeout(resolve, 100));

    await lambda.close();

    expect((await Promise.all([running, handedOver])).map((outcome) => outcome.kind)).toEqual(['crash', 'crash']);
  });

  test('is not handed over while another worker can still start', async () => {
    const fn = nodeFunction('timed', { 'index.js': TIMED });
    const runtime = startRuntime(fn, { maxWorkersPerFunction: 2 });
    await runtime.invoke(fn.arn, { id: 'warm-up' });

    const outcomes = await Promise.all([runtime.invoke(fn.arn, { id: 'first', ms: 200 }), runtime.invoke(fn.arn, { id: 'second' })]);

    expect(outcomes.map((outcome) => outcome.coldStart)).toEqual([false, true]);
  });
});
