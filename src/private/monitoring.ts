import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Construct } from 'constructs';
import { check } from './errors';
import { ApiMonitoring, ApiMonitoringOptions } from '../common/monitoring-options';

/** Every alarm and the dashboard look at 5-minute periods. */
const PERIOD = Duration.minutes(5);
const PERCENTILES = ['p50', 'p90', 'p99'];

/** The metrics of one stage, as its API type names them. */
export interface StageMetrics {
  readonly requests: cloudwatch.IMetric;
  readonly clientErrors: cloudwatch.IMetric;
  readonly serverErrors: cloudwatch.IMetric;
  readonly latency: (statistic: string) => cloudwatch.IMetric;
  /** Undefined where the API type has none (WebSocket). */
  readonly integrationLatency?: (statistic: string) => cloudwatch.IMetric;
  /** Further graphs of the stage: cache hits and misses, throttled requests, a canary's metrics. */
  readonly extraGraphs?: { readonly title: string; readonly metrics: cloudwatch.IMetric[] }[];
}

/** A stage to monitor. */
export interface MonitoredStage {
  readonly name: string;
  readonly metrics: StageMetrics;
}

/**
 * A dashboard with a row per stage and per route given, alarms on the primary stage's 5XX rate, 4XX rate and p99
 * latency, and a composite alarm over them; every alarm takes the actions given.
 */
export function createMonitoring(
  scope: Construct, options: ApiMonitoringOptions, stages: MonitoredStage[], routeRows: (route: string) => cloudwatch.IWidget[],
): ApiMonitoring {
  const evaluationPeriods = options.evaluationPeriods ?? 3;
  check(Number.isInteger(evaluationPeriods) && evaluationPeriods >= 1, scope, 'OutOfRange', () =>
    `monitoring.evaluationPeriods is ${evaluationPeriods}; expected a whole number of 5-minute periods, 1 or more`);
  const primary = stages[0].metrics;
  const alarmActions = [...(options.alarmTopic ? [new actions.SnsAction(options.alarmTopic)] : []), ...(options.alarmActions ?? [])];
  const alarm = (id: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
    const created = new cloudwatch.Alarm(scope, id, {
      metric,
      threshold,
      evaluationPeriods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: `${description} (${scope.node.path}, stage ${stages[0].name})`,
    });
    created.addAlarmAction(...alarmActions);
    created.addOkAction(...(options.alarmTopic ? [new actions.SnsAction(options.alarmTopic)] : []));
    return created;
  };
  const alarms = {
    serverErrorRate: alarm('ServerErrorRateAlarm', rate(primary.serverErrors, primary.requests, '5XX'),
      options.serverErrorRateThreshold ?? 1, 'Share of requests answered 5XX, in percent'),
    clientErrorRate: alarm('ClientErrorRateAlarm', rate(primary.clientErrors, primary.requests, '4XX'),
      options.clientErrorRateThreshold ?? 10, 'Share of requests answered 4XX, in percent'),
    latencyP99: alarm('LatencyP99Alarm', primary.latency('p99'),
      (options.latencyP99Threshold ?? Duration.seconds(5)).toMilliseconds(), 'p99 latency in milliseconds'),
  };
  const compositeAlarm = new cloudwatch.CompositeAlarm(scope, 'CompositeAlarm', {
    alarmRule: cloudwatch.AlarmRule.anyOf(...Object.values(alarms)),
    alarmDescription: `Any alarm of ${scope.node.path}`,
  });
  compositeAlarm.addAlarmAction(...alarmActions);

  const dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', { dashboardName: options.dashboardName, defaultInterval: Duration.hours(3) });
  dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [compositeAlarm, ...Object.values(alarms)], width: 24, height: 3 }));
  for (const stage of stages) {
    dashboard.addWidgets(...stageRow(stage));
  }
  for (const route of options.routes ?? []) {
    dashboard.addWidgets(...routeRows(route));
  }
  return { dashboard, alarms, compositeAlarm };
}

/** Requests, errors, latency and integration latency percentiles, and the stage's further graphs. */
function stageRow({ name, metrics }: MonitoredStage): cloudwatch.IWidget[] {
  return [
    graph(`${name}: requests`, [metrics.requests]),
    graph(`${name}: 4XX and 5XX`, [metrics.clientErrors, metrics.serverErrors]),
    graph(`${name}: latency`, PERCENTILES.map((p) => metrics.latency(p))),
    ...(metrics.integrationLatency ? [graph(`${name}: integration latency`, PERCENTILES.map((p) => metrics.integrationLatency!(p)))] : []),
    ...(metrics.extraGraphs ?? []).map((extra) => graph(`${name}: ${extra.title}`, extra.metrics)),
  ];
}

/** A 6-wide graph of 5-minute periods. */
export function graph(title: string, metrics: cloudwatch.IMetric[]): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ title, left: metrics, width: 6, height: 6, period: PERIOD });
}

/** `100 * errors / requests`, 0 without requests. */
function rate(errors: cloudwatch.IMetric, requests: cloudwatch.IMetric, label: string): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: 'IF(requests > 0, 100 * errors / requests, 0)',
    usingMetrics: { errors, requests },
    label: `${label} rate (%)`,
    period: PERIOD,
  });
}
