import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, IConstruct } from 'constructs';
import type { CustomerOptions } from '../usage-customer';

// Contracts between the tiers engine, customers and API key sources: never re-exported.

/**
 * What binding a `CustomerApiKey` produced: a value for a new API key (and the secret holding it), or the id of an
 * existing API key.
 */
export interface CustomerApiKeyBinding {
  /** The value of the new API key, always a dynamic reference to `secret`. */
  readonly value?: string;
  readonly secret?: secretsmanager.ISecret;
  /** Set when an existing key is attached instead of creating one. */
  readonly existingApiKeyId?: string;
}

/** What a `CustomerApiKey` binds with. */
export interface CustomerApiKeyBindContext {
  /** The customer's construct: where the secret is created. */
  readonly scope: Construct;
  /** The construct errors are tied to (the API). */
  readonly errorScope: IConstruct;
  readonly customerId: string;
  /** e.g. `customers['acme'].apiKey`. */
  readonly prop: string;
  /** The shared key that encrypts generated values, created on first use. */
  readonly encryptionKey: () => kms.IKey;
}

/**
 * What the engine passes to a new customer.
 */
export interface UsageCustomerInit {
  readonly customerId: string;
  readonly options: CustomerOptions;
  readonly plan: apigateway.IUsagePlan;
  /** The construct errors are tied to (the API). */
  readonly errorScope: IConstruct;
  /** e.g. `customers['acme']`. */
  readonly prop: string;
  readonly encryptionKey: () => kms.IKey;
}
