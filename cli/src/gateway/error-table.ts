/**
 * Every answer API Gateway itself gives instead of the integration's, in one table: the status, the message and the
 * `x-amzn-ErrorType` header. REST APIs render `message` through the gateway response of its type (the template's
 * `AWS::ApiGateway::GatewayResponse`, else `DEFAULT_4XX`/`DEFAULT_5XX`, else AWS's default body). Sources:
 * ../../../shared/aws-semantics.md and the API Gateway developer guide; rows marked uncertain follow recordings
 * published by other emulators rather than AWS documentation, and are corrected here only.
 */
export interface GatewayError {
  readonly status: number;
  /**
   * The message, rendered by the default template `{"message":$context.error.messageString}`; `null` renders as
   * `{"message": null}`.
   */
  readonly message: string | null;
  readonly errorType?: string;
  /** The body's key, when AWS spells it `Message` (authorizer policy denials). */
  readonly messageKey?: 'Message';
  /** Whether AWS writes a space after the colon (`{"message": null}`), as it does for a few bodies. */
  readonly spaced?: boolean;
}

/** REST API gateway response types, keyed by their API Gateway names. */
export const REST_GATEWAY_RESPONSES = {
  MISSING_AUTHENTICATION_TOKEN: { status: 403, message: 'Missing Authentication Token', errorType: 'MissingAuthenticationTokenException' },
  INVALID_API_KEY: { status: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  UNAUTHORIZED: { status: 401, message: 'Unauthorized', errorType: 'UnauthorizedException' },
  // The capital M of these two is what AWS sends (uncertain: recorded, not documented).
  ACCESS_DENIED: { status: 403, message: 'User is not authorized to access this resource', errorType: 'AccessDeniedException', messageKey: 'Message' },
  AUTHORIZER_CONFIGURATION_ERROR: { status: 500, message: null, errorType: 'AuthorizerConfigurationException', spaced: true },
  AUTHORIZER_FAILURE: { status: 500, message: null, errorType: 'AuthorizerFailureException', spaced: true },
  THROTTLED: { status: 429, message: 'Too Many Requests', errorType: 'TooManyRequestsException' },
  QUOTA_EXCEEDED: { status: 429, message: 'Limit Exceeded', errorType: 'LimitExceededException' },
  INTEGRATION_TIMEOUT: { status: 504, message: 'Endpoint request timed out', errorType: 'InternalServerErrorException', spaced: true },
  // Also an HTTP or AWS service endpoint that cannot be reached (uncertain: the type's documented default status).
  INTEGRATION_FAILURE: { status: 504, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  BAD_REQUEST_BODY: { status: 400, message: 'Invalid request body', errorType: 'BadRequestException', spaced: true },
  BAD_REQUEST_PARAMETERS: { status: 400, message: 'Missing required request parameters', errorType: 'BadRequestException' },
  // Also the request line and headers over 10,240 bytes (api-gateway-execution-service-limits-table), whose status AWS
  // does not document (uncertain).
  REQUEST_TOO_LARGE: { status: 413, message: 'Request Too Long', errorType: 'RequestTooLargeException' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported Media Type', errorType: 'UnsupportedMediaTypeException' },
  EXPIRED_TOKEN: { status: 403, message: 'Signature expired', errorType: 'InvalidSignatureException' },
  INVALID_SIGNATURE: { status: 403, message: 'Invalid signature', errorType: 'InvalidSignatureException' },
  RESOURCE_NOT_FOUND: { status: 404, message: 'Not Found', errorType: 'NotFoundException' },
  WAF_FILTERED: { status: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  // Also what the runtime answers for an integration it cannot call locally (an AWS service without --aws-endpoint).
  API_CONFIGURATION_ERROR: { status: 500, message: 'Internal server error', errorType: 'InternalServerErrorException' },
} as const satisfies Record<string, GatewayError>;

export type RestGatewayResponseType = keyof typeof REST_GATEWAY_RESPONSES;

export function isRestGatewayResponseType(type: string): type is RestGatewayResponseType {
  return Object.prototype.hasOwnProperty.call(REST_GATEWAY_RESPONSES, type);
}

/**
 * REST answers that have no gateway response type of their own: only `DEFAULT_4XX`/`DEFAULT_5XX` customize them.
 */
export const REST_UNTYPED_ERRORS = {
  // A Lambda proxy integration that fails (the function throws, times out, or returns a malformed result).
  LAMBDA_PROXY_FAILURE: { status: 502, message: 'Internal server error', errorType: 'InternalServerErrorException', spaced: true },
  // "Clients can still connect to your default endpoint, but they will receive a 403 Forbidden status code"
  // (rest-api-disable-default-endpoint.html); the body and error type are INVALID_API_KEY's (uncertain).
  DEFAULT_ENDPOINT_DISABLED: { status: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  // The method ARN of an authorized method over 1,600 bytes: "the API client will receive a 414 Request URI too long
  // response" (api-gateway-lambda-authorizer-output.html); the body follows the default template (uncertain).
  METHOD_ARN_TOO_LONG: { status: 414, message: 'Request URI too long' },
  // The Lambda integration's request over Lambda's 6 MB Invoke payload: recorded against AWS (uncertain: undocumented).
  LAMBDA_REQUEST_TOO_LARGE: { status: 413, message: 'Request Too Long', errorType: 'BadRequestException', spaced: true },
} as const satisfies Record<string, GatewayError>;

export type RestUntypedError = keyof typeof REST_UNTYPED_ERRORS;

/** HTTP API answers; HTTP APIs have no gateway responses to customize them. */
export const HTTP_API_ERRORS = {
  NOT_FOUND: { status: 404, message: 'Not Found' },
  UNAUTHORIZED: { status: 401, message: 'Unauthorized' },
  FORBIDDEN: { status: 403, message: 'Forbidden' },
  THROTTLED: { status: 429, message: 'Too Many Requests' },
  // Also an HTTP_PROXY or AWS service endpoint that cannot be reached, and one the runtime cannot call locally.
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Internal Server Error' },
  // A function error or malformed result; a timeout of the integration is 503 (uncertain: community reports).
  SERVICE_UNAVAILABLE: { status: 503, message: 'Service Unavailable' },
  // An HTTP_PROXY or AWS service integration with no answer within its timeout (uncertain: community reports).
  GATEWAY_TIMEOUT: { status: 504, message: 'Gateway Timeout' },
  REQUEST_TOO_LARGE: { status: 413, message: 'Request Entity Too Large' },
} as const satisfies Record<string, GatewayError>;

export type HttpApiErrorType = keyof typeof HTTP_API_ERRORS;

/** The default body of a gateway error, `{"message":"…"}` as `$context.error.messageString` renders it, in AWS's spelling. */
export function defaultErrorBody(error: GatewayError, message: string | null = error.message): string {
  return `{"${error.messageKey ?? 'message'}":${error.spaced ? ' ' : ''}${JSON.stringify(message)}}`;
}
