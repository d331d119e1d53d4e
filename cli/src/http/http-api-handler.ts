import { HttpAuthorization, HttpAuthorizationDeps } from './http-authorization';
import { applyCors, isPreflight, preflightHeaders } from './http-cors';
import { httpEvent, HttpEventContext, httpPayload1Event } from './http-event';
import { parseHttpResult } from './http-response';
import { callServiceIntegration, ServiceCallRefusal } from './service-integration';
import { callUrlIntegration } from './url-integration';
import { ApiRequest, ApiResponse, HandledRequest, RequestLogDetails } from '../gateway/api-request';
import type { AwsServiceEndpoint } from '../gateway/aws-service-endpoint';
import { defaultErrorBody, HTTP_API_ERRORS, HttpApiErrorType } from '../gateway/error-table';
import type { ForwardOutcome } from '../gateway/http-forwarding';
import { invokeLambdaIntegration } from '../gateway/lambda-integration';
import type { LocalApiEndpoints } from '../gateway/local-endpoints';
import { PathRouter } from '../gateway/path-router';
import { newRequestIds } from '../gateway/request-ids';
import { httpRequestHeadTooLarge } from '../gateway/request-limits';
import { splitStagePath } from '../gateway/stage-path';
import { ThrottleBuckets, throttleLevel, ThrottleLevel } from '../metering';
import { FunctionModel, HttpApiModel, HttpLambdaIntegrationModel, HttpRouteModel, HttpStageModel } from '../model';
import { parseProxyResult } from '../proxy';


export interface HttpApiHandlerDeps extends HttpAuthorizationDeps {
  readonly functions: ReadonlyMap<string, FunctionModel>;
  /** Where AWS service integrations go; without it they answer 500. */
  readonly awsEndpoint?: AwsServiceEndpoint;
  /** The app's buckets, shared with its REST APIs. */
  readonly throttles: ThrottleBuckets;
  /** The account's level, which every API of the app passes. */
  readonly accountThrottle: ThrottleLevel;
  /** The served APIs' listeners, which HTTP_PROXY integrations to their execute-api URLs reach. */
  readonly localEndpoints: LocalApiEndpoints;
}

const DEFAULT_STAGE = '$default';

/**
 * One HTTP API as API Gateway serves it: the stage (`$default` at the root, a named stage as the first segment), the
 * route (exact method, then ANY, most specific path first, then `$default`), API Gateway's own CORS answers, the
 * route's authorization and throttles, then the integration: Lambda in payload format 2.0 or 1.0, HTTP_PROXY to a URL,
 * or a first-class AWS service integration.
 */
export class HttpApiHandler {
  private readonly router = new PathRouter<Map<string, HttpRouteModel>>();
  private readonly defaultRoute?: HttpRouteModel;
  private readonly stages: ReadonlyMap<string, HttpStageModel>;
  private readonly authorization: HttpAuthorization;
  private readonly throttleLevelsByStage = new Map<HttpStageModel, Map<HttpRouteModel, ThrottleLevel[]>>();

  constructor(private readonly api: HttpApiModel, private readonly deps: HttpApiHandlerDeps) {
    const byPath = new Map<string, Map<string, HttpRouteModel>>();
    for (const route of api.routes) {
      if (route.routeKey === '$default') {
        this.defaultRoute = route;
        continue;
      }
      const [method, path] = route.routeKey.split(' ');
      const methods = byPath.get(path) ?? new Map<string, HttpRouteModel>();
      methods.set(method.toUpperCase(), route);
      byPath.set(path, methods);
    }
    for (const [path, methods] of byPath) {
      this.router.add(path, methods);
    }
    this.stages = new Map(api.stages.map((stage) => [stage.stageName, stage]));
    this.authorization = new HttpAuthorization(api.authorizers, deps);
  }

  /** The answer to a request over API Gateway's 10 MB payload limit. */
  public bodyTooLarge(request: ApiRequest): ApiResponse {
    return this.fail(request, newRequestIds().extendedRequestId, {}, 'REQUEST_TOO_LARGE', 'the body passes 10 MB').response;
  }

  /** The answer to a request whose request line and headers pass API Gateway's quota; undefined within it. */
  public headTooLarge(request: ApiRequest): ApiResponse | undefined {
    const reason = httpRequestHeadTooLarge(request);
    return reason === undefined ? undefined : this.fail(request, newRequestIds().extendedRequestId, {}, 'REQUEST_TOO_LARGE', reason).response;
  }

  public async handle(request: ApiRequest): Promise<HandledRequest> {
    const ids = newRequestIds();
    const log: RequestLogDetails = {};
    if (this.api.disableExecuteApiEndpoint) {
      // As REST APIs, whose documentation says so (rest-api-disable-default-endpoint.html); HTTP APIs' does not (uncertain).
      return this.fail(request, ids.extendedRequestId, log, 'FORBIDDEN', 'the API disables its default (execute-api) endpoint');
    }
    const { stageName: first, path: belowStage } = splitStagePath(request.rawPath);
    const named = first !== DEFAULT_STAGE ? this.stages.get(first) : undefined;
    const stage = named ?? this.stages.get(DEFAULT_STAGE);
    const fail = (type: HttpApiErrorType, note: string, extra: { headers?: [string, string][]; message?: string } = {}) =>
      this.fail(request, ids.extendedRequestId, log, type, note, extra);
    if (!stage) {
      return fail('NOT_FOUND', `no stage '${first}' (stages: ${[...this.stages.keys()].join(', ')})`);
    }
    const path = named ? belowStage : request.rawPath;

    const corsAnswer = this.api.cors && isPreflight(request);
    const match = this.route(request.method, path);
    if (corsAnswer && !match) {
      return { response: this.withRequestId({ status: 204, headers: preflightHeaders(this.api.cors!, request), body: '' }, ids.extendedRequestId), log: { route: 'CORS preflight' } };
    }
    if (!match) {
      return fail('NOT_FOUND', `no route matches ${request.method} ${path}`);
    }
    const { route, pathParameters } = match;
    log.route = route.routeKey;

    const context: HttpEventContext = {
      request,
      ids,
      accountId: this.deps.accountId,
      apiId: this.api.apiId,
      stage: stage.stageName,
      routeKey: route.routeKey,
      pathParameters,
      stageVariables: stage.variables,
    };
    const routeArn = `arn:aws:execute-api:${this.deps.region}:${this.deps.accountId}:${this.api.apiId}/${stage.stageName}/${request.method}${path}`;
    const auth = await this.authorization.authorize(route, context, routeArn);
    log.authorizerCache = auth.cache;
    if (!auth.ok) {
      return fail(auth.error, auth.note, { headers: auth.headers, message: auth.message });
    }
    if (!this.deps.throttles.tryPass(this.throttleLevels(stage, route))) {
      return fail('THROTTLED', 'a throttle limit refused the request');
    }
    const integration = route.integration;
    const authorized = { ...context, authorizer: auth.authorizer };
    switch (integration.type) {
      case 'UNSUPPORTED':
        return fail('INTERNAL_SERVER_ERROR', `${integration.integrationType} integrations are not served by gatewaykit`);
      case 'HTTP_PROXY':
        return this.forwarded(await callUrlIntegration(integration, authorized, path, this.deps.localEndpoints), authorized, log);
      case 'AWS_PROXY':
        return integration.subtype === undefined
          ? this.invokeLambda(integration, authorized, log)
          : this.forwarded(await callServiceIntegration(integration, authorized, path, this.deps.awsEndpoint, this.deps.region), authorized, log);
    }
  }

  /** An HTTP or AWS service endpoint's response as it is (CORS applied), or the error for no response. */
  private forwarded(outcome: ForwardOutcome | ServiceCallRefusal, context: HttpEventContext, log: RequestLogDetails): HandledRequest {
    const { request, ids } = context;
    if (outcome.kind !== 'response') {
      const type = outcome.kind === 'timeout' ? 'GATEWAY_TIMEOUT' : 'INTERNAL_SERVER_ERROR';
      return this.fail(request, ids.extendedRequestId, log, type, outcome.note);
    }
    const headers = this.api.cors ? applyCors(this.api.cors, request, outcome.headers) : outcome.headers;
    return { response: this.withRequestId({ status: outcome.status, headers, body: outcome.body }, ids.extendedRequestId), log };
  }

  private async invokeLambda(integration: HttpLambdaIntegrationModel, context: HttpEventContext, log: RequestLogDetails): Promise<HandledRequest> {
    const { request, ids } = context;
    const fail = (type: HttpApiErrorType, note: string) => this.fail(request, ids.extendedRequestId, log, type, note);
    const event = () => (integration.payloadFormatVersion === '2.0' ? httpEvent(context) : httpPayload1Event(context));
    const run = await invokeLambdaIntegration(this.deps, integration.functionArn, integration.timeoutMs, event, log);
    switch (run.kind) {
      case 'no-function':
      case 'function-failed':
        return fail('INTERNAL_SERVER_ERROR', run.note);
      case 'integration-timeout':
        return fail('SERVICE_UNAVAILABLE', run.note);
      case 'request-too-large':
        return fail('REQUEST_TOO_LARGE', run.note);
    }
    const result = integration.payloadFormatVersion === '2.0' ? parseHttpResult(run.payload) : parseProxyResult(run.payload, true);
    if (!result.ok) {
      return fail('INTERNAL_SERVER_ERROR', result.reason);
    }
    const headers = this.api.cors ? applyCors(this.api.cors, request, result.headers) : result.headers;
    return { response: this.withRequestId({ status: result.status, headers, body: result.body }, ids.extendedRequestId), log };
  }

  /**
   * The route for a request. A preflight request that a route takes (an OPTIONS or ANY route, or `$default`) goes to
   * that route and its authorizer, as in API Gateway; only one that no route takes gets the CORS answer.
   */
  private route(method: string, path: string): { route: HttpRouteModel; pathParameters: Readonly<Record<string, string>> } | undefined {
    const match = this.router.find(path, (routes) => routes.has(method) || routes.has('ANY'));
    if (match) {
      return { route: (match.value.get(method) ?? match.value.get('ANY'))!, pathParameters: decodedValues(match.pathParameters) };
    }
    return this.defaultRoute ? { route: this.defaultRoute, pathParameters: {} } : undefined;
  }

  /** Computed once per stage and route: the throttles of a route never change while serving. */
  private throttleLevels(stage: HttpStageModel, route: HttpRouteModel): ThrottleLevel[] {
    let byRoute = this.throttleLevelsByStage.get(stage);
    if (byRoute === undefined) {
      byRoute = new Map();
      this.throttleLevelsByStage.set(stage, byRoute);
    }
    let levels = byRoute.get(route);
    if (levels === undefined) {
      levels = this.computeThrottleLevels(stage, route);
      byRoute.set(route, levels);
    }
    return levels;
  }

  private computeThrottleLevels(stage: HttpStageModel, route: HttpRouteModel): ThrottleLevel[] {
    const stageKey = `http:${this.api.apiId}/${stage.stageName}`;
    const routeThrottle = stage.routeThrottles[route.routeKey];
    const levels = [
      routeThrottle ? throttleLevel(`${stageKey}:${route.routeKey}`, routeThrottle) : throttleLevel(stageKey, stage.defaultRouteThrottle),
      this.deps.accountThrottle,
    ];
    return levels.filter((level): level is ThrottleLevel => level !== undefined);
  }

  private fail(request: ApiRequest, requestId: string, log: RequestLogDetails, type: HttpApiErrorType, note: string,
    extra: { headers?: [string, string][]; message?: string } = {}): HandledRequest {
    log.errorType = type;
    log.note = note;
    const error = HTTP_API_ERRORS[type];
    const headers: [string, string][] = [['content-type', 'application/json'], ...(extra.headers ?? [])];
    const corsHeaders = this.api.cors ? applyCors(this.api.cors, request, headers) : headers;
    const body = defaultErrorBody(error, extra.message ?? error.message);
    return { response: this.withRequestId({ status: error.status, headers: corsHeaders, body }, requestId), log };
  }

  private withRequestId(response: ApiResponse, requestId: string): ApiResponse {
    return { ...response, headers: [...response.headers, ['apigw-requestid', requestId]] };
  }
}

/**
 * HTTP APIs pass path parameters decoded: "API Gateway decodes URL-encoded request parameters before passing them to
 * your backend integration" (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html);
 * a malformed escape stays as sent.
 */
function decodedValues(pathParameters: Readonly<Record<string, string>>): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(pathParameters)) {
    try {
      decoded[name] = decodeURIComponent(value);
    } catch {
      decoded[name] = value;
    }
  }
  return decoded;
}
