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

/** The API and stage a metric counts, as the access log names them (`$context.apiId`, `$context.stage`). */
export interface AccessLogStage {
  readonly apiId: string;
  readonly stageName: string;
}

/**
 * Creates the metric filter on the stage's access log group (once per id) and returns its metric for the stage.
 * Dimensions come from the log line, so that several APIs and stages can share the namespace.
 */
export function accessLogMetric(
  scope: Construct, id: string, logGroup: logs.ILogGroup, stage: AccessLogStage, definition: AccessLogMetricDefinition,
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
    dimensionsMap: { ApiId: stage.apiId, Stage: stage.stageName },
    statistic: cloudwatch.Stats.SUM,
    unit: definition.unit,
    ...options,
  });
}

/**
 * Requests whose access log line carries the error message an authorizer returned (`$context.authorizer.error`, which
 * API Gateway logs as `-` when there is none). REST and HTTP access logs have the field (see their formats).
 */
export const AUTHORIZER_ERRORS: AccessLogMetricDefinition = {
  metricName: 'AuthorizerErrors',
  filterPattern: logs.FilterPattern.stringValue('$.authorizerError', '!=', '-'),
  metricValue: '1',
};
