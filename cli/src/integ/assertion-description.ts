/** How an assertion is named in the report: what it calls, as the integ test wrote it. */
export function describeAssertion(type: string, logicalId: string, properties: Readonly<Record<string, unknown>>): string {
  const parameters = (properties.parameters ?? {}) as Record<string, unknown>;
  if (type.includes('@HttpCall')) {
    const fetchOptions = (parameters.fetchOptions ?? {}) as { method?: string };
    return `httpApiCall ${fetchOptions.method ?? 'GET'} ${displayUrl(parameters.url)} [${logicalId}]`;
  }
  if (type.includes('@SdkCall')) {
    const service = String(properties.service);
    const api = String(properties.api);
    if (/^lambda$/i.test(service) && /^invoke$/i.test(api)) {
      return `invokeFunction ${decoded(parameters.FunctionName)} [${logicalId}]`;
    }
    return `awsApiCall ${service.replace(/^@aws-sdk\/client-/, '')}.${api} [${logicalId}]`;
  }
  return `expect [${logicalId}]`;
}

/** The URL an HTTP call goes to: its path, and its host unless it is an execute-api host. */
export function displayUrl(url: unknown): string {
  try {
    const parsed = new URL(String(url));
    return parsed.hostname.includes('.execute-api.') ? `${parsed.pathname}${parsed.search}` : parsed.href;
  } catch {
    return String(url);
  }
}

/** integ-tests-alpha passes each parameter JSON-encoded (`"\"name\""`). */
function decoded(value: unknown): string {
  try {
    return String(JSON.parse(String(value)));
  } catch {
    return String(value);
  }
}
