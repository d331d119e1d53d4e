import { RestError } from './gateway-response';
import { Clock } from '../clock';
import { QuotaCounter, ThrottleBuckets, throttleLevel, ThrottleLevel } from '../metering';
import { ApiKeyModel, MethodSettingModel, RestStageModel, ThrottleModel, UsagePlanModel, UsagePlanStageModel } from '../model';

/** An API key that may call a stage: the key, and the usage plan binding it to the stage. */
export interface StageApiKey {
  readonly key: ApiKeyModel;
  readonly plan: UsagePlanModel;
  readonly planStage: UsagePlanStageModel;
}

/** A request counted against a key of a usage plan. */
export interface MeteredUsage {
  readonly usagePlanId: string;
  readonly apiKeyId: string;
  /** When it was served (epoch ms). */
  readonly at: number;
}

/** What a request is metered as: its API, stage, resource and method. */
export interface MeteredRequest {
  readonly apiId: string;
  readonly stage: RestStageModel;
  readonly resourcePath: string;
  readonly httpMethod: string;
  readonly apiKey?: StageApiKey;
}

/**
 * API keys, usage-plan throttles and quotas, and stage throttles, shared by every REST API of the app (a key is
 * metered across all stages of its plan, and the account limit across all APIs).
 *
 * A request passes one throttle per level: its plan's per-method limit, else the plan's limit (per key); its stage's
 * method setting for the method, else the stage's `/*` setting (shared by every caller); and the account's. A more
 * specific setting replaces the general one of its level, as method settings replace stage defaults in API Gateway.
 */
export class UsageMetering {
  private readonly quotas = new Map<string, QuotaCounter>();
  private readonly keysByValue = new Map<string, { key: ApiKeyModel; plans: UsagePlanModel[] }>();
  /** The stage and account levels of each stage, resource and method: the same for every request to it. */
  private readonly sharedLevels = new Map<string, ThrottleLevel[]>();
  private readonly usageListeners: Array<(usage: MeteredUsage) => void> = [];

  /**
   * @param throttles the app's buckets, shared with its HTTP APIs
   * @param accountThrottle the account's level, which every API of the app passes
   */
  constructor(
    plans: readonly UsagePlanModel[],
    private readonly clock: Clock,
    private readonly throttles: ThrottleBuckets,
    private readonly accountThrottle: ThrottleLevel,
  ) {
    for (const plan of plans) {
      for (const key of plan.apiKeys) {
        this.putKey(key, plan);
      }
    }
  }

  /** Accepts `key` on the stages of `plan` from now on (a key created or attached to a plan at run time). */
  public putKey(key: ApiKeyModel, plan: UsagePlanModel): void {
    const entry = this.keysByValue.get(key.value) ?? { key, plans: [] };
    if (!entry.plans.some((p) => p.usagePlanId === plan.usagePlanId)) {
      entry.plans.push(plan);
    }
    this.keysByValue.set(key.value, entry);
  }

  /** Stops accepting the key on the stages of the plan (the key is detached from it at run time). */
  public removeKey(apiKeyId: string, usagePlanId: string): void {
    for (const entry of this.keysByValue.values()) {
      if (entry.key.apiKeyId === apiKeyId) {
        entry.plans = entry.plans.filter((p) => p.usagePlanId !== usagePlanId);
      }
    }
  }

  /** Enables or disables the key from the next request on. */
  public setKeyEnabled(apiKeyId: string, enabled: boolean): void {
    for (const entry of this.keysByValue.values()) {
      if (entry.key.apiKeyId === apiKeyId) {
        entry.key = { ...entry.key, enabled };
      }
    }
  }

  /** Calls `listener` for every request metered against a key of a usage plan (what `GetUsage` reports). */
  public onUsage(listener: (usage: MeteredUsage) => void): void {
    this.usageListeners.push(listener);
  }

  /** Requests left to the key in the current quota period of the plan; undefined for a plan without quota. */
  public remainingQuota(plan: UsagePlanModel, apiKeyId: string): number | undefined {
    return plan.quota ? this.quotaOf(plan).remaining(apiKeyId) : undefined;
  }

  /** The key with this value when it is enabled and in a usage plan of this API stage; undefined otherwise. */
  public stageKey(value: string | undefined, apiId: string, stageName: string): StageApiKey | undefined {
    const entry = value === undefined ? undefined : this.keysByValue.get(value);
    if (!entry || !entry.key.enabled) {
      return undefined;
    }
    for (const plan of entry.plans) {
      const planStage = plan.apiStages.find((s) => s.apiId === apiId && s.stageName === stageName);
      if (planStage) {
        return { key: entry.key, plan, planStage };
      }
    }
    return undefined;
  }

  /** Takes the request's share of every throttle and quota; the error when one of them refuses it. */
  public meter(request: MeteredRequest): RestError | undefined {
    if (!this.throttles.tryPass(this.levels(request))) {
      return { type: 'THROTTLED', note: 'a throttle limit refused the request' };
    }
    const { apiKey } = request;
    if (apiKey?.plan.quota && !this.quotaOf(apiKey.plan).tryConsume(apiKey.key.apiKeyId)) {
      return { type: 'QUOTA_EXCEEDED', note: `the quota of usage plan ${apiKey.plan.name} is used up for this key` };
    }
    if (apiKey) {
      const usage = { usagePlanId: apiKey.plan.usagePlanId, apiKeyId: apiKey.key.apiKeyId, at: this.clock.now() };
      this.usageListeners.forEach((listener) => listener(usage));
    }
    return undefined;
  }

  private levels(request: MeteredRequest): ThrottleLevel[] {
    const methodKey = `${request.resourcePath}/${request.httpMethod === 'ANY' ? '*' : request.httpMethod}`;
    const shared = this.stageAndAccountLevels(request, methodKey);
    const { apiKey } = request;
    if (!apiKey) {
      return shared;
    }
    const planKey = `plan:${apiKey.plan.usagePlanId}:key:${apiKey.key.apiKeyId}`;
    const planMethod = apiKey.planStage.throttle[methodKey];
    const planLevel = planMethod ? throttleLevel(`${planKey}:${methodKey}`, planMethod) : throttleLevel(planKey, apiKey.plan.throttle);
    return planLevel ? [planLevel, ...shared] : shared;
  }

  private stageAndAccountLevels(request: MeteredRequest, methodKey: string): ThrottleLevel[] {
    const stageKey = `stage:${request.apiId}/${request.stage.stageName}`;
    const cacheKey = `${stageKey}:${methodKey}`;
    let levels = this.sharedLevels.get(cacheKey);
    if (!levels) {
      const methodSetting = findMethodSetting(request.stage.methodSettings, request.resourcePath, request.httpMethod);
      const stageDefault = findMethodSetting(request.stage.methodSettings, '/*', '*');
      const stageLevel = methodSetting && hasThrottle(methodSetting)
        ? throttleLevel(cacheKey, throttleOf(methodSetting))
        : stageDefault && throttleLevel(stageKey, throttleOf(stageDefault));
      levels = stageLevel ? [stageLevel, this.accountThrottle] : [this.accountThrottle];
      this.sharedLevels.set(cacheKey, levels);
    }
    return levels;
  }

  private quotaOf(plan: UsagePlanModel): QuotaCounter {
    let counter = this.quotas.get(plan.usagePlanId);
    if (!counter) {
      counter = new QuotaCounter(plan.quota!, this.clock);
      this.quotas.set(plan.usagePlanId, counter);
    }
    return counter;
  }
}

function findMethodSetting(settings: readonly MethodSettingModel[], resourcePath: string, httpMethod: string): MethodSettingModel | undefined {
  const method = httpMethod === 'ANY' ? '*' : httpMethod;
  return settings.find((s) => s.resourcePath === resourcePath && s.httpMethod === method);
}

function hasThrottle(setting: MethodSettingModel): boolean {
  return setting.throttlingRateLimit !== undefined || setting.throttlingBurstLimit !== undefined;
}

function throttleOf(setting: MethodSettingModel): ThrottleModel {
  return { rateLimit: setting.throttlingRateLimit, burstLimit: setting.throttlingBurstLimit };
}
