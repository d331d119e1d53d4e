import { IntegrationCall, withRequestIds } from './integration-call';
import type { HandledRequest } from '../../gateway/api-request';
import { headersByLowerName, headerValue } from '../../gateway/api-request';
import type { ForwardOutcome } from '../../gateway/http-forwarding';
import type { IntegrationMappingModel } from '../../model';
import { restRequestContext } from '../../proxy';
import type { RestError } from '../gateway-response';
import { chooseResponseTemplate, selectIntegrationResponse } from '../mapping/integration-response';
import { methodRequestParams, methodRequestValues } from '../mapping/method-request';
import { IntegrationResponseValues, mapRequestParameters, mapResponseHeaders, MappingSources } from '../mapping/parameter-mapping';
import { planRequestBody } from '../mapping/request-template';
import { renderVtl, VtlVariables } from '../mapping/vtl';

/** The integration request after the method's request mappings. */
export interface IntegrationRequest {
  /** The mapped (or passed-through) body. */
  readonly body: string;
  /** The request template's content type, or the request's for a passthrough. */
  readonly contentType: string;
  /** `integration.request.*` mappings, with the request template's `$context.requestOverride` applied. */
  readonly header: Readonly<Record<string, string>>;
  readonly querystring: Readonly<Record<string, string>>;
  readonly path: Readonly<Record<string, string>>;
}

/** The integration's response, with what its integration response is selected by, or a gateway error. */
export type IntegrationOutcome =
  | {
    readonly kind: 'response';
    readonly status: number;
    /** Every value of each header, by lower-case name. */
    readonly header: ReadonlyMap<string, readonly string[]>;
    readonly body: string;
    /** What `selectionPattern` is matched against: the status code, or a Lambda function's `errorMessage`. */
    readonly selector: string;
  }
  | { readonly kind: 'error'; readonly error: RestError };

interface Overrides {
  readonly requestOverride: { header: Record<string, string>; querystring: Record<string, string>; path: Record<string, string> };
  readonly responseOverride: { status?: unknown; header: Record<string, string> };
}

/**
 * A non-proxy integration as API Gateway runs it: request parameter mappings, the request template chosen by
 * Content-Type (or the passthrough behavior, 415 when it refuses), the integration itself (`backend`), the integration
 * response selected by its pattern, its header mappings and the response template chosen by Accept, then
 * `$context.responseOverride`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-data-transformations.html
 */
export async function serveMappedIntegration(
  mapping: IntegrationMappingModel, call: IntegrationCall, backend: (request: IntegrationRequest) => Promise<IntegrationOutcome>,
): Promise<HandledRequest> {
  const { request, pathParameters, stageVariables } = call.context;
  const methodRequest = methodRequestValues(request, pathParameters);
  const overrides: Overrides = { requestOverride: { header: {}, querystring: {}, path: {} }, responseOverride: { header: {} } };
  const context = { ...restRequestContext(call.context), ...overrides };
  const sources: MappingSources = { methodRequest, context, stageVariables };
  const variables = (body: string): VtlVariables => ({ body, params: methodRequestParams(request, pathParameters), context, stageVariables });

  const plan = planRequestBody(mapping.requestTemplates, mapping.passthroughBehavior, headerValue(request, 'content-type'));
  if (plan.kind === 'unsupported-media-type') {
    return call.fail({ type: 'UNSUPPORTED_MEDIA_TYPE', note: `no request template for ${headerValue(request, 'content-type') ?? 'application/json'} and passthrough behavior ${mapping.passthroughBehavior}` });
  }
  const body = plan.kind === 'template' ? renderVtl(plan.template, variables(methodRequest.body)) : methodRequest.body;
  const mapped = mapRequestParameters(mapping.requestParameters, sources);
  const outcome = await backend({
    body,
    contentType: plan.contentType,
    header: { ...mapped.header, ...overrides.requestOverride.header },
    querystring: { ...mapped.querystring, ...overrides.requestOverride.querystring },
    path: { ...mapped.path, ...overrides.requestOverride.path },
  });
  if (outcome.kind === 'error') {
    return call.fail(outcome.error);
  }

  const chosen = selectIntegrationResponse(mapping.integrationResponses, outcome.selector);
  if (!chosen) {
    return call.fail({ type: 'API_CONFIGURATION_ERROR', note: `no integration response matches '${outcome.selector}' and none is the default` });
  }
  // "If no method response is defined for the returned status code, API Gateway returns a 500 error"
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html).
  if (!call.methodResponseStatuses.includes(chosen.statusCode)) {
    return call.fail({ type: 'API_CONFIGURATION_ERROR', note: `Output mapping refers to an invalid method response: ${chosen.statusCode}` });
  }
  const integrationResponse: IntegrationResponseValues = { header: outcome.header, body: outcome.body };
  const headers = mapResponseHeaders(chosen.responseParameters, 'method.response', { integrationResponse, context, stageVariables });
  const template = chooseResponseTemplate(chosen.responseTemplates, headerValue(request, 'accept'));
  const responseBody = template ? renderVtl(template.template, variables(outcome.body)) : outcome.body;
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    headers.push(['Content-Type', template?.contentType ?? outcome.header.get('content-type')?.[0] ?? 'application/json']);
  }
  for (const [name, value] of Object.entries(overrides.responseOverride.header)) {
    const existing = headers.findIndex(([header]) => header.toLowerCase() === name.toLowerCase());
    headers.splice(existing < 0 ? headers.length : existing, existing < 0 ? 0 : 1, [name, String(value)]);
  }
  const override = Number(overrides.responseOverride.status);
  const status = Number.isInteger(override) && override >= 100 && override <= 599 ? override : Number(chosen.statusCode);
  return withRequestIds(call, { status, headers, body: responseBody });
}

/** The mapped headers, with the request template's content type unless a mapping sets Content-Type. */
export function integrationRequestHeaders(request: IntegrationRequest): [string, string][] {
  const headers = Object.entries(request.header);
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    headers.push(['Content-Type', request.contentType]);
  }
  return headers;
}

/**
 * An HTTP endpoint's answer as an integration outcome selected by its status code; no answer is INTEGRATION_TIMEOUT
 * or INTEGRATION_FAILURE.
 */
export function forwardedOutcome(outcome: ForwardOutcome): IntegrationOutcome {
  if (outcome.kind !== 'response') {
    return { kind: 'error', error: forwardingError(outcome) };
  }
  return { kind: 'response', status: outcome.status, header: headersByLowerName(outcome.headers), body: outcome.body.toString('utf8'), selector: String(outcome.status) };
}

export function forwardingError(outcome: Exclude<ForwardOutcome, { kind: 'response' }>): RestError {
  return { type: outcome.kind === 'timeout' ? 'INTEGRATION_TIMEOUT' : 'INTEGRATION_FAILURE', note: outcome.note };
}
