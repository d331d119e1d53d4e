import type { ApiResponse, HandledRequest, RequestLogDetails } from '../../gateway/api-request';
import type { AwsServiceEndpoint } from '../../gateway/aws-service-endpoint';
import type { LambdaIntegrationDeps } from '../../gateway/lambda-integration';
import type { LocalApiEndpoints } from '../../gateway/local-endpoints';
import type { InvokeStreamingOutcome } from '../../lambda';
import type { ProxyEventContext } from '../../proxy';
import type { RestError } from '../gateway-response';

/** What integrations need of the runtime. */
export interface RestIntegrationDeps extends LambdaIntegrationDeps {
  /** Runs a function whose response streams (REST `ResponseTransferMode: STREAM`). */
  readonly invokeStreaming: (functionArn: string, event: unknown) => Promise<InvokeStreamingOutcome>;
  /** Where AWS service integrations go; without it they answer as a failed integration. */
  readonly awsEndpoint?: AwsServiceEndpoint;
  /** The served APIs' listeners, which HTTP integrations to their execute-api URLs reach. */
  readonly localEndpoints: LocalApiEndpoints;
}

/** One authorized, metered request about to reach its method's integration. */
export interface IntegrationCall {
  /** Everything API Gateway knows of the request, authorizer and API key included. */
  readonly context: ProxyEventContext;
  readonly deps: RestIntegrationDeps;
  /** The method's `MethodResponses` status codes: a non-proxy integration answers only with one of them. */
  readonly methodResponseStatuses: readonly string[];
  readonly log: RequestLogDetails;
  /** Renders a gateway error through the API's gateway responses. */
  readonly fail: (error: RestError) => HandledRequest;
}

/** An integration's answer with API Gateway's request id headers added. */
export function withRequestIds(call: IntegrationCall, response: ApiResponse): HandledRequest {
  const headers = [...response.headers, ['x-amzn-RequestId', call.context.ids.requestId] as const, ['x-amz-apigw-id', call.context.ids.extendedRequestId] as const];
  return { response: { ...response, headers }, log: call.log };
}
