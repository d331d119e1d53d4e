import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { accessLogMetric, AccessLogStage, AUTHORIZER_ERRORS } from './access-log-metrics';
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

/** What the dashboard shows of an API's authorizers. */
export interface AuthorizerMetrics {
  /** The functions of the API's Lambda authorizers (the user's, or the bundled JWT authorizer). */
  readonly functions: lambda.IFunction[];
  /** Requests whose access log line carries an authorizer error; undefined where the API type logs none. */
  readonly accessLogErrors?: cloudwatch.IMetric;
}

/**
 * What the dashboard shows of the API's Lambda authorizers (the user's and the bundled JWT authorizer; IAM and
 * Cognito authorizers have no function): their functions, and the requests with an authorizer error in the access
 * log of `stage`, counted by a metric filter created with the first such authorizer.
 */
export function authorizerMetrics(
  scope: Construct, bound: readonly { readonly function?: lambda.IFunction }[], logGroup: logs.ILogGroup, stage: AccessLogStage,
): AuthorizerMetrics {
  const functions = [...new Set(bound.flatMap((authorizer) => (authorizer.function ? [authorizer.function] : [])))];
  return {
    functions,
    accessLogErrors: functions.length ? accessLogMetric(scope, 'AuthorizerErrorsMetric', logGroup, stage, AUTHORIZER_ERRORS) : undefined,
  };
}

/** A stage to monitor. */
export interface MonitoredStage {
  readonly name: string;
  readonly metrics: StageMetrics;
}

/**
 * A dashboard with a row per stage, one for the Lambda authorizers and one per route given, alarms on the primary
 * stage's 5XX rate, 4XX rate and p99 latency and on the authorizer functions' errors, and a composite alarm over them;
 * every alarm takes the actions given.
 */
export function createMonitoring(
  scope: Construct, options: ApiMonitoringOptions, stages: MonitoredStage[], routeRows: (route: string) => cloudwatch.IWidget[],
  authorizers: AuthorizerMetrics = { functions: [] },
): ApiMonitoring {
  const alarmActions = alarmActionsOf(options);
  const alarms = createAlarms(scope, options, alarmActions, stages, authorizers.functions);
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
  const authorizerWidgets = authorizerRow(authorizers);
  if (authorizerWidgets.length) {
    dashboard.addWidgets(...authorizerWidgets);
  }
  for (const route of options.routes ?? []) {
    dashboard.addWidgets(...routeRows(route));
  }
  return { dashboard, alarms, compositeAlarm };
}

/**
 * The alarms on the primary stage's 5XX rate, 4XX rate and p99 latency, and on the errors of the authorizer functions
 * when the API has any.
 */
function createAlarms(
  scope: Construct, options: ApiMonitoringOptions, alarmActions: cloudwatch.IAlarmAction[], stages: MonitoredStage[],
  authorizerFns: lambda.IFunction[],
): { [name: string]: cloudwatch.Alarm } {
  const evaluationPeriods = options.evaluationPeriods ?? 3;
  check(Number.isInteger(evaluationPeriods) && evaluationPeriods >= 1, scope, 'OutOfRange', () =>
    `monitoring.evaluationPeriods is ${evaluationPeriods}; expected a whole number of 5-minute periods, 1 or more`);
  const primary = stages[0].metrics;
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
  return {
    serverErrorRate: alarm('ServerErrorRateAlarm', rate(primary.serverErrors, primary.requests, '5XX'),
      options.serverErrorRateThreshold ?? 1, 'Share of requests answered 5XX, in percent'),
    clientErrorRate: alarm('ClientErrorRateAlarm', rate(primary.clientErrors, primary.requests, '4XX'),
      options.clientErrorRateThreshold ?? 10, 'Share of requests answered 4XX, in percent'),
    latencyP99: alarm('LatencyP99Alarm', primary.latency('p99'),
      (options.latencyP99Threshold ?? Duration.seconds(5)).toMilliseconds(), 'p99 latency in milliseconds'),
    ...(authorizerFns.length ? {
      authorizerErrors: alarm('AuthorizerErrorsAlarm', authorizerErrors(authorizerFns),
        options.authorizerErrorsThreshold ?? 0, 'Errors of the Lambda authorizer functions, per 5 minutes'),
    } : {}),
  };
}

function alarmActionsOf(options: ApiMonitoringOptions): cloudwatch.IAlarmAction[] {
  return [...(options.alarmTopic ? [new actions.SnsAction(options.alarmTopic)] : []), ...(options.alarmActions ?? [])];
}

/** The errors of every authorizer function, summed. */
function authorizerErrors(functions: lambda.IFunction[]): cloudwatch.IMetric {
  if (functions.length === 1) {
    return functions[0].metricErrors({ statistic: cloudwatch.Stats.SUM, period: PERIOD });
  }
  const usingMetrics = Object.fromEntries(functions.map((fn, i) => [`errors${i}`, fn.metricErrors({ statistic: cloudwatch.Stats.SUM })]));
  return new cloudwatch.MathExpression({
    expression: `SUM([${Object.keys(usingMetrics).join(', ')}])`,
    usingMetrics,
    label: 'authorizer function errors',
    period: PERIOD,
  });
}

/** Errors and throttles of each authorizer function, and the authorizer errors of the access log. */
function authorizerRow({ functions, accessLogErrors }: AuthorizerMetrics): cloudwatch.IWidget[] {
  if (!functions.length) {
    return [];
  }
  const sum = (fn: lambda.IFunction, metric: 'metricErrors' | 'metricThrottles', what: string) =>
    fn[metric]({ statistic: cloudwatch.Stats.SUM, label: `${fn.node.path}: ${what}` });
  return [
    graph('authorizers: function errors and throttles', functions.flatMap((fn) => [sum(fn, 'metricErrors', 'errors'), sum(fn, 'metricThrottles', 'throttles')])),
    ...(accessLogErrors ? [graph('authorizers: requests with an authorizer error (access log)', [accessLogErrors])] : []),
  ];
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
