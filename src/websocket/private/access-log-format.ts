import * as apigateway from 'aws-cdk-lib/aws-apigateway';

/**
 * One JSON object per connection event and message, from the `$context` variables of WebSocket API access logs: the
 * event (CONNECT, MESSAGE, DISCONNECT), route, connection and message ids that tie a message to its connection, and
 * the error, integration and authorizer fields that explain a refused connection or a failed message. Every value is
 * a quoted string, so that each line is valid JSON whatever API Gateway substitutes (`-` for a missing value).
 */
export function webSocketJsonAccessLogFormat(): apigateway.AccessLogFormat {
  const fields = {
    requestId: '$context.requestId',
    extendedRequestId: '$context.extendedRequestId',
    requestTime: '$context.requestTime',
    apiId: '$context.apiId',
    stage: '$context.stage',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    eventType: '$context.eventType',
    routeKey: '$context.routeKey',
    connectionId: '$context.connectionId',
    messageId: '$context.messageId',
    status: '$context.status',
    integrationStatus: '$context.integrationStatus',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integration.error',
    errorMessage: '$context.error.message',
    errorType: '$context.error.responseType',
    authorizerError: '$context.authorizer.error',
    authorizerPrincipalId: '$context.authorizer.principalId',
  };
  return apigateway.AccessLogFormat.custom(JSON.stringify(fields));
}
