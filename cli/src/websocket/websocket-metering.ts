import { Clock } from '../clock';
import { QuotaCounter, ThrottleBuckets, ThrottleLevel, throttleLevel } from '../metering';
import { UsagePlanModel, WebSocketApiModel, WebSocketStageModel } from '../model';
import { StageApiKey, UsageMetering } from '../rest/usage-metering';

/** The app's throttle buckets and account level, shared with its REST and HTTP APIs. */
export interface WebSocketMeteringDeps {
  readonly throttles: ThrottleBuckets;
  readonly accountThrottle: ThrottleLevel;
  readonly clock: Clock;
}

/** Why a handshake or a message was refused: throttled (429, `Too Many Requests`) or over the key's quota. */
export type MeteringRefusal = 'THROTTLED' | 'QUOTA_EXCEEDED';

/**
 * API keys, usage plans and throttles of WebSocket APIs, as on REST: `$connect` needs an enabled key of a usage plan
 * bound to the stage when it requires one (read with the API's `apiKeySelectionExpression`), and every route call,
 * `$connect` included, passes the key's plan throttle and quota, the stage's route throttle (`RouteSettings`, else
 * `DefaultRouteSettings`) and the account's.
 */
export class WebSocketMetering {
  private readonly keys: UsageMetering;
  private readonly quotas = new Map<string, QuotaCounter>();

  constructor(plans: readonly UsagePlanModel[], private readonly deps: WebSocketMeteringDeps) {
    this.keys = new UsageMetering(plans, deps.clock, deps.throttles, deps.accountThrottle);
  }

  /** The key a handshake presents, when `$connect` requires one: undefined when it has none that may call the stage. */
  public stageKey(
    api: WebSocketApiModel, stageName: string, header: (name: string) => string | undefined, usageIdentifierKey?: string,
  ): StageApiKey | undefined {
    const expression = api.apiKeySelectionExpression ?? '$request.header.x-api-key';
    const headerName = /^\$request\.header\.(.+)$/.exec(expression)?.[1];
    const value = headerName !== undefined ? header(headerName) : usageIdentifierKey;
    return this.keys.stageKey(value, api.apiId, stageName);
  }

  /** Takes one call to `routeKey` from every throttle and quota it passes; the refusal when one of them refuses it. */
  public meter(
    api: WebSocketApiModel, stage: WebSocketStageModel, routeKey: string, apiKey: StageApiKey | undefined,
  ): MeteringRefusal | undefined {
    const stageKey = `stage:${api.apiId}/${stage.stageName}`;
    const routeThrottle = stage.routeThrottles[routeKey];
    const stageLevel = routeThrottle
      ? throttleLevel(`${stageKey}:${routeKey}`, routeThrottle)
      : throttleLevel(stageKey, stage.defaultRouteThrottle);
    const planLevel = apiKey && throttleLevel(`plan:${apiKey.plan.usagePlanId}:key:${apiKey.key.apiKeyId}`, apiKey.plan.throttle);
    const levels = [planLevel, stageLevel, this.deps.accountThrottle].filter((level): level is ThrottleLevel => level !== undefined);
    if (!this.deps.throttles.tryPass(levels)) {
      return 'THROTTLED';
    }
    const quota = apiKey?.plan.quota;
    if (apiKey && quota) {
      let counter = this.quotas.get(apiKey.plan.usagePlanId);
      if (!counter) {
        counter = new QuotaCounter(quota, this.deps.clock);
        this.quotas.set(apiKey.plan.usagePlanId, counter);
      }
      if (!counter.tryConsume(apiKey.key.apiKeyId)) return 'QUOTA_EXCEEDED';
    }
    return undefined;
  }
}
