import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, IConstruct } from 'constructs';
import { CustomerApiKey } from './customer-api-key';
import type { UsageCustomerInit } from './private/bindings';
import { check } from '../private/errors';

/** A customer of the API: an API key bound to one tier. */
export interface CustomerOptions {
  /**
   * The name of the tier whose throttle and quota apply to the customer's key. Changing it keeps the customer's
   * API key and secret; only the key's association with a tier is replaced. API Gateway lets a key belong to one
   * usage plan per stage and CloudFormation creates the new association before it deletes the old one, so the
   * deployment that moves a customer can fail with a conflict.
   */
  readonly tier: string;
  /**
   * Where the customer's API key comes from.
   * @default CustomerApiKey.generate() - a new key whose value is generated into a new secret encrypted with a customer-managed KMS key
   */
  readonly apiKey?: CustomerApiKey;
  /**
   * Whether API Gateway accepts the customer's key; `false` suspends the customer and keeps the key.
   * Not settable on a key attached with `CustomerApiKey.fromApiKeyId`.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Describes the customer on its API key. Not settable on a key attached with `CustomerApiKey.fromApiKeyId`.
   * @default - the API key has no description
   */
  readonly description?: string;
}

/**
 * One customer of a metered API: its API key, the secret holding the key's value (unless an existing key is
 * attached) and the key's association with the customer's tier. Every construct id derives from the customer id
 * alone, so customers can be added, removed, reordered or moved between tiers without replacing another
 * customer's key. Created with the API's `addCustomer`.
 */
export class UsageCustomer extends Construct {
  /** @internal */
  public static _create(scope: Construct, id: string, init: UsageCustomerInit): UsageCustomer {
    return new UsageCustomer(scope, id, init);
  }

  /** The customer's id, also the name of its API key. */
  public readonly customerId: string;
  /** The name of the customer's tier. */
  public readonly tier: string;
  /** The customer's API key, created or attached. */
  public readonly apiKey: apigateway.IApiKey;
  /**
   * The secret holding the key's value: generated, or the one given to `CustomerApiKey.fromSecret`.
   * Undefined for a key attached with `CustomerApiKey.fromApiKeyId`.
   */
  public readonly secret?: secretsmanager.ISecret;
  /** The association of the key with the tier's usage plan. */
  public readonly usagePlanKey: apigateway.CfnUsagePlanKey;

  private readonly prop: string;
  private readonly errorScope: IConstruct;

  private constructor(scope: Construct, id: string, init: UsageCustomerInit) {
    super(scope, id);
    const { customerId, options, prop, errorScope } = init;
    this.customerId = customerId;
    this.tier = options.tier;
    this.prop = prop;
    this.errorScope = errorScope;

    const apiKey = options.apiKey ?? CustomerApiKey.generate();
    const binding = apiKey._bind({
      scope: this,
      errorScope,
      customerId,
      prop: `${prop}.apiKey`,
      encryptionKey: init.encryptionKey,
    });
    this.secret = binding.secret;

    if (binding.existingApiKeyId !== undefined) {
      for (const [setting, value] of [['enabled', options.enabled], ['description', options.description]] as const) {
        check(value === undefined, errorScope, 'AttachedApiKeyOption', () =>
          `${prop}.${setting} is ${JSON.stringify(value)}, but ${prop}.apiKey attaches the existing API key '${binding.existingApiKeyId}', whose settings this app does not manage; remove ${setting}, or change the key in API Gateway`);
      }
      this.apiKey = apigateway.ApiKey.fromApiKeyId(this, 'ApiKey', binding.existingApiKeyId);
    } else {
      this.apiKey = new apigateway.ApiKey(this, 'ApiKey', {
        apiKeyName: customerId,
        value: binding.value,
        enabled: options.enabled ?? true,
        description: options.description,
      });
    }

    this.usagePlanKey = new apigateway.CfnUsagePlanKey(this, 'UsagePlanKey', {
      keyId: this.apiKey.keyId,
      keyType: 'API_KEY',
      usagePlanId: init.plan.usagePlanId,
    });
  }

  /**
   * Lets `grantee` read the customer's key value (a developer portal, an operator): `secretsmanager:GetSecretValue`
   * on the secret, and `kms:Decrypt` through Secrets Manager on the secret's key when it is known.
   * Throws for a key attached with `CustomerApiKey.fromApiKeyId`, whose value this app does not hold.
   */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    const secret = this.secret;
    check(secret !== undefined, this.errorScope, 'NoKeyValueToRead', () =>
      `grantRead was called on the customer '${this.customerId}', but ${this.prop}.apiKey attaches an existing API key, whose value is in no secret of this app; grant apigateway:GET on the key instead, or give the customer a key from CustomerApiKey.generate() or CustomerApiKey.fromSecret()`);
    return secret.grantRead(grantee);
  }
}
