import { AwsServiceHandler, jsonError } from './service-request';

/** What StartExecution needs from the state machines of the app: starts one, or says it does not know the ARN. */
export interface StateMachineStarter {
  /** Starts an execution named `name`; false when no state machine has that ARN. */
  start(stateMachineArn: string, name: string, input: unknown): boolean;
}

/**
 * Step Functions' `StartExecution` (JSON protocol, `X-Amz-Target: AWSStepFunctions.StartExecution`), answered by
 * starting the state machine locally; every other operation is left unanswered.
 */
export function stepFunctionsService(machines: StateMachineStarter): AwsServiceHandler {
  return async (request) => {
    if (request.target !== 'AWSStepFunctions.StartExecution') return undefined;
    const body = JSON.parse(request.body.toString('utf8')) as { stateMachineArn?: string; name?: string; input?: string };
    const arn = body.stateMachineArn ?? '';
    const name = body.name ?? crypto.randomUUID();
    let input: unknown;
    try {
      input = JSON.parse(body.input ?? '{}');
    } catch {
      return jsonError(400, 'InvalidExecutionInput', 'Invalid State Machine Execution Input: the input is not JSON');
    }
    if (!machines.start(arn, name, input)) {
      return jsonError(400, 'StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    }
    const executionArn = `${arn.replace(':stateMachine:', ':execution:')}:${name}`;
    return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ executionArn, startDate: Date.now() / 1000 }) };
  };
}
