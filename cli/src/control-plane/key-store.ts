import { randomBytes } from 'node:crypto';
import { DeployedStack } from './deployed-stacks';
import { conflict, notFound } from './errors';
import { Clock } from '../clock';
import { ApiKeyModel, AppModel, UsagePlanModel } from '../model';
import { UsageMetering } from '../rest/usage-metering';

/** An API key as the control plane reports it (`ApiKey` of the API Gateway API). */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  enabled: boolean;
  readonly description?: string;
  readonly customerId?: string;
  readonly createdDate: number;
  lastUpdatedDate: number;
}

/** What `CreateApiKey` takes. */
export interface NewApiKey {
  readonly name?: string;
  readonly value?: string;
  readonly enabled?: boolean;
  readonly description?: string;
  readonly customerId?: string;
}

/**
 * The app's API keys and usage plans with the keys attached to each, kept in step with the runtime's metering, so that
 * a key created, attached, enabled or disabled here is accepted or refused by the next request.
 */
export class KeyStore {
  private readonly keys = new Map<string, ApiKeyRecord>();
  private readonly planKeys = new Map<string, Set<string>>();
  private readonly plans: ReadonlyMap<string, UsagePlanModel>;

  constructor(model: AppModel, stacks: readonly DeployedStack[], private readonly metering: UsageMetering, private readonly clock: Clock) {
    this.plans = new Map(model.usagePlans.map((plan) => [plan.usagePlanId, plan]));
    for (const plan of model.usagePlans) {
      this.planKeys.set(plan.usagePlanId, new Set(plan.apiKeys.map((key) => key.apiKeyId)));
      for (const key of plan.apiKeys) {
        const property = (name: string) => stacks.find((s) => s.stackName === key.origin.stackName)?.property(key.origin.logicalId, name);
        const text = (name: string) => (typeof property(name) === 'string' ? property(name) as string : undefined);
        this.keys.set(key.apiKeyId, {
          id: key.apiKeyId,
          name: text('Name') ?? `${key.origin.stackName}-${key.origin.logicalId}`,
          value: key.value,
          enabled: key.enabled,
          description: text('Description'),
          customerId: text('CustomerId'),
          createdDate: clock.now(),
          lastUpdatedDate: clock.now(),
        });
      }
    }
  }

  public allKeys(): ApiKeyRecord[] {
    return [...this.keys.values()];
  }

  public key(apiKeyId: string): ApiKeyRecord {
    const key = this.keys.get(apiKeyId);
    if (!key) {
      throw notFound(`Invalid API Key identifier specified: ${apiKeyId}`);
    }
    return key;
  }

  public allPlans(): UsagePlanModel[] {
    return [...this.plans.values()];
  }

  public plan(usagePlanId: string): UsagePlanModel {
    const plan = this.plans.get(usagePlanId);
    if (!plan) {
      throw notFound(`Invalid Usage Plan ID specified: ${usagePlanId}`);
    }
    return plan;
  }

  /** The ids of the keys attached to the plan. */
  public keysOf(usagePlanId: string): string[] {
    return [...(this.planKeys.get(this.plan(usagePlanId).usagePlanId) ?? [])];
  }

  public create(request: NewApiKey): ApiKeyRecord {
    const value = request.value ?? randomBytes(30).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 40);
    if ([...this.keys.values()].some((key) => key.value === value)) {
      throw conflict('API Key already exists');
    }
    const id = randomBytes(8).toString('hex').slice(0, 10);
    const now = this.clock.now();
    const key: ApiKeyRecord = {
      ...request, id, name: request.name ?? id, value, enabled: request.enabled ?? false, createdDate: now, lastUpdatedDate: now,
    };
    this.keys.set(id, key);
    return key;
  }

  public setEnabled(apiKeyId: string, enabled: boolean): ApiKeyRecord {
    const key = this.key(apiKeyId);
    key.enabled = enabled;
    key.lastUpdatedDate = this.clock.now();
    this.metering.setKeyEnabled(apiKeyId, enabled);
    return key;
  }

  public attach(usagePlanId: string, apiKeyId: string): ApiKeyRecord {
    const plan = this.plan(usagePlanId);
    const key = this.key(apiKeyId);
    const attached = this.planKeys.get(usagePlanId)!;
    if (attached.has(apiKeyId)) {
      throw conflict(`Usage Plan ${usagePlanId} cannot be added because API Key ${apiKeyId} cannot reference multiple Usage Plans with the same API Stage`);
    }
    attached.add(apiKeyId);
    this.metering.putKey(meteredKey(key), plan);
    return key;
  }

  public detach(usagePlanId: string, apiKeyId: string): void {
    const attached = this.planKeys.get(this.plan(usagePlanId).usagePlanId)!;
    if (!attached.delete(this.key(apiKeyId).id)) {
      throw notFound(`Invalid API Key identifier specified: ${apiKeyId} is not in usage plan ${usagePlanId}`);
    }
    this.metering.removeKey(apiKeyId, usagePlanId);
  }
}

function meteredKey(key: ApiKeyRecord): ApiKeyModel {
  return {
    origin: { stackName: '', logicalId: key.id, path: `API key ${key.name} (created through the control plane)` },
    apiKeyId: key.id,
    value: key.value,
    generatedValue: false,
    enabled: key.enabled,
    stageKeys: [],
  };
}
