import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { jsonAccessLogFormat, RESPONSE_FIELDS } from '../../private/access-log-format';

/**
 * The JSON access log of REST API stages: the error and authorizer fields that explain a 4XX or 5XX (the standard
 * fields alone say only that a request failed, not why), and the canary field that the log metric filters of
 * `metricThrottledRequests()` and canary alarms select on, with the API and stage.
 */
export function restAccessLogFormat(): apigateway.AccessLogFormat {
  return jsonAccessLogFormat({
    isCanaryRequest: '$context.isCanaryRequest',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    caller: '$context.identity.caller',
    user: '$context.identity.user',
    apiKeyId: '$context.identity.apiKeyId',
    httpMethod: '$context.httpMethod',
    resourcePath: '$context.resourcePath',
    ...RESPONSE_FIELDS,
    errorMessage: '$context.error.message',
    errorType: '$context.error.responseType',
    authorizerError: '$context.authorizer.error',
    authorizerPrincipalId: '$context.authorizer.principalId',
  });
}
