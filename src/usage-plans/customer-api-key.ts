import { Token } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { CustomerApiKeyBinding, CustomerApiKeyBindContext } from './private/bindings';
import { check } from '../private/errors';
import { inEveryPack, suppressNagRules } from '../private/nag-suppressions';

/** Length of generated key values; API Gateway accepts alphanumeric values of 20 to 128 characters. */
const GENERATED_KEY_LENGTH = 40;

/**
 * Where a customer's API key comes from. The key value never appears in the CloudFormation template: it is read
 * from Secrets Manager at deployment through a dynamic reference.
 */
export abstract class CustomerApiKey {
  /**
   * A new API key whose value (40 random letters and digits) is generated into a new Secrets Manager secret,
   * encrypted with a customer-managed KMS key shared by the API's customers. Read it with `grantRead`.
   */
  public static generate(): CustomerApiKey {
    return new GeneratedApiKey();
  }

  /**
   * A new API key whose value is read from an existing secret: its whole string, or one field of its JSON.
   * The value must be 20 to 128 letters and digits, and unique among the account's API keys.
   * @param secret the secret holding the value
   * @param jsonField the JSON field holding the value; omit when the secret's whole string is the value
   */
  public static fromSecret(secret: secretsmanager.ISecret, jsonField?: string): CustomerApiKey {
    return new SecretApiKey(secret, jsonField);
  }

  /**
   * An existing API key, attached to the customer's tier by id: no key or secret is created, and the key's
   * value, name and state stay as they are.
   * @param apiKeyId the id of the API key, e.g. `a1b2c3d4e5`
   */
  public static fromApiKeyId(apiKeyId: string): CustomerApiKey {
    return new ExistingApiKey(apiKeyId);
  }

  /** @internal */
  public abstract _bind(context: CustomerApiKeyBindContext): CustomerApiKeyBinding;
}

class GeneratedApiKey extends CustomerApiKey {
  public _bind(context: CustomerApiKeyBindContext): CustomerApiKeyBinding {
    const secret = new secretsmanager.Secret(context.scope, 'Secret', {
      description: `API key value of the customer '${context.customerId}' of ${context.errorScope.node.path}`,
      encryptionKey: context.encryptionKey(),
      generateSecretString: {
        passwordLength: GENERATED_KEY_LENGTH,
        excludePunctuation: true,
        includeSpace: false,
        requireEachIncludedType: true,
      },
    });
    const noRotation = 'The secret holds the value of an API Gateway API key, which is fixed when the key is created: rotating the secret would not change the key that API Gateway accepts, only break the copy customers and operators read. Rotate a customer\'s key by attaching a new customer key and removing the old one once the customer has switched.';
    suppressNagRules(secret, [
      { id: 'AwsSolutions-SMG4', reason: noRotation },
      ...inEveryPack('SecretsManagerRotationEnabled', noRotation),
    ]);
    return { secret, value: secret.secretValue.unsafeUnwrap() };
  }
}

class SecretApiKey extends CustomerApiKey {
  constructor(private readonly secret: secretsmanager.ISecret, private readonly jsonField: string | undefined) {
    super();
  }

  public _bind(context: CustomerApiKeyBindContext): CustomerApiKeyBinding {
    const field = this.jsonField;
    check(field === undefined || Token.isUnresolved(field) || field.trim().length > 0, context.errorScope, 'EmptyJsonField', () =>
      `${context.prop} reads the JSON field '${field}' of its secret; expected the name of the field holding the key value, or no field when the secret's whole string is the value`);
    const value = field === undefined ? this.secret.secretValue : this.secret.secretValueFromJson(field);
    return { secret: this.secret, value: value.unsafeUnwrap() };
  }
}

class ExistingApiKey extends CustomerApiKey {
  constructor(private readonly apiKeyId: string) {
    super();
  }

  public _bind(context: CustomerApiKeyBindContext): CustomerApiKeyBinding {
    const id = this.apiKeyId;
    check(Token.isUnresolved(id) || /^[A-Za-z0-9]+$/.test(id), context.errorScope, 'InvalidApiKeyId', () =>
      `${context.prop} is CustomerApiKey.fromApiKeyId('${id}'); expected the id of an existing API key (letters and digits, as 'a1b2c3d4e5' in 'aws apigateway get-api-keys'), not its name or value`);
    return { existingApiKeyId: id };
  }
}
