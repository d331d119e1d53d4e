import type { IntegrationCall } from './integration-call';
import { forwardedOutcome, integrationRequestHeaders, IntegrationOutcome, serveMappedIntegration } from './mapped-integration';
import type { HandledRequest } from '../../gateway/api-request';
import { callAwsService, NO_AWS_ENDPOINT } from '../../gateway/aws-service-endpoint';
import type { AwsServiceIntegrationModel } from '../../model';

/**
 * An AWS service integration (`AwsIntegration`): the mapped request goes to the service's action (`?Action=…` with
 * its parameters) or path, signed with SigV4 for the service and region of the URI, to the endpoint given with
 * `--aws-endpoint`; the service's status code selects the integration response. Without an endpoint the integration
 * fails as one API Gateway cannot call (500).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-request-basic-setup.html
 */
export function serveAwsService(integration: AwsServiceIntegrationModel, call: IntegrationCall): Promise<HandledRequest> {
  return serveMappedIntegration(integration, call, async (mapped): Promise<IntegrationOutcome> => {
    const endpoint = call.deps.awsEndpoint;
    if (!endpoint) {
      return { kind: 'error', error: { type: 'API_CONFIGURATION_ERROR', note: `${integration.service} ${integration.apiType} ${integration.apiValue}: ${NO_AWS_ENDPOINT}` } };
    }
    const [action, ...actionParameters] = integration.apiValue.split('&');
    const actionQuery = integration.apiType === 'action'
      ? [['Action', action] as const, ...actionParameters.map((pair) => pair.split('=') as [string, string])]
      : [];
    const path = integration.apiType === 'path'
      ? `/${integration.apiValue.replace(/\{([^}]+)\}/g, (_, name: string) => mapped.path[name] ?? call.context.pathParameters[name] ?? '')}`
      : '/';
    return forwardedOutcome(await callAwsService(endpoint, {
      service: integration.service,
      region: integration.region,
      method: integration.httpMethod === 'ANY' ? call.context.request.method : integration.httpMethod,
      path,
      query: [...actionQuery.map(([name, value]) => [name, decodeURIComponent(value ?? '')] as const), ...Object.entries(mapped.querystring)],
      headers: integrationRequestHeaders(mapped),
      body: mapped.body,
      timeoutMs: integration.timeoutMs,
    }));
  });
}
