import { Lazy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct, IDependable } from 'constructs';
import { TierOptions } from '../tier-options';
import { checkCustomerId, checkTierName, renderQuota, validateQuota } from './tier-validation';
import { ThrottleSettings } from '../../common/throttle';
import { check, validationProblem } from '../../private/errors';
import { CUSTOMER_OPTIONS, TIER_OPTIONS } from '../../private/option-schemas';
import { checkStruct } from '../../private/prop-types';
import { parseRouteKey } from '../../private/route-key';
import { validateThrottle } from '../../private/throttle';
import { CustomerOptions, UsageCustomer } from '../usage-customer';

/** Construct id of the key that encrypts generated key values, one per scope. */
export const KEY_ENCRYPTION_KEY_ID = 'ApiKeyEncryptionKey';

/** The construct id of a tier: from its name alone, so that adding a tier never replaces another. */
export function tierConstructId(name: string): string {
  return `Tier-${name}`;
}

/** The construct id of a customer: from its id alone, never from its tier or declaration order. */
export function customerConstructId(customerId: string): string {
  return `Customer-${customerId}`;
}

export interface UsageTiersProps {
  /** Where tiers and customers are created (the API construct). */
  readonly scope: Construct;
  /** The API id and the stage names every tier covers; a function because stages are known late. */
  readonly apiStages: () => { apiId: string; stageNames: string[] };
  /**
   * Maps a route key, as `normalizeRouteKey` returned it ('GET /items/{id}'), to the usage-plan method path
   * ('/items/{id}/GET'), or undefined when the API has no such route; called at synth.
   */
  readonly methodPathOf: (routeKey: string) => string | undefined;
  /**
   * Validates the route key a tier's `routeThrottles` names and returns it in the form `methodPathOf` and
   * `knownRouteKeys` use; throws (naming `prop`) for a key the API type does not accept, or for an API type whose
   * usage plans cannot throttle per route. Two spellings that normalise to the same key name the same route.
   * @default - REST route keys ('METHOD /path'), parsed by `parseRouteKey`
   */
  readonly normalizeRouteKey?: (prop: string, routeKey: string) => string;
  /** Prefix for tier props in messages, e.g. 'tiers'. */
  readonly propPrefix: string;
  /**
   * Prefix for customer props in messages.
   * @default 'customers'
   */
  readonly customerPropPrefix?: string;
  /**
   * The API's route keys, listed when a route throttle names an unknown route; called at synth.
   * @default - the message lists no routes
   */
  readonly knownRouteKeys?: () => string[];
  /**
   * What every tier's usage plan must be deployed after: a plan that names a stage by its name, not by a reference,
   * must wait for the stage to exist.
   * @default - nothing beyond the plan's references
   */
  readonly planDependencies?: IDependable[];
}

type CfnApiStage = apigateway.CfnUsagePlan.ApiStageProperty;

interface RouteThrottle {
  /** e.g. `tiers['gold'].routeThrottles['GET /items']`. */
  readonly prop: string;
  /** Normalised route key. */
  readonly key: string;
  readonly throttle: ThrottleSettings;
}

/**
 * Tiers (usage plans) and customers (API keys bound to a tier) of one API, shared by the REST and WebSocket
 * constructs. Every tier covers every stage of the API.
 */
export class UsageTiers {
  /** The usage plan of each tier, by tier name: the API's `usagePlans`. */
  public readonly usagePlans: { [tierName: string]: apigateway.UsagePlan } = {};
  /** Every customer added, by customer id: the API's `customers`. */
  public readonly customersById: { [customerId: string]: UsageCustomer } = {};
  private readonly plans = new Map<string, apigateway.UsagePlan>();
  private readonly routeThrottles = new Map<string, RouteThrottle[]>();
  private readonly customers = new Map<string, UsageCustomer>();
  private readonly l2Stages = new Map<string, unknown>();
  private createdKey?: kms.Key;

  constructor(private readonly props: UsageTiersProps) {
    props.scope.node.addValidation({ validate: () => [...this.unknownRoutes(), ...this.unmanagedStages()] });
  }

  /**
   * `[ApiKeyWithoutTiers]` for each route that requires an API key while the API has no tier: no key can then be
   * valid, and API Gateway would refuse every request. Called at synth, since tiers can be added late.
   * @param defaultNote says why a route that did not set `apiKeyRequired` requires a key
   */
  public routesKeyedWithoutTiers(routes: readonly { key: string; apiKeyRequired: boolean; explicit: boolean }[], defaultNote = ''): string[] {
    if (this.plans.size > 0) {
      return [];
    }
    return routes.filter((route) => route.apiKeyRequired).map((route) =>
      validationProblem('ApiKeyWithoutTiers', this.props.scope, `routes['${route.key}'].apiKeyRequired is true${route.explicit ? '' : defaultNote}, but the API has no tiers, so no API key can be valid and API Gateway would refuse every request; add tiers (or call addTier), or ${route.explicit ? 'remove apiKeyRequired' : 'set apiKeyRequired: false'}`));
  }

  /** Whether the API has tiers, and so API keys. */
  public get metered(): boolean {
    return this.plans.size > 0;
  }

  /** The customer-managed key encrypting generated key values; created with the first generated key. */
  public get keyEncryptionKey(): kms.Key | undefined {
    return this.createdKey;
  }

  /**
   * Adds a tier, validating its throttle, quota and route keys at once (the routes themselves at synth).
   * @returns the tier's usage plan
   */
  public addTier(name: string, options: TierOptions): apigateway.UsagePlan {
    const scope = this.props.scope;
    const prop = `${this.props.propPrefix}['${name}']`;
    checkTierName(scope, prop, name);
    check(!this.plans.has(name), scope, 'DuplicateTier', () =>
      `${prop} is added twice; each tier needs its own name`);
    checkStruct(scope, prop, options, TIER_OPTIONS, true);
    const id = tierConstructId(name);
    check(scope.node.tryFindChild(id) === undefined, scope, 'ConstructIdClash', () =>
      `${prop} would create the construct '${id}', but ${scope.node.path} already has a child with that id; rename the tier`);
    validateThrottle(scope, `${prop}.throttle`, options.throttle);
    validateQuota(scope, `${prop}.quota`, options.quota);
    const routeThrottles = this.parseRouteThrottles(prop, options);

    const plan = new apigateway.UsagePlan(scope, id, {
      name,
      description: options.description,
      throttle: options.throttle,
    });
    const resource = plan.node.defaultChild as apigateway.CfnUsagePlan;
    resource.quota = renderQuota(options.quota);
    // The L2's own list of stages stays empty unless the plan is used as an escape hatch, which `unmanagedStages` refuses.
    this.l2Stages.set(name, resource.apiStages);
    resource.apiStages = Lazy.any({ produce: () => this.renderApiStages(routeThrottles) });
    for (const dependency of this.props.planDependencies ?? []) {
      plan.node.addDependency(dependency);
    }

    this.plans.set(name, plan);
    this.usagePlans[name] = plan;
    this.routeThrottles.set(name, routeThrottles);
    return plan;
  }

  /**
   * Adds a customer: an API key (generated by default) bound to its tier's usage plan.
   * @param id the customer's id, which names its API key and constructs
   */
  public addCustomer(id: string, options: CustomerOptions): UsageCustomer {
    const scope = this.props.scope;
    const prop = `${this.props.customerPropPrefix ?? 'customers'}['${id}']`;
    checkCustomerId(scope, prop, id);
    check(!this.customers.has(id), scope, 'DuplicateCustomer', () =>
      `${prop} is added twice; each customer needs its own id`);
    checkStruct(scope, prop, options, CUSTOMER_OPTIONS, true);
    const plan = this.plans.get(options.tier);
    check(plan !== undefined, scope, 'UnknownTier', () => {
      const tiers = [...this.plans.keys()].map((name) => `'${name}'`).join(', ');
      return `${prop}.tier is '${options.tier}', which is not a tier; expected ${tiers ? `one of ${tiers}` : `a tier, and none is defined: add one to ${this.props.propPrefix}`}`;
    });
    const constructId = customerConstructId(id);
    check(scope.node.tryFindChild(constructId) === undefined, scope, 'ConstructIdClash', () =>
      `${prop} would create the construct '${constructId}', but ${scope.node.path} already has a child with that id; choose another customer id`);

    const customer = UsageCustomer._create(scope, constructId, {
      customerId: id,
      options,
      plan,
      errorScope: scope,
      prop,
      encryptionKey: () => this.encryptionKey(),
    });
    this.customers.set(id, customer);
    this.customersById[id] = customer;
    return customer;
  }

  private parseRouteThrottles(prop: string, options: TierOptions): RouteThrottle[] {
    const scope = this.props.scope;
    const entries = Object.entries(options.routeThrottles ?? {});
    check(entries.length === 0 || options.throttle !== undefined, scope, 'RouteThrottleWithoutTierThrottle', () =>
      `${prop}.routeThrottles is set but ${prop}.throttle is not; API Gateway refuses per-route throttles on a usage plan without a plan-wide throttle. Add ${prop}.throttle, e.g. { rateLimit: 100, burstLimit: 200 }`);
    const seen = new Map<string, string>();
    return entries.map(([routeKey, throttle]) => {
      const routeProp = `${prop}.routeThrottles['${routeKey}']`;
      const key = this.normalizeRouteKey(routeProp, routeKey);
      const first = seen.get(key);
      check(first === undefined, scope, 'DuplicateRouteThrottle', () =>
        `${prop}.routeThrottles has both '${first}' and '${routeKey}', which name the route '${key}'; keep one`);
      seen.set(key, routeKey);
      validateThrottle(scope, routeProp, throttle);
      return { prop: routeProp, key, throttle };
    });
  }

  private normalizeRouteKey(prop: string, routeKey: string): string {
    return this.props.normalizeRouteKey
      ? this.props.normalizeRouteKey(prop, routeKey)
      : parseRouteKey(this.props.scope, prop, routeKey).key;
  }

  private renderApiStages(routeThrottles: RouteThrottle[]): CfnApiStage[] | undefined {
    const { apiId, stageNames } = this.props.apiStages();
    const throttle: Record<string, apigateway.CfnUsagePlan.ThrottleSettingsProperty> = {};
    for (const route of routeThrottles) {
      const methodPath = this.props.methodPathOf(route.key);
      if (methodPath !== undefined) {
        throttle[methodPath] = { rateLimit: route.throttle.rateLimit, burstLimit: route.throttle.burstLimit };
      }
    }
    const stages = stageNames.map((stage) => ({ apiId, stage, throttle: routeThrottles.length ? throttle : undefined }));
    return stages.length ? stages : undefined;
  }

  private unmanagedStages(): string[] {
    const stack = Stack.of(this.props.scope);
    return [...this.l2Stages.entries()]
      .filter(([, stages]) => stack.resolve(stages) !== undefined)
      .map(([name]) => validationProblem('UnmanagedPlanStage', this.props.scope, `the usage plan of ${this.props.propPrefix}['${name}'] has stages added with addApiStage(), but every tier covers exactly the stages of its API and nothing else; remove the addApiStage() call (a plan for another API belongs to that API's tiers)`));
  }

  private unknownRoutes(): string[] {
    const known = this.props.knownRouteKeys?.() ?? [];
    const listed = known.length ? ` The API's routes are ${known.map((key) => `'${key}'`).join(', ')}.` : '';
    return [...this.routeThrottles.values()].flat()
      .filter((route) => this.props.methodPathOf(route.key) === undefined)
      .map((route) => validationProblem('UnknownRoute', this.props.scope, `${route.prop} names the route '${route.key}', which the API does not have.${listed} Add the route, or remove its throttle`));
  }

  private encryptionKey(): kms.Key {
    if (this.createdKey === undefined) {
      const scope = this.props.scope;
      const existing = scope.node.tryFindChild(KEY_ENCRYPTION_KEY_ID);
      check(existing === undefined || existing instanceof kms.Key, scope, 'ConstructIdClash', () =>
        `generated API keys need the construct '${KEY_ENCRYPTION_KEY_ID}' for their KMS key, but ${scope.node.path} already has a child with that id that is not a KMS key; rename that child`);
      this.createdKey = existing ?? new kms.Key(scope, KEY_ENCRYPTION_KEY_ID, {
        description: `Encrypts the generated API key values of the customers of ${scope.node.path}`,
        enableKeyRotation: true,
      });
    }
    return this.createdKey;
  }
}
