import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { SecureLambdaApi } from './secure-lambda-api';
import { SecureLambdaApiProps } from './secure-lambda-api-props';
import { ApiKeySource } from '../common/api-key-source';
import { wildcardMethod } from '../private/arns';
import { validationProblem } from '../private/errors';
import { METERED_API } from '../private/prop-schemas';
import { declareConstructProps } from '../private/prop-types';
import { UsageTiers } from '../usage-plans/private/usage-tiers';
import { TierOptions } from '../usage-plans/tier-options';
import { CustomerOptions, UsageCustomer } from '../usage-plans/usage-customer';

/** Properties for {@link MeteredApi}. */
export interface MeteredApiProps extends SecureLambdaApiProps {
  /**
   * Tiers of service by name (usage plans): throttle, quota and per-route throttles for each customer's key. Every
   * tier covers every stage of the API. More can be added with `addTier`.
   */
  readonly tiers: { [tierName: string]: TierOptions };
  /**
   * Customers by id, each with an API key bound to one tier. More can be added with `addCustomer`.
   * @default - no customers
   */
  readonly customers?: { [customerId: string]: CustomerOptions };
  /**
   * Where API Gateway reads the API key of a request.
   * @default ApiKeySource.HEADER
   */
  readonly apiKeySource?: ApiKeySource;
}

/**
 * A SecureLambdaApi sold by the request: routes require an API key unless they set `apiKeyRequired: false`,
 * tiers (usage plans) throttle and meter each customer's key on every stage, and customers are onboarded in code
 * with keys generated into Secrets Manager.
 */
export class MeteredApi extends SecureLambdaApi {
  /** The usage plan of each tier, by tier name. */
  public readonly usagePlans: { [tierName: string]: apigateway.UsagePlan };
  /** Every customer added, by customer id. */
  public readonly customers: { [customerId: string]: UsageCustomer };

  private readonly tiers: UsageTiers;
  private readonly apiKeySource: ApiKeySource;

  constructor(scope: Construct, id: string, props: MeteredApiProps) {
    super(scope, id, props);
    this.apiKeySource = props.apiKeySource ?? ApiKeySource.HEADER;
    (this.restApi.node.defaultChild as apigateway.CfnRestApi).apiKeySourceType = this.apiKeySource;
    this.tiers = new UsageTiers({
      scope: this,
      apiStages: () => ({ apiId: this.restApi.restApiId, stageNames: Object.values(this.stages).map((stage) => stage.stageName) }),
      methodPathOf: (routeKey) => this.usagePlanMethodPath(routeKey),
      knownRouteKeys: () => this._routes.map((route) => route.key.key),
      propPrefix: 'tiers',
    });
    this.usagePlans = this.tiers.usagePlans;
    this.customers = this.tiers.customersById;
    for (const [name, options] of Object.entries(props.tiers)) {
      this.addTier(name, options);
    }
    for (const [customerId, options] of Object.entries(props.customers ?? {})) {
      this.addCustomer(customerId, options);
    }
    this.node.addValidation({
      validate: () => this.tiers.routesKeyedWithoutTiers(this._routes.map((route) => ({
        key: route.key.key, apiKeyRequired: route.apiKeyRequired, explicit: route.apiKeyRequiredSet,
      })), ' (the default of MeteredApi)'),
    });
    if (this.apiKeySource === ApiKeySource.AUTHORIZER) {
      this.node.addValidation({ validate: () => this.routesWithoutUsageIdentifier() });
    }
  }

  /** The key encrypting generated API key values, once a customer has a generated key. */
  public get apiKeyEncryptionKey(): kms.IKey | undefined {
    return this.tiers.keyEncryptionKey;
  }

  /**
   * Adds a tier of service (a usage plan covering every stage).
   * @returns the usage plan created
   */
  public addTier(name: string, options: TierOptions): apigateway.UsagePlan {
    return this.tiers.addTier(name, options);
  }

  /**
   * Adds a customer: an API key bound to one tier. Construct ids depend on the customer id alone, so adding or
   * removing a customer never replaces another customer's key.
   * @returns the customer, whose `grantRead` lets a portal or operator read the key value
   */
  public addCustomer(customerId: string, options: CustomerOptions): UsageCustomer {
    return this.tiers.addCustomer(customerId, options);
  }

  protected apiKeyRequiredByDefault(): boolean {
    return true;
  }

  /** `routeKey` arrives normalised by the tiers, so it compares with the parsed keys of the routes. */
  private usagePlanMethodPath(routeKey: string): string | undefined {
    const key = this._routes.find((route) => route.key.key === routeKey)?.key;
    return key && `${key.path}/${wildcardMethod(key)}`;
  }

  /** With the key source AUTHORIZER, a key-metered route without a Lambda authorizer could never be called. */
  private routesWithoutUsageIdentifier(): string[] {
    return this._routes
      .filter((route) => route.apiKeyRequired && !route.authorizerProvidesApiKey)
      .map((route) => validationProblem('UsageIdentifierUnavailable', this, `apiKeySource is AUTHORIZER but the route '${route.key.key}' requires an API key and is authorized by ${route.authorizationType}, which cannot return usageIdentifierKey; authorize it with RestAuthorizer.jwt({ usageIdentifierClaim, ... }) or a Lambda authorizer that returns the key, or set apiKeyRequired: false on it`));
  }
}

declareConstructProps(MeteredApi, () => METERED_API);
