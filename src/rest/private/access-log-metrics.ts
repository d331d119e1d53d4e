import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { accessLogMetric, AccessLogMetricDefinition } from '../../private/access-log-metrics';

/** `accessLogMetric` for a REST stage: the metric filter on its access log group (created once per id) and its metric. */
export function restAccessLogMetric(
  scope: Construct, id: string, logGroup: logs.ILogGroup, stage: apigateway.IStage, definition: AccessLogMetricDefinition,
  options?: cloudwatch.MetricOptions,
): cloudwatch.Metric {
  return accessLogMetric(scope, id, logGroup, { apiId: stage.restApi.restApiId, stageName: stage.stageName }, definition, options);
}

/** Requests answered 429: throttled by the stage, method or usage plan, or over a usage-plan quota. */
export const THROTTLED_REQUESTS: AccessLogMetricDefinition = {
  metricName: 'ThrottledRequests',
  filterPattern: logs.FilterPattern.stringValue('$.status', '=', '429'),
  metricValue: '1',
};

const CANARY = logs.FilterPattern.stringValue('$.isCanaryRequest', '=', 'true');

export const CANARY_REQUESTS: AccessLogMetricDefinition = {
  metricName: 'CanaryRequests',
  filterPattern: CANARY,
  metricValue: '1',
};

export const CANARY_SERVER_ERRORS: AccessLogMetricDefinition = {
  metricName: 'CanaryServerErrors',
  filterPattern: logs.FilterPattern.all(CANARY, logs.FilterPattern.stringValue('$.status', '=', '5*')),
  metricValue: '1',
};

export const CANARY_LATENCY: AccessLogMetricDefinition = {
  metricName: 'CanaryLatency',
  filterPattern: CANARY,
  metricValue: '$.responseLatency',
  unit: cloudwatch.Unit.MILLISECONDS,
};
