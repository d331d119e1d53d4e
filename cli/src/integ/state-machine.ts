import type { InvokeOutcome } from '../lambda';

/** Runs a Lambda function (a Task state's `Resource`) on an input. */
export type TaskInvoker = (functionArn: string, input: unknown) => Promise<InvokeOutcome>;

/** Waits `ms` milliseconds: the time between a Task's retries. */
export type Sleep = (ms: number) => Promise<void>;

/** How an execution ended: the last state's output, or the error it failed with; `attempts` counts Task runs. */
export type ExecutionOutcome =
  | { readonly status: 'SUCCEEDED'; readonly output: unknown; readonly attempts: number }
  | { readonly status: 'FAILED'; readonly error: string; readonly cause: string; readonly attempts: number };

interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
}

interface Catcher {
  readonly ErrorEquals: readonly string[];
  readonly Next: string;
}

interface TaskState {
  readonly Type: string;
  readonly Resource?: string;
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
  readonly Next?: string;
  readonly End?: boolean;
}

interface Definition {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, TaskState>>;
}

/** A state machine the local emulation cannot run (a state type other than a Lambda Task). */
export class UnsupportedStateMachineError extends Error {}

/**
 * Runs an Amazon States Language definition made of Task states that invoke Lambda functions by ARN (the waiter state
 * machine integ-tests-alpha writes for `waitForAssertions`), with Step Functions' Retry semantics (IntervalSeconds
 * default 1, MaxAttempts default 3, BackoffRate default 2, the n-th retry waiting IntervalSeconds * BackoffRate^(n-1))
 * and Catch, whose next state receives the error output `{ Error, Cause }`.
 */
export async function runStateMachine(definitionJson: string, input: unknown, invoke: TaskInvoker, sleep: Sleep): Promise<ExecutionOutcome> {
  const definition = JSON.parse(definitionJson) as Definition;
  let stateName: string | undefined = definition.StartAt;
  let value = input;
  let attempts = 0;
  while (stateName !== undefined) {
    const state = stateOf(definition, stateName);
    const task = await runTask(state, value, invoke, sleep);
    attempts += task.attempts;
    const outcome = task.outcome;
    if (outcome.kind === 'result') {
      value = outcome.payload;
      stateName = state.End ? undefined : state.Next;
      continue;
    }
    const error = errorNameOf(outcome);
    const cause = JSON.stringify(errorDocumentOf(outcome));
    const catcher = state.Catch?.find((c) => matches(c.ErrorEquals, error));
    if (catcher === undefined) return { status: 'FAILED', error, cause, attempts };
    value = { Error: error, Cause: cause };
    stateName = catcher.Next;
  }
  return { status: 'SUCCEEDED', output: value, attempts };
}

/** Runs a Task state, retrying as its first Retry matching the error says. */
async function runTask(state: TaskState, input: unknown, invoke: TaskInvoker, sleep: Sleep): Promise<{ outcome: InvokeOutcome; attempts: number }> {
  let outcome = await invoke(state.Resource!, input);
  let attempts = 1;
  while (outcome.kind !== 'result') {
    const error = errorNameOf(outcome);
    const retrier = state.Retry?.find((r) => matches(r.ErrorEquals, error));
    const retry = attempts - 1;
    if (retrier === undefined || retry >= (retrier.MaxAttempts ?? 3)) break;
    await sleep(1000 * (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** retry);
    outcome = await invoke(state.Resource!, input);
    attempts++;
  }
  return { outcome, attempts };
}

function stateOf(definition: Definition, name: string): TaskState {
  const state = definition.States[name];
  if (state === undefined) throw new UnsupportedStateMachineError(`the state machine has no state '${name}'`);
  if (state.Type !== 'Task' || typeof state.Resource !== 'string' || !state.Resource.includes(':function:')) {
    throw new UnsupportedStateMachineError(`the state '${name}' (${state.Type}) is not a Lambda Task; only Task states invoking a function by ARN run locally`);
  }
  return state;
}

/** `States.ALL` matches every error, `States.TaskFailed` every one but a timeout; a function error is named by its `errorType`. */
function matches(errorEquals: readonly string[], error: string): boolean {
  return errorEquals.includes('States.ALL') || errorEquals.includes(error) || (errorEquals.includes('States.TaskFailed') && error !== 'States.Timeout');
}

function errorNameOf(outcome: Exclude<InvokeOutcome, { kind: 'result' }>): string {
  switch (outcome.kind) {
    case 'error':
    case 'refused':
      return outcome.errorType;
    case 'timeout':
      return 'States.Timeout';
    default:
      return outcome.errorType ?? 'Lambda.Unknown';
  }
}

function errorDocumentOf(outcome: Exclude<InvokeOutcome, { kind: 'result' }>): Record<string, unknown> {
  const trace = outcome.kind === 'error' ? outcome.trace : [];
  return { errorType: errorNameOf(outcome), errorMessage: outcome.errorMessage, trace };
}
