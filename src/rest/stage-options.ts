import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ThrottleSettings } from '../common/throttle';

/** Memory of a stage's cache cluster, in gigabytes; the hourly price grows with it. */
export enum CacheClusterSize {
  /** 0.5 GB */
  GB_0_5 = '0.5',
  /** 1.6 GB */
  GB_1_6 = '1.6',
  /** 6.1 GB */
  GB_6_1 = '6.1',
  /** 13.5 GB */
  GB_13_5 = '13.5',
  /** 28.4 GB */
  GB_28_4 = '28.4',
  /** 58.2 GB */
  GB_58_2 = '58.2',
  /** 118 GB */
  GB_118 = '118',
  /** 237 GB */
  GB_237 = '237',
}

/**
 * A stage's response cache. Only routes that set `cache` are cached: the cache key of a Lambda proxy route does not
 * include the caller, so caching every route would serve one caller's response to another.
 */
export interface StageCachingOptions {
  /**
   * Whether the stage has a cache cluster. `false` with any other setting is an error.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Size of the cache cluster.
   * @default CacheClusterSize.GB_0_5
   */
  readonly clusterSize?: CacheClusterSize;
  /**
   * How long responses of the cached routes are kept, unless the route sets its own `cache.ttl` (0 to 3600 seconds).
   * @default Duration.minutes(5)
   */
  readonly ttl?: Duration;
  /**
   * Whether cached responses are encrypted at rest.
   * @default true
   */
  readonly encrypted?: boolean;
}

/** Alarms on the canary's own traffic, measured from the stage's access logs (`$context.isCanaryRequest`). */
export interface CanaryAlarmOptions {
  /**
   * Alarm when this percentage of canary requests or more fail with a 5XX status.
   * @default 1
   */
  readonly serverErrorRatePercent?: number;
  /**
   * Alarm when the 99th percentile of the canary's response latency reaches this.
   * @default Duration.seconds(3)
   */
  readonly latencyP99?: Duration;
  /**
   * Length of one evaluation period.
   * @default Duration.minutes(1)
   */
  readonly period?: Duration;
  /**
   * Consecutive breaching periods before an alarm fires.
   * @default 3
   */
  readonly evaluationPeriods?: number;
}

/** A canary release on a stage: a share of requests is served by the current API while the rest keeps the old one. */
export interface CanaryOptions {
  /** Percentage of the stage's requests served by the canary, from 0 to 100. */
  readonly percentTraffic: number;
  /**
   * Stage variables the canary sees instead of (or in addition to) the stage's; merged into the stage's variables
   * when the canary is promoted.
   * @default - the stage's variables
   */
  readonly stageVariableOverrides?: { [name: string]: string };
  /**
   * Whether canary requests may be answered from the stage's cache.
   * @default false
   */
  readonly useStageCache?: boolean;
  /**
   * CloudWatch alarms on the canary's 5XX rate and p99 latency, for an operator or pipeline to roll back on.
   * @default - no alarms
   */
  readonly alarms?: CanaryAlarmOptions;
}

/** Settings of one stage; unset settings fall back to the API-level props. */
export interface RestStageOptions {
  /**
   * Description of the stage.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Stage variables: they reach Lambda proxy events as `stageVariables` and may appear in integration targets as
   * `${stageVariables.name}`. Names are letters, digits and underscores; values match `[A-Za-z0-9-._~:/?#&=,]+`.
   * @default - no stage variables
   */
  readonly variables?: { [name: string]: string };
  /**
   * Default throttling of every route of the stage.
   * @default - the API's `throttle`
   */
  readonly throttle?: ThrottleSettings;
  /**
   * Execution logging level of the stage.
   * @default - the API's `loggingLevel`
   */
  readonly loggingLevel?: apigateway.MethodLoggingLevel;
  /**
   * Whether X-Ray traces the stage's requests.
   * @default - the API's `tracingEnabled`
   */
  readonly tracingEnabled?: boolean;
  /**
   * Retention of the stage's access log group.
   * @default - the API's `accessLogRetention`
   */
  readonly accessLogRetention?: logs.RetentionDays;
  /**
   * A response cache for the routes that set `cache`.
   * @default - no cache cluster (a 0.5 GB encrypted one with a TTL of 0 when `hardened`)
   */
  readonly caching?: StageCachingOptions;
  /**
   * A canary release: the current API serves `percentTraffic` of the requests while the rest keep the deployment
   * the stage served before. Promote or roll back with `promoteCanary()` / `rollBackCanary()`.
   * @default - no canary; the stage serves the current API
   */
  readonly canary?: CanaryOptions;
}

/** How one route is cached on the stages that have `caching`. */
export interface RouteCacheOptions {
  /**
   * How long responses are kept (0 to 3600 seconds).
   * @default - the stage's `caching.ttl`
   */
  readonly ttl?: Duration;
  /**
   * Request parts that make up the cache key besides the path, e.g. `['querystring.page', 'header.Accept-Language']`.
   * Include `header.Authorization` on authorized routes whose responses differ by caller.
   * @default - the path alone
   */
  readonly keyParameters?: string[];
}
