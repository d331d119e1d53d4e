import type { InvokeOutcome } from '../lambda';
import type { FunctionModel } from '../model';
import { AwsServiceHandler, AwsServiceResponse, jsonError } from './service-request';

/** `POST /2015-03-31/functions/{FunctionName}/invocations`: Lambda's Invoke. */
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/**
 * Lambda's `Invoke`, answered by running the app's function in the runtime's function pool: the payload, or the
 * error document with `X-Amz-Function-Error: Unhandled` (status 200, as Lambda answers a function error).
 * `InvocationType: Event` answers 202 at once and runs the function; `DryRun` answers 204.
 */
export function lambdaService(
  functions: ReadonlyMap<string, FunctionModel>,
  invoke: (functionArn: string, event: unknown) => Promise<InvokeOutcome>,
): AwsServiceHandler {
  return async (request) => {
    const match = request.method === 'POST' ? INVOKE_PATH.exec(request.path) : null;
    if (match === null) return undefined;
    const name = decodeURIComponent(match[1]);
    const fn = functionNamed(functions, name);
    if (fn === undefined) {
      return jsonError(404, 'ResourceNotFoundException', `Function not found: ${name}`);
    }
    let event: unknown;
    try {
      event = request.body.length === 0 ? {} : JSON.parse(request.body.toString('utf8'));
    } catch {
      return jsonError(400, 'InvalidRequestContentException', 'Could not parse request body into json');
    }
    const invocationType = request.headers['x-amz-invocation-type'];
    if (invocationType === 'DryRun') return { status: 204 };
    if (invocationType === 'Event') {
      void invoke(fn.arn, event);
      return { status: 202 };
    }
    return invokeResponse(await invoke(fn.arn, event));
  };
}

/** The function a `FunctionName` names: a name, an ARN or a partial ARN (`123456789012:function:name`), qualified or not. */
function functionNamed(functions: ReadonlyMap<string, FunctionModel>, name: string): FunctionModel | undefined {
  const parts = name.split(':');
  const functionIndex = parts.indexOf('function');
  const functionName = functionIndex >= 0 ? parts[functionIndex + 1] : parts[0];
  return [...functions.values()].find((fn) => fn.functionName === functionName);
}

function invokeResponse(outcome: InvokeOutcome): AwsServiceResponse {
  const json = { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' };
  switch (outcome.kind) {
    case 'result':
      return { status: 200, headers: json, body: JSON.stringify(outcome.payload) ?? 'null' };
    case 'refused':
      return jsonError(413, outcome.errorType, outcome.errorMessage);
    case 'error':
      return functionError({ errorType: outcome.errorType, errorMessage: outcome.errorMessage, trace: outcome.trace });
    default:
      return functionError({ errorType: outcome.kind === 'crash' ? outcome.errorType ?? 'Runtime.ExitError' : 'Sandbox.Timedout', errorMessage: outcome.errorMessage });
  }
}

function functionError(document: Record<string, unknown>): AwsServiceResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST', 'x-amz-function-error': 'Unhandled' },
    body: JSON.stringify(document),
  };
}
