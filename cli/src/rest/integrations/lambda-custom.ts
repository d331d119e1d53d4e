import type { IntegrationCall } from './integration-call';
import { IntegrationOutcome, serveMappedIntegration } from './mapped-integration';
import type { HandledRequest } from '../../gateway/api-request';
import { invokeLambdaIntegration } from '../../gateway/lambda-integration';
import { substituteStageVariables } from '../../gateway/stage-variables';
import type { LambdaIntegrationModel } from '../../model';

const JSON_HEADERS: ReadonlyMap<string, readonly string[]> = new Map([['content-type', ['application/json']]]);

/**
 * A Lambda custom (non-proxy) integration: the function runs on the mapped body (JSON), and its result is the
 * integration response's body with status 200. A function error is Lambda's error document
 * `{"errorMessage","errorType","stackTrace"}`, also with status 200: its `errorMessage` selects the integration response
 * by `selectionPattern`, and without a match the default response answers (so an unmapped error is a 200).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
 */
export function serveLambdaCustom(integration: LambdaIntegrationModel, call: IntegrationCall): Promise<HandledRequest> {
  return serveMappedIntegration(integration, call, async (request): Promise<IntegrationOutcome> => {
    let event: unknown;
    try {
      event = request.body.trim() === '' ? {} : JSON.parse(request.body);
    } catch {
      // Lambda's Invoke refuses a payload that is not JSON, which API Gateway reports as a configuration error.
      return { kind: 'error', error: { type: 'API_CONFIGURATION_ERROR', note: 'the mapped request body is not JSON, which Lambda refuses' } };
    }
    const run = await invokeLambdaIntegration(call.deps, substituteStageVariables(integration.functionArn, call.context.stageVariables),
      integration.timeoutMs, () => event, call.log);
    switch (run.kind) {
      case 'no-function':
        return { kind: 'error', error: { type: 'API_CONFIGURATION_ERROR', note: run.note } };
      case 'integration-timeout':
        return { kind: 'error', error: { type: 'INTEGRATION_TIMEOUT', note: run.note } };
      case 'request-too-large':
        return { kind: 'error', error: { type: 'LAMBDA_REQUEST_TOO_LARGE', note: run.note } };
      case 'function-failed': {
        call.log.note = run.note;
        const { errorType, errorMessage, trace } = run.error;
        const body = JSON.stringify({ errorMessage, errorType, stackTrace: trace });
        return { kind: 'response', status: 200, header: JSON_HEADERS, body, selector: errorMessage };
      }
    }
    return { kind: 'response', status: 200, header: JSON_HEADERS, body: JSON.stringify(run.payload ?? null), selector: '' };
  });
}
