/**
 * The code of one sandbox worker thread: it becomes one function's Lambda execution environment, loads the handler
 * once (its module state then lives as long as the worker, as in a warm Lambda sandbox) and runs one invocation per
 * message from the main thread, one at a time. Its environment is the `env` the main thread gave the worker.
 *
 * `process.chdir()` is not available in worker threads, so `process.cwd()` stays the server's working directory
 * instead of Lambda's `/var/task`; handlers should locate their files from `__dirname`, `import.meta.url` or
 * `LAMBDA_TASK_ROOT`, which work in both places.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { InvocationRequest, SandboxSpec, WorkerMessage } from './protocol';
import { formatError } from './worker/error-format';
import { exitOnUnhandledErrors } from './worker/fatal-errors';
import { loadHandler } from './worker/handler-loader';
import { invokeHandler } from './worker/invocation';
import { interceptOutboundRequests } from './worker/outbound-interception';
import { redirectOutboundRequests } from './worker/outbound-redirects';
import { captureOutput } from './worker/output-capture';
import { defineAwsLambdaGlobal } from './worker/response-streaming';
import { lowerThreadPriority } from './worker/scheduling-priority';
import { serialInvocations } from './worker/serial-invocations';

const port = parentPort;
if (port === null) {
  throw new Error('worker-entry runs only as a worker thread started by LambdaRuntime, not as a main program');
}
const spec = workerData as SandboxSpec;
const send = (message: WorkerMessage): void => port.postMessage(message);

// First: whatever the handler's modules print while loading goes to the shared rings too.
captureOutput(spec.stdoutRing, spec.stderrRing);
exitOnUnhandledErrors();
defineAwsLambdaGlobal();
lowerThreadPriority();
interceptOutboundRequests(new Map(spec.outboundResponses));
redirectOutboundRequests(new Map(spec.outboundRedirects));
void loadHandler(spec).then(
  (handler) => {
    const enqueue = serialInvocations((request, done) => invokeHandler(handler, request, spec, (message) => {
      send(message);
      done();
    }));
    port.on('message', (request: InvocationRequest) => enqueue(request));
    send({ kind: 'ready' });
  },
  (error: unknown) => send({ kind: 'init-error', ...formatError(error) }),
);
