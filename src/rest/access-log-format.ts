import * as apigateway from 'aws-cdk-lib/aws-apigateway';

/**
 * One JSON object per request, with the error and authorizer fields that explain a 4XX or 5XX
 * (the standard fields alone say only that a request failed, not why).
 */
export function jsonAccessLogFormat(): apigateway.AccessLogFormat {
  return apigateway.AccessLogFormat.custom(JSON.stringify({
    requestId: apigateway.AccessLogField.contextRequestId(),
    extendedRequestId: apigateway.AccessLogField.contextExtendedRequestId(),
    requestTime: apigateway.AccessLogField.contextRequestTime(),
    sourceIp: apigateway.AccessLogField.contextIdentitySourceIp(),
    userAgent: apigateway.AccessLogField.contextIdentityUserAgent(),
    caller: apigateway.AccessLogField.contextIdentityCaller(),
    user: apigateway.AccessLogField.contextIdentityUser(),
    httpMethod: apigateway.AccessLogField.contextHttpMethod(),
    resourcePath: apigateway.AccessLogField.contextResourcePath(),
    protocol: apigateway.AccessLogField.contextProtocol(),
    status: apigateway.AccessLogField.contextStatus(),
    responseLength: apigateway.AccessLogField.contextResponseLength(),
    responseLatency: apigateway.AccessLogField.contextResponseLatency(),
    integrationLatency: apigateway.AccessLogField.contextIntegrationLatency(),
    integrationStatus: apigateway.AccessLogField.contextIntegrationStatus(),
    errorMessage: apigateway.AccessLogField.contextErrorMessage(),
    errorType: apigateway.AccessLogField.contextErrorResponseType(),
    authorizerError: apigateway.AccessLogField.contextAuthorizerError(),
    authorizerPrincipalId: apigateway.AccessLogField.contextAuthorizerPrincipalId(),
  }));
}
