import { Duration, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { checkHardenedSetting, HARDENED_CACHE } from './hardened-profile';
import { check } from '../../private/errors';
import { checkRange, checkSeconds } from '../../private/numbers';
import { checkStageName, DEFAULT_STAGE_NAME } from '../../private/stage-name';
import { validateStageVariables } from '../../private/stage-variables';
import { stageThrottle, validateThrottle } from '../../private/throttle';
import { SecureLambdaApiProps } from '../secure-lambda-api-props';
import { CacheClusterSize, CanaryOptions, RestStageOptions, StageCachingOptions } from '../stage-options';

const DEFAULT_CACHE_TTL = Duration.minutes(5);
/** API Gateway allows at most this many stages per REST API. */
const MAX_STAGES = 10;

/** A stage's cache cluster, with every default applied. */
export interface StageCache {
  readonly clusterSize: string;
  readonly ttl: Duration;
  readonly encrypted: boolean;
  /** The hardened profile caches every method (with a TTL of 0) so that compliance checks see caching enabled. */
  readonly everyMethod: boolean;
}

/** One stage with every default applied once. */
export interface StageSettings {
  readonly name: string;
  /** The stage `api.stage` and `api.url` refer to; it keeps the construct ids of a single-stage API. */
  readonly primary: boolean;
  readonly description?: string;
  readonly variables: { [name: string]: string };
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly loggingLevel: apigateway.MethodLoggingLevel;
  readonly tracingEnabled: boolean;
  readonly accessLogRetention: logs.RetentionDays;
  readonly cache?: StageCache;
  readonly canary?: CanaryOptions;
}

/** Resolves `stages` (or the single `stageName` stage) against the API-level defaults, validating each. */
export function resolveStages(scope: Construct, props: SecureLambdaApiProps): StageSettings[] {
  const primaryName = props.stageName ?? DEFAULT_STAGE_NAME;
  checkStageName(scope, 'stageName', primaryName, { literal: true });
  const declared = props.stages ?? { [primaryName]: {} };
  const names = Object.keys(declared);
  names.forEach((name) => checkStageName(scope, `the stage name of stages['${name}']`, name));
  check(names.length > 0 && names.length <= MAX_STAGES, scope, 'StageCount', () =>
    `stages has ${names.length} entries; a REST API has between 1 and ${MAX_STAGES} stages`);
  check(names.includes(primaryName), scope, 'PrimaryStageMissing', () =>
    `stageName is '${primaryName}'${props.stageName ? '' : ' (the default)'} but stages declares ${names.map((n) => `'${n}'`).join(', ')}; set stageName to the stage that api.stage and api.url refer to`);
  validateThrottle(scope, 'throttle', props.throttle);
  return names.map((name) => resolveStage(scope, props, name, declared[name], name === primaryName));
}

function resolveStage(scope: Construct, props: SecureLambdaApiProps, name: string, options: RestStageOptions, primary: boolean): StageSettings {
  const prop = `stages['${name}']`;
  validateThrottle(scope, `${prop}.throttle`, options.throttle);
  validateStageVariables(scope, `${prop}.variables`, options.variables);
  if (options.canary) {
    validateCanary(scope, `${prop}.canary`, options.canary);
  }
  const hardened = props.hardened ?? false;
  if (hardened) {
    checkHardenedSetting(scope, options.tracingEnabled === false, `${prop}.tracingEnabled is false`, 'X-Ray tracing on every stage');
    checkHardenedSetting(scope, options.loggingLevel === apigateway.MethodLoggingLevel.OFF, `${prop}.loggingLevel is OFF`, 'execution logging on every stage');
  }
  return {
    name,
    primary,
    description: options.description,
    variables: options.variables ?? {},
    throttle: stageThrottle(options.throttle, props.throttle),
    loggingLevel: options.loggingLevel ?? props.loggingLevel ?? apigateway.MethodLoggingLevel.ERROR,
    tracingEnabled: options.tracingEnabled ?? props.tracingEnabled ?? true,
    accessLogRetention: options.accessLogRetention ?? props.accessLogRetention ?? logs.RetentionDays.ONE_YEAR,
    cache: resolveCache(scope, `${prop}.caching`, options.caching, hardened),
    canary: options.canary,
  };
}

function resolveCache(scope: Construct, prop: string, caching: StageCachingOptions | undefined, hardened: boolean): StageCache | undefined {
  if (caching?.enabled === false) {
    const settings = (['clusterSize', 'ttl', 'encrypted'] as const).filter((setting) => caching[setting] !== undefined);
    check(settings.length === 0, scope, 'CachingSettingsWithCachingOff', () =>
      `${prop}.enabled is false but ${settings.map((s) => `${prop}.${s}`).join(' and ')} ${settings.length > 1 ? 'are' : 'is'} set; remove ${settings.length > 1 ? 'them' : 'it'} or turn caching on`);
    checkHardenedSetting(scope, hardened, `${prop}.enabled is false`, 'an encrypted cache cluster on every stage');
    return undefined;
  }
  if (!caching && !hardened) {
    return undefined;
  }
  checkHardenedSetting(scope, hardened && caching?.encrypted === false, `${prop}.encrypted is false`, 'encrypted cache data');
  checkSeconds(scope, `${prop}.ttl`, caching?.ttl, 0, 3600);
  const clusterSize = caching?.clusterSize ?? CacheClusterSize.GB_0_5;
  check(Object.values(CacheClusterSize).includes(clusterSize), scope, 'InvalidCacheClusterSize', () =>
    `${prop}.clusterSize is '${clusterSize}'; expected one of ${Object.values(CacheClusterSize).join(', ')} (CacheClusterSize)`);
  return {
    clusterSize,
    ttl: caching?.ttl ?? (hardened ? Duration.seconds(HARDENED_CACHE.ttlInSeconds) : DEFAULT_CACHE_TTL),
    encrypted: caching?.encrypted ?? true,
    everyMethod: hardened,
  };
}

function validateCanary(scope: Construct, prop: string, canary: CanaryOptions): void {
  if (!Token.isUnresolved(canary.percentTraffic)) {
    check(Number.isFinite(canary.percentTraffic) && canary.percentTraffic >= 0 && canary.percentTraffic <= 100, scope, 'CanaryPercentTraffic', () =>
      `${prop}.percentTraffic must be between 0 and 100 (a percentage of the stage's requests), got ${canary.percentTraffic}`);
  }
  validateStageVariables(scope, `${prop}.stageVariableOverrides`, canary.stageVariableOverrides);
  const alarms = canary.alarms;
  if (alarms) {
    checkRange(scope, `${prop}.alarms.serverErrorRatePercent`, alarms.serverErrorRatePercent, 0, 100);
    if (alarms.latencyP99 && !alarms.latencyP99.isUnresolved()) {
      const millis = alarms.latencyP99.toMilliseconds();
      check(millis > 0 && millis <= 300_000, scope, 'OutOfRange', () =>
        `${prop}.alarms.latencyP99 must be more than 0 and at most 300 seconds, got ${millis} ms`);
    }
    checkSeconds(scope, `${prop}.alarms.period`, alarms.period, 10, 86400);
    checkRange(scope, `${prop}.alarms.evaluationPeriods`, alarms.evaluationPeriods, 1, 1440, true);
  }
}
