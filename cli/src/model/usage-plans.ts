import type { ResourceOrigin } from '.';

/** A throttle of a usage plan, stage or route: requests per second and burst, each possibly unset. */
export interface ThrottleModel {
  readonly rateLimit?: number;
  readonly burstLimit?: number;
}

export interface UsagePlanModel {
  readonly origin: ResourceOrigin;
  readonly usagePlanId: string;
  readonly name: string;
  readonly apiStages: readonly UsagePlanStageModel[];
  readonly throttle?: ThrottleModel;
  readonly quota?: QuotaModel;
  readonly apiKeys: readonly ApiKeyModel[];
}

export interface UsagePlanStageModel {
  /** The REST API's local id. */
  readonly apiId: string;
  readonly stageName: string;
  /** Per-method throttles keyed as in the template: `/items/GET`, `/items/{id}/*`. */
  readonly throttle: Readonly<Record<string, ThrottleModel>>;
}

export interface QuotaModel {
  readonly limit: number;
  readonly period: 'DAY' | 'WEEK' | 'MONTH';
  readonly offset: number;
}

export interface ApiKeyModel {
  readonly origin: ResourceOrigin;
  readonly apiKeyId: string;
  /**
   * The key's value: `Value` from the template, or, when the template leaves it to API Gateway or reads it from a
   * secret (a dynamic reference), a stable local value derived from the key's logical id, printed at startup.
   */
  readonly value: string;
  /** True when `value` was made up locally. */
  readonly generatedValue: boolean;
  readonly enabled: boolean;
  /** `StageKeys` and the plans' stages are what bind a key; this lists `{apiId}/{stage}` pairs of `StageKeys`. */
  readonly stageKeys: readonly string[];
}
