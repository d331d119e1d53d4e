import { IntegrationCall, withRequestIds } from './integration-call';
import { forwardedOutcome, forwardingError, integrationRequestHeaders, serveMappedIntegration } from './mapped-integration';
import type { HandledRequest } from '../../gateway/api-request';
import { headerValuesByLowerName, parseQuery } from '../../gateway/api-request';
import { forwardHttp } from '../../gateway/http-forwarding';
import { integrationUrl } from '../../gateway/integration-url';
import type { RestHttpIntegrationModel } from '../../model';
import { restRequestContext } from '../../proxy';
import { methodRequestValues } from '../mapping/method-request';
import { mapRequestParameters } from '../mapping/parameter-mapping';

/**
 * An HTTP or HTTP_PROXY integration. HTTP_PROXY forwards the method request (headers, query and body, the mapped
 * parameters added) and returns the upstream's response as it is; HTTP sends only the mapped request and maps the
 * response through the integration responses, selected by the upstream's status code. A `{name}` in the URI takes the
 * mapped path parameter, else the method's of the same name. A URI of another API of the app reaches its local listener.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html
 */
export async function serveHttp(integration: RestHttpIntegrationModel, call: IntegrationCall): Promise<HandledRequest> {
  const { request, pathParameters, stageVariables } = call.context;
  const method = integration.httpMethod === 'ANY' ? request.method : integration.httpMethod;
  if (integration.type === 'HTTP') {
    return serveMappedIntegration(integration, call, async (mapped) => forwardedOutcome(await forwardHttp({
      url: call.deps.localEndpoints.resolve(
        integrationUrl(integration.uri, { ...pathParameters, ...mapped.path }, Object.entries(mapped.querystring), stageVariables),
      ),
      method,
      headers: integrationRequestHeaders(mapped),
      body: mapped.body,
      timeoutMs: integration.timeoutMs,
    })));
  }
  const mapped = mapRequestParameters(integration.requestParameters, {
    methodRequest: methodRequestValues(request, pathParameters), context: restRequestContext(call.context), stageVariables,
  });
  // Mapped headers replace the client's of the same name; X-Forwarded-For gains the client's address, as at a proxy.
  const replaced = new Set([...Object.keys(mapped.header), 'x-forwarded-for'].map((name) => name.toLowerCase()));
  const forwardedFor = [...(headerValuesByLowerName(request).get('x-forwarded-for') ?? []), request.sourceIp].join(', ');
  const outcome = await forwardHttp({
    url: call.deps.localEndpoints.resolve(integrationUrl(integration.uri, { ...pathParameters, ...mapped.path },
      [...parseQuery(request.rawQuery), ...Object.entries(mapped.querystring)], stageVariables)),
    method,
    headers: [...request.headers.filter(([name]) => !replaced.has(name.toLowerCase())), ...Object.entries(mapped.header), ['X-Forwarded-For', forwardedFor]],
    body: request.body,
    timeoutMs: integration.timeoutMs,
  });
  if (outcome.kind !== 'response') {
    return call.fail(forwardingError(outcome));
  }
  return withRequestIds(call, { status: outcome.status, headers: outcome.headers, body: outcome.body });
}
