import type { IntegrationCall } from './integration-call';
import { IntegrationOutcome, serveMappedIntegration } from './mapped-integration';
import type { HandledRequest } from '../../gateway/api-request';
import type { MockIntegrationModel } from '../../model';

/**
 * A MOCK integration: the mapped request body yields `{"statusCode": N}` (read leniently, as API Gateway does, so that
 * CDK's `{ statusCode: 200 }` counts; 200 when there is none), and N selects the integration response, whose templates
 * render with an empty `$input.body`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html
 */
export function serveMock(integration: MockIntegrationModel, call: IntegrationCall): Promise<HandledRequest> {
  return serveMappedIntegration(integration, call, async (request): Promise<IntegrationOutcome> => {
    const statusCode = /statusCode["']?\s*:\s*["']?(\d{3})/.exec(request.body)?.[1] ?? '200';
    return { kind: 'response', status: Number(statusCode), header: new Map(), body: '', selector: statusCode };
  });
}
