import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { RouteCache } from './route-cache';
import { StageSettings } from './stage-settings';
import { ThrottleSettings } from '../../common/throttle';
import { wildcardMethod } from '../../private/arns';
import { ParsedRouteKey } from '../../private/route-key';

/** What a route sets for itself on every stage. */
export interface RouteStageOverrides {
  readonly key: ParsedRouteKey;
  readonly throttle?: ThrottleSettings;
  readonly cache?: RouteCache;
}

/** The stage-wide `/*` entry, then one entry per route that throttles or caches on its own. */
export function renderMethodSettings(stage: StageSettings, routes: readonly RouteStageOverrides[]): apigateway.CfnStage.MethodSettingProperty[] {
  const setting = (resourcePath: string, httpMethod: string, throttle: ThrottleSettings, cache?: RouteCache) => ({
    resourcePath,
    httpMethod,
    loggingLevel: stage.loggingLevel,
    dataTraceEnabled: false,
    metricsEnabled: true,
    throttlingRateLimit: throttle.rateLimit ?? stage.throttle.rateLimit,
    throttlingBurstLimit: throttle.burstLimit ?? stage.throttle.burstLimit,
    ...cacheSettings(stage, cache),
  });
  return [
    setting('/*', '*', stage.throttle),
    ...routes
      .filter((route) => route.throttle || (route.cache && stage.cache))
      .map(({ key, throttle, cache }) => setting(methodSettingPath(key), wildcardMethod(key), throttle ?? {}, cache)),
  ];
}

function cacheSettings(stage: StageSettings, route: RouteCache | undefined) {
  const cache = stage.cache;
  if (!cache) {
    return {};
  }
  const cached = route !== undefined || cache.everyMethod;
  return {
    cachingEnabled: cached,
    cacheDataEncrypted: cache.encrypted,
    ...(cached ? { cacheTtlInSeconds: (route?.ttl ?? cache.ttl).toSeconds() } : {}),
  };
}

/** Method settings address `/items/{id}` as `/~1items~1{id}`. */
function methodSettingPath(key: ParsedRouteKey): string {
  return key.path === '/' ? '/' : '/' + key.path.replace(/\//g, '~1');
}
