import type { InvocationRequest } from '../protocol';

/** Runs one invocation and calls `done` once, after its outcome was sent. */
export type RunInvocation = (request: InvocationRequest, done: () => void) => void;

/**
 * Runs the invocations this sandbox receives one at a time, in arrival order, as a Lambda execution environment does.
 * The main thread may hand a busy sandbox its next invocation (see `FunctionPool`): it waits here and starts as soon
 * as the current one has sent its outcome, without the worker going to sleep and being woken again in between.
 */
export function serialInvocations(run: RunInvocation): (request: InvocationRequest) => void {
  const waiting: InvocationRequest[] = [];
  let running = false;
  const startNext = (): void => {
    const next = waiting.shift();
    running = next !== undefined;
    if (next !== undefined) {
      run(next, startNext);
    }
  };
  return (request) => {
    waiting.push(request);
    if (!running) {
      startNext();
    }
  };
}
