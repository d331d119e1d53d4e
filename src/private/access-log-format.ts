import * as apigateway from 'aws-cdk-lib/aws-apigateway';

/** How every API type's access log line starts: the request, when it arrived, and the API and stage it reached. */
const REQUEST_FIELDS = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  requestTime: '$context.requestTime',
  apiId: '$context.apiId',
  stage: '$context.stage',
};

/** How REST and HTTP APIs answered a request: status, size, and the time spent in API Gateway and in the integration. */
export const RESPONSE_FIELDS = {
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
};

/**
 * One JSON object per request: the request fields every API type logs, then `fields`, the `$context` variables of
 * the API type. Every value is a quoted string, so that each line is valid JSON whatever API Gateway substitutes (`-`
 * for a missing number or value).
 */
export function jsonAccessLogFormat(fields: { readonly [name: string]: string }): apigateway.AccessLogFormat {
  return apigateway.AccessLogFormat.custom(JSON.stringify({ ...REQUEST_FIELDS, ...fields }));
}
