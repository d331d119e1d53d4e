import * as apigateway from 'aws-cdk-lib/aws-apigateway';

/**
 * One JSON object per request, with the route, error and authorizer fields that explain a 4XX or 5XX (the standard
 * fields alone say only that a request failed, not why), from the `$context` variables of HTTP API access logs. Every
 * value is a quoted string, so that each line is valid JSON whatever API Gateway substitutes (`-` for a missing number).
 */
export function httpJsonAccessLogFormat(): apigateway.AccessLogFormat {
  const fields = {
    requestId: '$context.requestId',
    extendedRequestId: '$context.extendedRequestId',
    requestTime: '$context.requestTime',
    apiId: '$context.apiId',
    stage: '$context.stage',
    domainName: '$context.domainName',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    httpMethod: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    protocol: '$context.protocol',
    status: '$context.status',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationStatus: '$context.integrationStatus',
    integrationErrorMessage: '$context.integrationErrorMessage',
    errorMessage: '$context.error.message',
    authorizerError: '$context.authorizer.error',
  };
  return apigateway.AccessLogFormat.custom(JSON.stringify(fields));
}
