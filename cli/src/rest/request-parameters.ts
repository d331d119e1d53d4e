import { ApiRequest, headerValue, parseQuery } from '../gateway/api-request';

/**
 * The method's required request parameters (`method.request.querystring.page: true`) that the request lacks or sends
 * blank, by name, as a request validator with `validateRequestParameters` reports them: "The required request
 * parameters in the URI, query string, and headers of an incoming request are included and non-blank"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html).
 */
export function missingRequiredParameters(
  parameters: Readonly<Record<string, boolean>>, request: ApiRequest, pathParameters: Readonly<Record<string, string>>,
): string[] {
  const query = new Set(parseQuery(request.rawQuery).filter(([, value]) => value.trim() !== '').map(([name]) => name));
  const missing: string[] = [];
  for (const [parameter, required] of Object.entries(parameters)) {
    const match = /^method\.request\.(querystring|header|path|multivaluequerystring|multivalueheader)\.(.+)$/.exec(parameter);
    if (!required || !match) {
      continue;
    }
    const [, where, name] = match;
    const present = where.endsWith('querystring') ? query.has(name)
      : where.endsWith('header') ? (headerValue(request, name) ?? '').trim() !== ''
        : pathParameters[name] !== undefined;
    if (!present) {
      missing.push(name);
    }
  }
  return missing;
}
