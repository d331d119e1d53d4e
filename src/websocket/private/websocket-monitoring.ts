import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { BoundWebSocketAuthorizer } from '../../authorizers/private/bound-websocket-authorizer';
import { ApiMonitoring, ApiMonitoringOptions } from '../../common/monitoring-options';
import { authorizerMetrics, createMonitoring, graph } from '../../private/monitoring';

const SUM = { statistic: cloudwatch.Stats.SUM };

/**
 * The dashboard and alarms of a WebSocket API. API Gateway counts messages (`MessageCount`, connection requests
 * included), client errors (`ClientError`), errors calling the integration (`ExecutionError`) and errors it returned
 * (`IntegrationError`), and measures integration latency only: the "5XX" rate is execution and integration errors
 * over messages, the "4XX" rate client errors over messages, and the p99 latency alarm watches integration latency.
 * With a Lambda authorizer on `$connect`, its function's errors and throttles and the access log's authorizer errors.
 */
export function monitorWebSocketApi(
  scope: Construct, webSocketApi: apigatewayv2.WebSocketApi, stage: apigatewayv2.WebSocketStage, options: ApiMonitoringOptions,
  accessLogGroup: logs.ILogGroup, connectAuthorizer: BoundWebSocketAuthorizer | undefined,
): ApiMonitoring {
  const authorizers = authorizerMetrics(scope, connectAuthorizer ? [connectAuthorizer] : [], accessLogGroup,
    { apiId: webSocketApi.apiId, stageName: stage.stageName });
  const integrationErrors = stage.metric('IntegrationError', SUM);
  const executionErrors = stage.metric('ExecutionError', SUM);
  return createMonitoring(scope, options, [{
    name: stage.stageName,
    metrics: {
      requests: stage.metric('MessageCount', SUM),
      clientErrors: stage.metric('ClientError', SUM),
      serverErrors: new cloudwatch.MathExpression({
        expression: 'integrationErrors + executionErrors',
        usingMetrics: { integrationErrors, executionErrors },
        label: 'execution and integration errors',
      }),
      latency: (statistic) => stage.metric('IntegrationLatency', { statistic }),
      extraGraphs: [
        { title: 'connections', metrics: [stage.metric('ConnectCount', SUM)] },
        { title: 'execution and integration errors', metrics: [executionErrors, integrationErrors] },
      ],
    },
  }], (route) => {
    const metric = (metricName: string, statistic: string) => new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      statistic,
      dimensionsMap: { ApiId: webSocketApi.apiId, Stage: stage.stageName, Route: route },
    });
    return [
      graph(`${route}: messages`, [metric('MessageCount', cloudwatch.Stats.SUM)]),
      graph(`${route}: errors`, [metric('ClientError', cloudwatch.Stats.SUM), metric('IntegrationError', cloudwatch.Stats.SUM)]),
      graph(`${route}: integration latency`, ['p50', 'p90', 'p99'].map((p) => metric('IntegrationLatency', p))),
    ];
  }, authorizers);
}
