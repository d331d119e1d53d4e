import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { jsonAccessLogFormat } from '../../private/access-log-format';

/**
 * The JSON access log of WebSocket API stages, one line per connection event and message: the event (CONNECT,
 * MESSAGE, DISCONNECT), route, connection and message ids that tie a message to its connection, and the error,
 * integration and authorizer fields that explain a refused connection or a failed message.
 */
export function webSocketAccessLogFormat(): apigateway.AccessLogFormat {
  return jsonAccessLogFormat({
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
  });
}
