import * as apigateway from 'aws-cdk-lib/aws-apigateway';

/**
 * One JSON object per request, with the error and authorizer fields that explain a 4XX or 5XX
 * (the standard fields alone say only that a request failed, not why), and the API, stage and canary fields the
 * log metric filters of `metricThrottledRequests()` and canary alarms select on. Every value is a quoted string, so
 * that each line is valid JSON whatever API Gateway substitutes (`-` for a missing number).
 */
export function jsonAccessLogFormat(): apigateway.AccessLogFormat {
  const fields = {
    requestId: apigateway.AccessLogField.contextRequestId(),
    extendedRequestId: apigateway.AccessLogField.contextExtendedRequestId(),
    requestTime: apigateway.AccessLogField.contextRequestTime(),
    apiId: apigateway.AccessLogField.contextApiId(),
    stage: apigateway.AccessLogField.contextStage(),
    // aws-cdk-lib has no AccessLogField for it.
    isCanaryRequest: '$context.isCanaryRequest',
    sourceIp: apigateway.AccessLogField.contextIdentitySourceIp(),
    userAgent: apigateway.AccessLogField.contextIdentityUserAgent(),
    caller: apigateway.AccessLogField.contextIdentityCaller(),
    user: apigateway.AccessLogField.contextIdentityUser(),
    apiKeyId: apigateway.AccessLogField.contextIdentityApiKeyId(),
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
  };
  return apigateway.AccessLogFormat.custom(JSON.stringify(fields));
}
