import { defaultErrorBody, GatewayError, REST_GATEWAY_RESPONSES, REST_UNTYPED_ERRORS, RestGatewayResponseType, RestUntypedError } from '../gateway/error-table';
import { RequestIds } from '../gateway/request-ids';
import { substituteTemplate } from '../gateway/template-substitution';
import { GatewayResponseModel, RestApiModel } from '../model';
import { methodRequestValues } from './mapping/method-request';
import { mapResponseHeaders } from './mapping/parameter-mapping';
import { ApiRequest, ApiResponse, headerValue } from '../gateway/api-request';

/** An answer API Gateway gives itself: a gateway response type, or one of the answers no type names. */
export interface RestError {
  readonly type: RestGatewayResponseType | RestUntypedError;
  /** Replaces the type's default message, e.g. the parameters missing for BAD_REQUEST_PARAMETERS. */
  readonly message?: string;
  /** Replaces the type's `x-amzn-ErrorType`, e.g. SigV4's IncompleteSignatureException. */
  readonly errorType?: string;
  /** For the request log: why, in the developer's terms. */
  readonly note?: string;
  /** What a request validator found, as `$context.error.validationErrorString` gives it. */
  readonly validationError?: string;
}

/** What a gateway response template and its parameter mappings can read. */
export interface RestErrorContext {
  readonly request: ApiRequest;
  readonly ids: RequestIds;
  readonly stage?: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly resourcePath?: string;
  readonly authorizer?: Readonly<Record<string, unknown>>;
}

/**
 * Renders `error` as API Gateway does: the API's gateway response of that type when the template defines one, else its
 * DEFAULT_4XX or DEFAULT_5XX, else AWS's default. Status, headers and body template come from the response chosen;
 * x-amzn-RequestId, x-amz-apigw-id and x-amzn-ErrorType are always sent.
 */
export function renderRestError(api: Pick<RestApiModel, 'apiId' | 'gatewayResponses'>, error: RestError, context: RestErrorContext): ApiResponse {
  const typed = isUntyped(error.type) ? undefined : error.type;
  const defaults: GatewayError = typed === undefined ? REST_UNTYPED_ERRORS[error.type as RestUntypedError] : REST_GATEWAY_RESPONSES[typed];
  const defaultType = defaults.status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
  const fallback = api.gatewayResponses.get(defaultType);
  const own = typed === undefined ? undefined : api.gatewayResponses.get(typed);
  const custom = own ?? fallback;
  const status = Number(own?.statusCode ?? fallback?.statusCode ?? defaults.status);
  const message = error.message ?? defaults.message;

  const templateContext = {
    requestId: context.ids.requestId,
    extendedRequestId: context.ids.extendedRequestId,
    apiId: api.apiId,
    stage: context.stage,
    httpMethod: context.request.method,
    resourcePath: context.resourcePath,
    path: context.request.rawPath,
    identity: { sourceIp: context.request.sourceIp, userAgent: headerValue(context.request, 'user-agent') },
    authorizer: context.authorizer,
    error: {
      message,
      messageString: JSON.stringify(message),
      responseType: typed ?? defaultType,
      validationErrorString: error.validationError,
    },
  };
  const variables = { context: templateContext, stageVariables: context.stageVariables };
  const template = custom && bodyTemplate(custom);
  const body = template !== undefined ? substituteTemplate(template, variables) : defaultErrorBody(defaults, message);

  const headers: [string, string][] = [['Content-Type', 'application/json']];
  const methodRequest = methodRequestValues(context.request, context.pathParameters);
  const sources = { methodRequest, context: templateContext, stageVariables: context.stageVariables };
  for (const [name, value] of mapResponseHeaders(custom?.responseParameters ?? {}, 'gatewayresponse', sources)) {
    const existing = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (existing >= 0) {
      headers.splice(existing, 1);
    }
    headers.push([name, value]);
  }
  headers.push(['x-amzn-RequestId', context.ids.requestId], ['x-amz-apigw-id', context.ids.extendedRequestId]);
  const errorType = error.errorType ?? defaults.errorType;
  if (errorType) {
    headers.push(['x-amzn-ErrorType', errorType]);
  }
  return { status, headers, body };
}

function isUntyped(type: string): type is RestUntypedError {
  return Object.prototype.hasOwnProperty.call(REST_UNTYPED_ERRORS, type);
}

function bodyTemplate(response: GatewayResponseModel): string | undefined {
  const templates = response.responseTemplates;
  return templates['application/json'] ?? Object.values(templates)[0];
}
