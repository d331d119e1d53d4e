import { RestError, renderRestError } from './gateway-response';
import { RestIntegrationDeps, serveIntegration } from './integrations';
import { ProxyEventContext, proxyIdentity } from '../proxy';
import { RequestBodyValidation } from './request-body';
import { missingRequiredParameters } from './request-parameters';
import { RestAuthorization, RestAuthorizationDeps } from './rest-authorization';
import { StageApiKey, UsageMetering } from './usage-metering';
import { ApiRequest, ApiResponse, HandledRequest, headerValue, RequestLogDetails } from '../gateway/api-request';
import { PathRouter } from '../gateway/path-router';
import { newRequestIds, RequestIds } from '../gateway/request-ids';
import { restRequestHeadTooLarge } from '../gateway/request-limits';
import { splitStagePath } from '../gateway/stage-path';
import { RestApiModel, RestMethodModel, RestResourceModel, RestStageModel } from '../model';

/**
 * "ARN length of a method with authorization: 1600 bytes": longer path parameter values make the client "receive a
 * `414 Request URI too long` response" (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html).
 */
const MAX_METHOD_ARN_BYTES = 1600;

/** What a REST API needs of the runtime besides its model. */
export interface RestApiHandlerDeps extends RestAuthorizationDeps, RestIntegrationDeps {
  readonly metering: UsageMetering;
  /** A number in [0, 1): chooses canary requests. */
  readonly random: () => number;
}

/** Where a request stands once its stage and method are known. */
interface RoutedRequest {
  readonly request: ApiRequest;
  readonly ids: RequestIds;
  readonly stage: RestStageModel;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly deploymentId: string;
  readonly path: string;
  readonly resource: RestResourceModel;
  readonly method: RestMethodModel;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly log: RequestLogDetails;
}

/**
 * One REST API as API Gateway serves it: the stage from the first path segment (a canary share of the requests to the
 * canary deployment), the resource and method, authorization, the API key and usage plan, throttles and quotas,
 * required parameters, then the integration; every refusal rendered as the API's gateway responses say.
 */
export class RestApiHandler {
  private readonly router = new PathRouter<RestResourceModel>(true);
  private readonly stages = new Map<string, RestStageModel>();
  private readonly authorization: RestAuthorization;
  private readonly bodyValidation: RequestBodyValidation;

  constructor(private readonly api: RestApiModel, private readonly deps: RestApiHandlerDeps) {
    for (const resource of api.resources) {
      this.router.add(resource.path, resource);
    }
    for (const stage of api.stages) {
      this.stages.set(stage.stageName, stage);
    }
    this.authorization = new RestAuthorization(api.authorizers, deps);
    this.bodyValidation = new RequestBodyValidation(api);
  }

  /** Serves `stage` in place of the stage of the same name from the next request on (the control plane's UpdateStage). */
  public replaceStage(stage: RestStageModel): void {
    this.stages.set(stage.stageName, stage);
  }

  /** Forgets every cached authorizer result (the control plane's FlushStageAuthorizersCache). */
  public flushAuthorizerCaches(): void {
    this.authorization.flushCaches();
  }

  /** The answer to a request over API Gateway's 10 MB payload limit. */
  public bodyTooLarge(request: ApiRequest): ApiResponse {
    return this.fail({ type: 'REQUEST_TOO_LARGE' }, { request, ids: this.requestIds(request), log: {} }).response;
  }

  /** The answer to a request whose URL or headers pass API Gateway's quotas; undefined within them. */
  public headTooLarge(request: ApiRequest): ApiResponse | undefined {
    const reason = restRequestHeadTooLarge(request);
    return reason === undefined ? undefined : this.fail({ type: 'REQUEST_TOO_LARGE', note: reason }, { request, ids: this.requestIds(request), log: {} }).response;
  }

  public async handle(request: ApiRequest): Promise<HandledRequest> {
    const ids = this.requestIds(request);
    const log: RequestLogDetails = {};
    if (this.api.disableExecuteApiEndpoint) {
      return this.fail({ type: 'DEFAULT_ENDPOINT_DISABLED', note: 'the API disables its default (execute-api) endpoint' }, { request, ids, log });
    }
    const { stageName, path } = splitStagePath(request.rawPath);
    const stage = this.stages.get(stageName);
    const fail = (error: RestError, stageVariables?: Readonly<Record<string, string>>) =>
      this.fail(error, { request, ids, log, stage, stageVariables });
    if (!stage) {
      return fail({ type: 'MISSING_AUTHENTICATION_TOKEN', note: `no stage '${stageName}' (stages: ${[...this.stages.keys()].join(', ')})` });
    }
    const canary = stage.canary && this.deps.random() * 100 < stage.canary.percentTraffic ? stage.canary : undefined;
    const stageVariables = canary ? { ...stage.variables, ...canary.stageVariableOverrides } : stage.variables;
    const match = this.route(request.method, path);
    if (!match) {
      return fail({ type: 'MISSING_AUTHENTICATION_TOKEN', note: `no method ${request.method} ${path}` }, stageVariables);
    }
    log.route = `${match.method.httpMethod} ${match.resource.path}`;
    return this.serve({
      request,
      ids,
      stage,
      stageVariables,
      path,
      log,
      deploymentId: canary?.deploymentId ?? stage.deploymentId,
      resource: match.resource,
      method: match.method,
      pathParameters: match.pathParameters,
    });
  }

  private async serve(routed: RoutedRequest): Promise<HandledRequest> {
    const { request, stage, method, resource, log } = routed;
    const eventContext = this.eventContext(routed);
    const fail = (error: RestError, authorizer?: Record<string, unknown>) =>
      this.fail(error, { ...eventContext, log, stage, authorizer });

    const methodArn = `arn:aws:execute-api:${this.deps.region}:${this.deps.accountId}:${this.api.apiId}/${stage.stageName}/${request.method}/${routed.path.replace(/^\//, '')}`;
    if (method.authorizationType !== 'NONE' && Buffer.byteLength(methodArn) > MAX_METHOD_ARN_BYTES) {
      return fail({ type: 'METHOD_ARN_TOO_LONG', note: `the method ARN has ${Buffer.byteLength(methodArn)} bytes, over API Gateway's ${MAX_METHOD_ARN_BYTES}` });
    }
    const auth = await this.authorization.authorize(method, { event: eventContext, methodArn });
    log.authorizerCache = auth.cache;
    if (!auth.ok) {
      return fail(auth.error);
    }

    let apiKey: StageApiKey | undefined;
    if (method.apiKeyRequired) {
      const value = this.api.apiKeySource === 'AUTHORIZER' ? auth.usageIdentifierKey : headerValue(request, 'x-api-key');
      apiKey = this.deps.metering.stageKey(value, this.api.apiId, stage.stageName);
      if (!apiKey) {
        return fail({ type: 'INVALID_API_KEY', note: value === undefined ? 'no API key' : 'the API key is unknown, disabled or not in a usage plan of this stage' }, auth.authorizer);
      }
    }
    const meteringError = this.deps.metering.meter({
      apiId: this.api.apiId, stage, resourcePath: resource.path, httpMethod: method.httpMethod, apiKey,
    });
    if (meteringError) {
      return fail(meteringError, auth.authorizer);
    }

    const validator = method.requestValidatorId === undefined ? undefined : this.api.requestValidators.get(method.requestValidatorId);
    if (validator?.validateRequestParameters) {
      const missing = missingRequiredParameters(method.requestParameters, request, routed.pathParameters);
      if (missing.length > 0) {
        return fail({ type: 'BAD_REQUEST_PARAMETERS', message: `Missing required request parameters: [${missing.join(', ')}]` }, auth.authorizer);
      }
    }
    const bodyProblem = this.bodyValidation.validatesBody(method) ? this.bodyValidation.problem(method, request) : undefined;
    if (bodyProblem !== undefined) {
      return fail({ type: 'BAD_REQUEST_BODY', validationError: bodyProblem, note: `the body fails the request model: ${bodyProblem}` }, auth.authorizer);
    }

    const known = { ...auth.identity, ...(apiKey ? { apiKey: apiKey.key.value, apiKeyId: apiKey.key.apiKeyId } : {}) };
    const identity = Object.keys(known).length > 0 ? { ...eventContext.identity, ...known } : eventContext.identity;
    const context = this.eventContext(routed, identity, auth.authorizer);
    return serveIntegration(method.integration, {
      context, deps: this.deps, methodResponseStatuses: method.methodResponseStatuses, log, fail: (error) => fail(error, auth.authorizer),
    });
  }

  /** The resource matching `path` (API Gateway picks it by path alone), and its method for the request. */
  private route(httpMethod: string, path: string) {
    const match = this.router.find(path);
    const method = match && (match.value.methods.get(httpMethod) ?? match.value.methods.get('ANY'));
    return method ? { resource: match.value, method, pathParameters: match.pathParameters } : undefined;
  }

  private requestIds(request: ApiRequest): RequestIds {
    return newRequestIds(headerValue(request, 'x-amzn-requestid'));
  }

  /**
   * What the event of the request holds: before authorization, with the request's own identity; after it, with what
   * the authorization added. One object literal for both, so that every request's context has the same shape.
   */
  private eventContext(
    routed: RoutedRequest,
    identity: ProxyEventContext['identity'] = proxyIdentity(routed.request),
    authorizer?: ProxyEventContext['authorizer'],
  ): ProxyEventContext {
    return {
      request: routed.request,
      ids: routed.ids,
      accountId: this.deps.accountId,
      apiId: this.api.apiId,
      stage: routed.stage.stageName,
      deploymentId: routed.deploymentId,
      path: routed.path,
      resourcePath: routed.resource.path,
      resourceId: routed.resource.resourceId,
      httpMethod: routed.request.method,
      pathParameters: routed.pathParameters,
      stageVariables: routed.stageVariables,
      binaryMediaTypes: this.api.binaryMediaTypes,
      identity,
      authorizer,
    };
  }

  private fail(error: RestError, context: {
    request: ApiRequest;
    ids: RequestIds;
    log: RequestLogDetails;
    stage?: RestStageModel;
    stageVariables?: Readonly<Record<string, string>>;
    pathParameters?: Readonly<Record<string, string>>;
    resourcePath?: string;
    authorizer?: Readonly<Record<string, unknown>>;
  }): HandledRequest {
    context.log.errorType = error.type;
    context.log.note = error.note;
    const response = renderRestError(this.api, error, {
      request: context.request,
      ids: context.ids,
      stage: context.stage?.stageName,
      stageVariables: context.stageVariables ?? context.stage?.variables ?? {},
      pathParameters: context.pathParameters ?? {},
      resourcePath: context.resourcePath,
      authorizer: context.authorizer,
    });
    return { response, log: context.log };
  }
}

