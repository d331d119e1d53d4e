import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CANARY_LATENCY, CANARY_REQUESTS, CANARY_SERVER_ERRORS, restAccessLogMetric } from './private/access-log-metrics';
import { AccessLogMetricDefinition } from '../private/access-log-metrics';
import { declaredStageName, removeLingeringCanary, stageBaselineDeploymentId } from './private/canary-custom-resources';
import { CanaryAlarmOptions, CanaryOptions } from './stage-options';
import { check } from '../private/errors';
import { STAGE_CANARY } from '../private/prop-schemas';
import { checkConstructProps, declareConstructProps } from '../private/prop-types';

/** Where a canary release stands. */
export enum CanaryRelease {
  /** The canary serves `percentTraffic` of the requests; the rest keep the stage's previous deployment. */
  ACTIVE = 'ACTIVE',
  /** The canary's deployment and variable overrides became the stage's, and the canary was removed. */
  PROMOTED = 'PROMOTED',
  /** The canary was removed and the stage kept its previous deployment. */
  ROLLED_BACK = 'ROLLED_BACK',
}

/** Properties for {@link StageCanary}. */
export interface StageCanaryProps extends CanaryOptions {
  /** The stage the canary belongs to. */
  readonly stage: apigateway.Stage;
  /** The deployment of the current API, which the canary serves. */
  readonly deployment: apigateway.Deployment;
  /**
   * The stage's access log group, written in gatewaykit's JSON access log format; required for `alarms`.
   * @default - no canary metrics
   */
  readonly accessLogGroup?: logs.ILogGroup;
}

const DEFAULT_ALARMS = { serverErrorRatePercent: 1, latencyP99: Duration.seconds(3), period: Duration.minutes(1), evaluationPeriods: 3 };

/**
 * A canary release on a REST API stage, with its lifecycle in code: while active, the stage keeps serving the
 * deployment it served before this release (read at deploy time) and the canary serves the current API;
 * `promote()` and `rollBack()` end the release, and the template then removes the canary from the stage, which
 * CloudFormation alone does not do.
 */
export class StageCanary extends Construct {
  /** The alarm on the canary's 5XX rate, when `alarms` is set. */
  public readonly serverErrorRateAlarm?: cloudwatch.Alarm;
  /** The alarm on the canary's p99 latency, when `alarms` is set. */
  public readonly latencyAlarm?: cloudwatch.Alarm;

  private releaseState = CanaryRelease.ACTIVE;
  private readonly cfnStage: apigateway.CfnStage;
  /** The literal name, for messages and labels (`stage.stageName` is a reference). */
  private readonly stageName: string;

  constructor(scope: Construct, id: string, private readonly props: StageCanaryProps) {
    super(scope, id);
    checkConstructProps(this, new.target, props);
    this.cfnStage = props.stage.node.defaultChild as apigateway.CfnStage;
    this.stageName = declaredStageName(this, 'stage', props.stage);
    this.cfnStage.deploymentId = this.baselineDeploymentId();
    this.cfnStage.canarySetting = {
      deploymentId: props.deployment.deploymentId,
      percentTraffic: props.percentTraffic,
      stageVariableOverrides: props.stageVariableOverrides,
      useStageCache: props.useStageCache ?? false,
    };
    if (props.alarms) {
      check(props.accessLogGroup !== undefined, this, 'CanaryAlarmsWithoutAccessLogs', () =>
        'alarms are set but accessLogGroup is not; the canary alarms are computed from the stage\'s access logs, so pass the stage\'s access log group');
      [this.serverErrorRateAlarm, this.latencyAlarm] = this.createAlarms(props.alarms);
    }
  }

  /** Where the release stands in this synthesis. */
  public get release(): CanaryRelease {
    return this.releaseState;
  }

  /**
   * Ends the release in favour of the canary: the stage serves the canary's deployment, its variables take the
   * canary's overrides, and the canary is removed from the stage.
   */
  public promote(): void {
    this.end(CanaryRelease.PROMOTED);
    this.node.tryRemoveChild('Baseline');
    this.cfnStage.deploymentId = this.props.deployment.deploymentId;
    const variables = this.cfnStage.variables as { [name: string]: string } | undefined;
    const merged = { ...variables, ...this.props.stageVariableOverrides };
    this.cfnStage.variables = Object.keys(merged).length ? merged : undefined;
  }

  /** Ends the release in favour of the stage's previous deployment, removing the canary from the stage. */
  public rollBack(): void {
    this.end(CanaryRelease.ROLLED_BACK);
  }

  /** Canary requests (sum per period), from the access logs. */
  public metricRequests(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Requests', CANARY_REQUESTS, options);
  }

  /** Canary requests answered with a 5XX status (sum per period), from the access logs. */
  public metricServerErrors(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ServerErrors', CANARY_SERVER_ERRORS, options);
  }

  /** Response latency of canary requests in milliseconds (p99 per period), from the access logs. */
  public metricLatency(options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Latency', CANARY_LATENCY, { statistic: 'p99', ...options });
  }

  private end(release: CanaryRelease): void {
    check(this.releaseState === CanaryRelease.ACTIVE, this, 'CanaryAlreadyEnded', () =>
      `the canary of stage '${this.stageName}' is already ${this.releaseState === CanaryRelease.PROMOTED ? 'promoted' : 'rolled back'}; call promoteCanary() or rollBackCanary() once`);
    this.releaseState = release;
    this.cfnStage.canarySetting = undefined;
    removeLingeringCanary(this, 'Removal', {
      restApi: this.props.stage.restApi,
      stage: this.props.stage,
      stageDeploymentId: this.cfnStage.deploymentId ?? this.props.deployment.deploymentId,
      trigger: release,
    });
  }

  private baselineDeploymentId(): string {
    return stageBaselineDeploymentId(this, 'Baseline', {
      restApi: this.props.stage.restApi,
      stage: this.props.stage,
      latestDeployment: this.props.deployment,
    });
  }

  private metric(id: string, definition: AccessLogMetricDefinition, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    check(this.props.accessLogGroup !== undefined, this, 'CanaryMetricsWithoutAccessLogs', () =>
      'canary metrics are computed from the stage\'s access logs, and no accessLogGroup was given');
    return restAccessLogMetric(this, `${id}Metric`, this.props.accessLogGroup, this.props.stage, definition, options);
  }

  private createAlarms(options: CanaryAlarmOptions): [cloudwatch.Alarm, cloudwatch.Alarm] {
    const period = options.period ?? DEFAULT_ALARMS.period;
    const evaluationPeriods = options.evaluationPeriods ?? DEFAULT_ALARMS.evaluationPeriods;
    const stageName = this.stageName;
    const errorRate = new cloudwatch.MathExpression({
      expression: '100 * FILL(errors, 0) / requests',
      usingMetrics: { errors: this.metricServerErrors({ period }), requests: this.metricRequests({ period }) },
      period,
      label: `Canary 5XX rate (%) of stage ${stageName}`,
    });
    const serverErrorRate = errorRate.createAlarm(this, 'ServerErrorRateAlarm', {
      alarmDescription: `The canary of stage ${stageName} answers 5XX to too many requests: roll it back`,
      threshold: options.serverErrorRatePercent ?? DEFAULT_ALARMS.serverErrorRatePercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const latency = this.metricLatency({ period }).createAlarm(this, 'LatencyAlarm', {
      alarmDescription: `The canary of stage ${stageName} is too slow at the 99th percentile: roll it back`,
      threshold: (options.latencyP99 ?? DEFAULT_ALARMS.latencyP99).toMilliseconds(),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    return [serverErrorRate, latency];
  }
}

declareConstructProps(StageCanary, () => STAGE_CANARY);
