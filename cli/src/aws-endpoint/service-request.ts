import type { IncomingHttpHeaders } from 'node:http';

/** A request an AWS SDK sent to the local endpoint (`AWS_ENDPOINT_URL`). */
export interface AwsServiceRequest {
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-case names, as Node gives them. */
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The service's signing name, from the SigV4 credential scope: `lambda`, `states`, `apigateway`, `dynamodb`. */
  readonly service: string;
  /** The operation of a JSON-protocol service, from `X-Amz-Target` (`AWSStepFunctions.StartExecution`). */
  readonly target?: string;
}

export interface AwsServiceResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * Answers the requests of one service, or some of them: undefined for an operation it does not answer, which the
 * endpoint then reports as not available locally.
 */
export type AwsServiceHandler = (request: AwsServiceRequest) => Promise<AwsServiceResponse | undefined>;

/** `Credential=AKID/20260101/us-east-1/lambda/aws4_request` in a SigV4 `Authorization` header. */
const CREDENTIAL_SCOPE = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/;

/** The signing name of the service a signed request is for; undefined for an unsigned request. */
export function signingServiceOf(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  return typeof authorization === 'string' ? CREDENTIAL_SCOPE.exec(authorization)?.[1] : undefined;
}

/** How a call is named in messages: `states AWSStepFunctions.StartExecution`, `apigateway GET /restapis/a1/stages/prod`. */
export function describeCall(request: AwsServiceRequest): string {
  return request.target === undefined ? `${request.service} ${request.method} ${request.path}` : `${request.service} ${request.target}`;
}

/** A JSON answer in the AWS JSON and REST-JSON protocols' error shape: `x-amzn-ErrorType` and `__type`. */
export function jsonError(status: number, errorType: string, message: string): AwsServiceResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': errorType },
    body: JSON.stringify({ __type: errorType, message, Message: message }),
  };
}
