import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { StageSettings } from './stage-settings';
import type { BoundRestAuthorizer } from '../../authorizers/private/bound-rest-authorizer';
import { ApiMonitoring, ApiMonitoringOptions } from '../../common/monitoring-options';
import { AuthorizerMetrics, authorizerMetrics, createMonitoring, graph, MonitoredStage } from '../../private/monitoring';
import { parseRouteKey } from '../../private/route-key';
import type { SecureLambdaApi } from '../secure-lambda-api';
import { StageCanary } from '../stage-canary';

/** The dashboard and alarms of `monitoring` (none without it), the primary stage first. */
export function monitorRestApi(
  api: SecureLambdaApi, options: ApiMonitoringOptions | undefined, stageSettings: readonly StageSettings[],
  boundAuthorizers: readonly BoundRestAuthorizer[],
): ApiMonitoring | undefined {
  if (!options) {
    return undefined;
  }
  const scope = new Construct(api, 'Monitoring');
  const primary = stageSettings.find((settings) => settings.primary)!.name;
  const authorizers = authorizerMetrics(scope, boundAuthorizers, api.accessLogGroups[primary],
    { apiId: api.restApi.restApiId, stageName: api.stages[primary].stageName });
  return monitorStages(scope, api.restApi, options, [...stageSettings]
    .sort((a, b) => Number(b.primary) - Number(a.primary))
    .map((settings) => ({
      name: settings.name,
      stage: api.stages[settings.name],
      cached: settings.cache !== undefined,
      throttledRequests: api.metricThrottledRequests({ stageName: settings.name }),
      canary: api.canaries[settings.name],
    })), authorizers);
}

/** What the dashboard of a REST API shows of each stage. */
interface RestStageToMonitor {
  readonly name: string;
  readonly stage: apigateway.Stage;
  readonly cached: boolean;
  /** 429s, counted from the stage's access log. */
  readonly throttledRequests: cloudwatch.IMetric;
  readonly canary?: StageCanary;
}

const SUM = { statistic: cloudwatch.Stats.SUM };

/**
 * The dashboard and alarms of a REST API: per stage requests, 4XX, 5XX, latency and integration latency percentiles,
 * throttled requests, cache hits and misses when the stage caches, and its canary's requests, 5XX and latency beside
 * the stage's; per route (API Gateway's per-method metrics) requests, errors and latency.
 */
function monitorStages(
  scope: Construct, restApi: apigateway.RestApi, options: ApiMonitoringOptions, stages: RestStageToMonitor[], authorizers: AuthorizerMetrics,
): ApiMonitoring {
  const monitored: MonitoredStage[] = stages.map(({ name, stage, cached, throttledRequests, canary }) => ({
    name,
    metrics: {
      requests: stage.metricCount(SUM),
      clientErrors: stage.metricClientError(SUM),
      serverErrors: stage.metricServerError(SUM),
      latency: (statistic) => stage.metricLatency({ statistic }),
      integrationLatency: (statistic) => stage.metricIntegrationLatency({ statistic }),
      extraGraphs: [
        { title: 'throttled requests (429)', metrics: [throttledRequests] },
        ...(cached ? [{ title: 'cache hits and misses', metrics: [stage.metricCacheHitCount(SUM), stage.metricCacheMissCount(SUM)] }] : []),
        ...(canary ? [
          { title: 'canary requests and 5XX', metrics: [canary.metricRequests(), canary.metricServerErrors()] },
          { title: 'canary latency', metrics: [canary.metricLatency()] },
        ] : []),
      ],
    },
  }));
  const primaryStage = stages[0].name;
  return createMonitoring(scope, options, monitored, (route) => {
    const key = parseRouteKey(scope, `monitoring.routes['${route}']`, route);
    const metric = (metricName: string, statistic: string) => new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      statistic,
      dimensionsMap: { ApiName: restApi.restApiName, Method: key.method, Resource: key.path, Stage: primaryStage },
    });
    return [
      graph(`${key.key}: requests`, [metric('Count', cloudwatch.Stats.SUM)]),
      graph(`${key.key}: 4XX and 5XX`, [metric('4XXError', cloudwatch.Stats.SUM), metric('5XXError', cloudwatch.Stats.SUM)]),
      graph(`${key.key}: latency`, ['p50', 'p90', 'p99'].map((p) => metric('Latency', p))),
    ];
  }, authorizers);
}
