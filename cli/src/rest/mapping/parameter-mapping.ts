import { evaluateJsonPath, parseJsonBody } from '../../gateway/json-path';
import { lookup } from '../../gateway/template-substitution';

/** The method request as parameter mappings read it: `method.request.{path|querystring|header|multivalue…}.X`. */
export interface MethodRequestValues {
  readonly path: Readonly<Record<string, string>>;
  /** Every value of each query parameter, in order, names decoded. */
  readonly querystring: Readonly<Record<string, readonly string[]>>;
  /** Every value of each header, by lower-case name (header names are case-insensitive). */
  readonly header: ReadonlyMap<string, readonly string[]>;
  readonly body: string;
}

/** The integration response as response parameter mappings read it. */
export interface IntegrationResponseValues {
  /** Every value of each header, by lower-case name. */
  readonly header: ReadonlyMap<string, readonly string[]>;
  readonly body: string;
}

/** What a mapping expression may read; each source is optional, as each mapping reads only some of them. */
export interface MappingSources {
  readonly methodRequest?: MethodRequestValues;
  readonly integrationResponse?: IntegrationResponseValues;
  readonly context: Readonly<Record<string, unknown>>;
  readonly stageVariables: Readonly<Record<string, string>>;
}

const METHOD_REQUEST = /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/s;
const INTEGRATION_RESPONSE = /^integration\.response\.(header|multivalueheader)\.(.+)$/s;
const BODY = /^(method\.request|integration\.response)\.body(?:\.(.+))?$/s;

/**
 * The value of one parameter-mapping expression, undefined when its source is absent (the parameter is then not
 * sent): `'literal'`, `method.request.*`, `integration.response.*`, `…body[.JSONPath]`, `context.*`, `stageVariables.*`.
 * Multi-value sources join their values with commas, as API Gateway does.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
export function resolveMappingExpression(expression: string, sources: MappingSources): string | undefined {
  const literal = /^'(.*)'$/s.exec(expression);
  if (literal) {
    return literal[1];
  }
  const request = METHOD_REQUEST.exec(expression);
  if (request && sources.methodRequest) {
    const [, where, name] = request;
    const values = where === 'path' ? [sources.methodRequest.path[name]].filter((v) => v !== undefined)
      : where.endsWith('querystring') ? sources.methodRequest.querystring[name] ?? []
        : sources.methodRequest.header.get(name.toLowerCase()) ?? [];
    if (values.length === 0) {
      return undefined;
    }
    return where.startsWith('multivalue') ? values.join(',') : values[values.length - 1];
  }
  const response = INTEGRATION_RESPONSE.exec(expression);
  if (response && sources.integrationResponse) {
    const values = sources.integrationResponse.header.get(response[2].toLowerCase()) ?? [];
    return values.length === 0 ? undefined : response[1] === 'multivalueheader' ? values.join(',') : values[values.length - 1];
  }
  const body = BODY.exec(expression);
  if (body) {
    const text = body[1] === 'method.request' ? sources.methodRequest?.body : sources.integrationResponse?.body;
    if (text === undefined || body[2] === undefined) {
      return text;
    }
    const value = evaluateJsonPath(parseJsonBody(text), `$.${body[2]}`);
    return value === undefined || value === null ? undefined : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  const variable = /^(context|stageVariables)\.(.+)$/s.exec(expression);
  if (variable) {
    const value = variable[1] === 'context' ? lookup(sources.context, variable[2].split('.')) : sources.stageVariables[variable[2]];
    return value === undefined || value === null ? undefined : String(value);
  }
  return undefined;
}

/** The integration request's parameters by location, from `integration.request.{header|querystring|path}.X` mappings. */
export interface MappedRequestParameters {
  readonly header: Record<string, string>;
  readonly querystring: Record<string, string>;
  readonly path: Record<string, string>;
}

/** Applies an integration's `RequestParameters`; a mapping whose source is absent sends nothing. */
export function mapRequestParameters(requestParameters: Readonly<Record<string, string>>, sources: MappingSources): MappedRequestParameters {
  const mapped: MappedRequestParameters = { header: {}, querystring: {}, path: {} };
  for (const [target, expression] of Object.entries(requestParameters)) {
    const destination = /^integration\.request\.(header|querystring|path|multivaluequerystring|multivalueheader)\.(.+)$/s.exec(target);
    const value = destination ? resolveMappingExpression(expression, sources) : undefined;
    if (destination && value !== undefined) {
      const where = destination[1].replace('multivalue', '') as keyof MappedRequestParameters;
      mapped[where][destination[2]] = value;
    }
  }
  return mapped;
}

/** Applies `ResponseParameters` whose targets are `{prefix}.header.X` (`method.response` or `gatewayresponse`). */
export function mapResponseHeaders(
  responseParameters: Readonly<Record<string, string>>, prefix: 'method.response' | 'gatewayresponse', sources: MappingSources,
): [string, string][] {
  const headers: [string, string][] = [];
  for (const [target, expression] of Object.entries(responseParameters)) {
    const name = target.startsWith(`${prefix}.header.`) ? target.slice(prefix.length + 8) : undefined;
    const value = name ? resolveMappingExpression(expression, sources) : undefined;
    if (name && value !== undefined) {
      headers.push([name, value]);
    }
  }
  return headers;
}
