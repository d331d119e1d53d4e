import { endToEndHeaders, forwardHttp, ForwardOutcome } from '../gateway/http-forwarding';
import { integrationUrl } from '../gateway/integration-url';
import type { LocalApiEndpoints } from '../gateway/local-endpoints';
import type { HttpUrlIntegrationModel } from '../model';
import type { HttpEventContext } from './http-event';
import { evaluateParameterValue } from './parameter-values';
import { headerValuesByLowerName, parseQuery } from '../gateway/api-request';

/**
 * An HTTP_PROXY integration of an HTTP API: the request (method, headers, query, body) goes to the URL with the
 * route's path parameters filled in, after the `RequestParameters` operations (`overwrite:path`,
 * `append|overwrite|remove:header.x` and `:querystring.x`); the upstream's response comes back as it is. A URL of
 * another API of the app reaches its local listener.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-http.html
 */
export function callUrlIntegration(
  integration: HttpUrlIntegrationModel, context: HttpEventContext, path: string, localEndpoints: LocalApiEndpoints,
): Promise<ForwardOutcome> {
  const { request } = context;
  let headers: [string, string][] = endToEndHeaders(request.headers).filter(([name]) => name.toLowerCase() !== 'x-forwarded-for');
  headers.push(['x-forwarded-for', [...(headerValuesByLowerName(request).get('x-forwarded-for') ?? []), request.sourceIp].join(', ')]);
  let query = parseQuery(request.rawQuery);
  let overwrittenPath: string | undefined;
  for (const [operation, value] of Object.entries(integration.requestParameters)) {
    const match = /^(append|overwrite|remove):(header|querystring)\.(.+)$/.exec(operation);
    const evaluated = evaluateParameterValue(value, context, path);
    if (operation === 'overwrite:path') {
      overwrittenPath = evaluated;
    } else if (match?.[2] === 'header') {
      const [, action, , name] = match;
      headers = apply(headers, action, name.toLowerCase(), evaluated, (header) => header.toLowerCase());
    } else if (match) {
      const [, action, , name] = match;
      query = apply(query, action, name, evaluated, (key) => key);
    }
  }
  const url = localEndpoints.resolve(integrationUrl(integration.uri, context.pathParameters, query, context.stageVariables));
  if (overwrittenPath !== undefined) {
    url.pathname = overwrittenPath;
  }
  return forwardHttp({
    url,
    method: integration.httpMethod === 'ANY' ? request.method : integration.httpMethod,
    headers,
    body: request.body,
    timeoutMs: integration.timeoutMs,
  });
}

/** `append` adds a value, `overwrite` replaces every value of the name, `remove` drops them. */
function apply(pairs: [string, string][], action: string, name: string, value: string, normalize: (key: string) => string): [string, string][] {
  const kept = action === 'append' ? pairs : pairs.filter(([key]) => normalize(key) !== name);
  return action === 'remove' ? kept : [...kept, [name, value]];
}
