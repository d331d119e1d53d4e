import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { parseHttpRouteKey } from './http-route-key';
import type { BoundHttpAuthorizer } from '../../authorizers/private/bound-http-authorizer';
import { ApiMonitoring, ApiMonitoringOptions } from '../../common/monitoring-options';
import { authorizerMetrics, createMonitoring, graph } from '../../private/monitoring';

const SUM = { statistic: cloudwatch.Stats.SUM };

/**
 * The dashboard and alarms of an HTTP API: requests, 4XX, 5XX, latency and integration latency percentiles of its
 * stage; errors and throttles of its Lambda authorizers' functions and authorizer errors of its access log; per route
 * (the `ApiId, Stage, Route` metrics of detailed metrics) requests, errors and latency.
 */
export function monitorHttpApi(
  scope: Construct, httpApi: apigatewayv2.HttpApi, stage: apigatewayv2.HttpStage, options: ApiMonitoringOptions,
  accessLogGroup: logs.ILogGroup, boundAuthorizers: readonly BoundHttpAuthorizer[],
): ApiMonitoring {
  const authorizers = authorizerMetrics(scope, boundAuthorizers, accessLogGroup, { apiId: httpApi.apiId, stageName: stage.stageName });
  return createMonitoring(scope, options, [{
    name: stage.stageName,
    metrics: {
      requests: stage.metricCount(SUM),
      clientErrors: stage.metricClientError(SUM),
      serverErrors: stage.metricServerError(SUM),
      latency: (statistic) => stage.metricLatency({ statistic }),
      integrationLatency: (statistic) => stage.metricIntegrationLatency({ statistic }),
    },
  }], (route) => {
    const key = parseHttpRouteKey(scope, `monitoring.routes['${route}']`, route);
    const metric = (metricName: string, statistic: string) => new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      statistic,
      dimensionsMap: { ApiId: httpApi.apiId, Stage: stage.stageName, Route: key.key },
    });
    return [
      graph(`${key.key}: requests`, [metric('Count', cloudwatch.Stats.SUM)]),
      graph(`${key.key}: 4XX and 5XX`, [metric('4xx', cloudwatch.Stats.SUM), metric('5xx', cloudwatch.Stats.SUM)]),
      graph(`${key.key}: latency`, ['p50', 'p90', 'p99'].map((p) => metric('Latency', p))),
    ];
  }, authorizers);
}
