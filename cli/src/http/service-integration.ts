import { AwsServiceEndpoint, callAwsService, NO_AWS_ENDPOINT } from '../gateway/aws-service-endpoint';
import type { ForwardOutcome } from '../gateway/http-forwarding';
import type { HttpServiceIntegrationModel } from '../model';
import type { HttpEventContext } from './http-event';
import { evaluateParameterValue } from './parameter-values';
import { serviceActionRequest } from './service-actions';

/** Why a service integration could not be called at all: the runtime answers it as an integration error. */
export type ServiceCallRefusal = { readonly kind: 'refused'; readonly note: string };

/**
 * A first-class AWS service integration of an HTTP API: its parameters evaluated against the request, the action's
 * JSON request signed with SigV4 and sent to `--aws-endpoint`; the service's response comes back as it is.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services.html
 */
export async function callServiceIntegration(
  integration: HttpServiceIntegrationModel, context: HttpEventContext, path: string, endpoint: AwsServiceEndpoint | undefined, region: string,
): Promise<ForwardOutcome | ServiceCallRefusal> {
  if (!endpoint) {
    return { kind: 'refused', note: `${integration.subtype}: ${NO_AWS_ENDPOINT}` };
  }
  const parameters = Object.fromEntries(Object.entries(integration.requestParameters)
    .map(([name, value]) => [name, evaluateParameterValue(value, context, path)]));
  const action = serviceActionRequest(integration.subtype, parameters, region);
  if (!action) {
    return { kind: 'refused', note: `the ${integration.subtype} integration subtype is not served by gatewaykit` };
  }
  return callAwsService(endpoint, { ...action, method: 'POST', path: '/', query: [], timeoutMs: integration.timeoutMs });
}
