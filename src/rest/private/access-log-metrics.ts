import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Namespace of the metrics gatewaykit derives from access logs. */
export const ACCESS_LOG_METRIC_NAMESPACE = 'GatewayKit/ApiGateway';

/** A metric counted or measured from a stage's JSON access log, whose values are all strings (see `restAccessLogFormat`). */
export interface AccessLogMetricDefinition {
  readonly metricName: string;
  readonly filterPattern: logs.IFilterPattern;
  /** `'1'` to count matching requests, or a numeric field such as `'$.responseLatency'`. */
  readonly metricValue: string;
  readonly unit?: cloudwatch.Unit;
}

/**
 * Creates the metric filter on the stage's access log group (once per id) and returns its metric for the stage.
 * Dimensions come from the log line, so that several APIs and stages can share the namespace.
 */
export function accessLogMetric(
  scope: Construct, id: string, logGroup: logs.ILogGroup, stage: apigateway.IStage, definition: AccessLogMetricDefinition,
  options: cloudwatch.MetricOptions = {},
): cloudwatch.Metric {
  if (!scope.node.tryFindChild(id)) {
    new logs.MetricFilter(scope, id, {
      logGroup,
      filterPattern: definition.filterPattern,
      metricNamespace: ACCESS_LOG_METRIC_NAMESPACE,
      metricName: definition.metricName,
      metricValue: definition.metricValue,
      unit: definition.unit,
      dimensions: { ApiId: '$.apiId', Stage: '$.stage' },
    });
  }
  return new cloudwatch.Metric({
    namespace: ACCESS_LOG_METRIC_NAMESPACE,
    metricName: definition.metricName,
    dimensionsMap: { ApiId: stage.restApi.restApiId, Stage: stage.stageName },
    statistic: cloudwatch.Stats.SUM,
    unit: definition.unit,
    ...options,
  });
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
