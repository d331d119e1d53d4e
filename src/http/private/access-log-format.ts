import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { jsonAccessLogFormat, RESPONSE_FIELDS } from '../../private/access-log-format';

/**
 * The JSON access log of HTTP API stages: the route, error and authorizer fields that explain a 4XX or 5XX (the
 * standard fields alone say only that a request failed, not why), from the `$context` variables of HTTP APIs.
 */
export function httpAccessLogFormat(): apigateway.AccessLogFormat {
  return jsonAccessLogFormat({
    domainName: '$context.domainName',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    httpMethod: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    ...RESPONSE_FIELDS,
    integrationErrorMessage: '$context.integrationErrorMessage',
    errorMessage: '$context.error.message',
    authorizerError: '$context.authorizer.error',
  });
}
