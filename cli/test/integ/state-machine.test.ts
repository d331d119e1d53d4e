import { runStateMachine, UnsupportedStateMachineError } from '../../src/integ/state-machine';
import type { InvokeOutcome } from '../../src/lambda';

const IS_COMPLETE = 'arn:aws:lambda:us-east-1:123456789012:function:isComplete';
const ON_TIMEOUT = 'arn:aws:lambda:us-east-1:123456789012:function:onTimeout';

/** The waiter integ-tests-alpha writes for `waitForAssertions({ interval, totalTimeout })`. */
const waiter = (retry: Record<string, unknown>) => JSON.stringify({
  StartAt: 'framework-isComplete-task',
  States: {
    'framework-isComplete-task': {
      End: true,
      Retry: [{ ErrorEquals: ['States.ALL'], ...retry }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'framework-onTimeout-task' }],
      Type: 'Task',
      Resource: IS_COMPLETE,
    },
    'framework-onTimeout-task': { End: true, Type: 'Task', Resource: ON_TIMEOUT },
  },
});

const failure: InvokeOutcome = { kind: 'error', errorType: 'Error', errorMessage: 'not yet', trace: ['Error: not yet'], coldStart: false, durationMs: 1 };
const success = (payload: unknown): InvokeOutcome => ({ kind: 'result', payload, coldStart: false, durationMs: 1 });

describe('the local waiter state machine', () => {
  test('retries a failing task MaxAttempts times, waiting IntervalSeconds times BackoffRate to the power of the retry', async () => {
    const waits: number[] = [];
    const calls: string[] = [];
    const invoke = async (arn: string) => {
      calls.push(arn);
      return arn === IS_COMPLETE ? failure : success(null);
    };

    const outcome = await runStateMachine(waiter({ IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 1.5 }), {}, invoke, async (ms) => {
      waits.push(ms);
    });

    expect(waits).toEqual([2000, 3000, 4500]);
    expect(calls).toEqual([IS_COMPLETE, IS_COMPLETE, IS_COMPLETE, IS_COMPLETE, ON_TIMEOUT]);
    expect(outcome).toEqual({ status: 'SUCCEEDED', output: null, attempts: 5 });
  });

  test('stops retrying at the first success and ends with its output', async () => {
    let attempt = 0;
    const invoke = async () => (++attempt < 3 ? failure : success({ done: true }));

    const outcome = await runStateMachine(waiter({ IntervalSeconds: 10, MaxAttempts: 18, BackoffRate: 1 }), {}, invoke, async () => undefined);

    expect(outcome).toEqual({ status: 'SUCCEEDED', output: { done: true }, attempts: 3 });
  });

  test('passes the caught error to the Catch state as Error and Cause, the function error document as JSON', async () => {
    const inputs: unknown[] = [];
    const invoke = async (arn: string, input: unknown) => {
      inputs.push(input);
      return arn === IS_COMPLETE ? failure : success('timed out');
    };

    await runStateMachine(waiter({ MaxAttempts: 0 }), { RequestId: 'r1' }, invoke, async () => undefined);

    expect(inputs).toEqual([
      { RequestId: 'r1' },
      { Error: 'Error', Cause: JSON.stringify({ errorType: 'Error', errorMessage: 'not yet', trace: ['Error: not yet'] }) },
    ]);
  });

  test('refuses a state that is not a Lambda Task, naming it', async () => {
    const definition = JSON.stringify({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 5, End: true } } });

    await expect(runStateMachine(definition, {}, async () => success(null), async () => undefined))
      .rejects.toThrow(new UnsupportedStateMachineError("the state 'Wait' (Wait) is not a Lambda Task; only Task states invoking a function by ARN run locally"));
  });
});
