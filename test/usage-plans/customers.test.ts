import { App, CfnElement, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { newTiers, TIERS_FIXTURES, TiersFixture } from './fixture';
import { CustomerApiKey, CustomerOptions, UsageCustomer } from '../../src/usage-plans';
import { nagFindings, nagSuppressions } from '../support/nag';

/** Tiers 'free' and 'gold' in a fresh fixture. */
function withTiers(): TiersFixture {
  const fixture = newTiers();
  fixture.tiers.addTier('free', {});
  fixture.tiers.addTier('gold', { throttle: { rateLimit: 100, burstLimit: 200 } });
  return fixture;
}

const logicalIdOf = (stack: Stack, construct: Construct) =>
  stack.resolve((construct.node.defaultChild as CfnElement).logicalId);
const resourceOf = (stack: Stack, construct: Construct) =>
  Template.fromStack(stack).toJSON().Resources[logicalIdOf(stack, construct)];
const countOf = (stack: Stack, type: string) => Object.keys(Template.fromStack(stack).findResources(type)).length;

describe('a customer with a generated key', () => {
  test('gets an API key named after it, enabled, bound to its tier', () => {
    const { stack, tiers } = withTiers();
    const customer = tiers.addCustomer('acme', { tier: 'gold' });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::ApiKey', { Name: 'acme', Enabled: true });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::UsagePlanKey', {
      KeyType: 'API_KEY',
      KeyId: stack.resolve(customer.apiKey.keyId),
      UsagePlanId: stack.resolve(tiers.usagePlans.gold.usagePlanId),
    });
    expect(customer.customerId).toBe('acme');
    expect(customer.tier).toBe('gold');
    expect(customer.usagePlanKey.keyType).toBe('API_KEY');
  });

  test('gets a 40-character alphanumeric value generated into a secret encrypted with the customer-managed key', () => {
    const { stack, tiers } = withTiers();
    const customer = tiers.addCustomer('acme', { tier: 'gold' });
    expect(tiers.keyEncryptionKey).toBeInstanceOf(kms.Key);
    Template.fromStack(stack).hasResourceProperties('AWS::SecretsManager::Secret', {
      KmsKeyId: stack.resolve(tiers.keyEncryptionKey!.keyArn),
      GenerateSecretString: { PasswordLength: 40, ExcludePunctuation: true, IncludeSpace: false, RequireEachIncludedType: true },
    });
    expect(stack.resolve(customer.secret!.secretArn)).toEqual({ Ref: logicalIdOf(stack, customer.secret as secretsmanager.Secret) });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  test('has a value that is a dynamic reference to its secret, never a string in the template', () => {
    const { stack, tiers } = withTiers();
    const customer = tiers.addCustomer('acme', { tier: 'gold' });
    const value = resourceOf(stack, customer.apiKey).Properties.Value;
    expect(typeof value).not.toBe('string');
    expect(value).toEqual({ 'Fn::Join': ['', ['{{resolve:secretsmanager:', stack.resolve(customer.secret!.secretArn), ':SecretString:::}}']] });
  });

  test('shares one customer-managed key with every customer of the API', () => {
    const { stack, tiers } = withTiers();
    tiers.addCustomer('acme', { tier: 'gold' });
    tiers.addCustomer('globex', { tier: 'free' });
    expect(countOf(stack, 'AWS::KMS::Key')).toBe(1);
    expect(countOf(stack, 'AWS::SecretsManager::Secret')).toBe(2);
    expect(tiers.keyEncryptionKey!.node.id).toBe('ApiKeyEncryptionKey');
  });

  test('can be created disabled and described', () => {
    const { stack, tiers } = withTiers();
    tiers.addCustomer('acme', { tier: 'gold', enabled: false, description: 'ACME Corp.' });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::ApiKey', { Name: 'acme', Enabled: false, Description: 'ACME Corp.' });
  });

  test('grantRead lets a principal read the secret and decrypt it through Secrets Manager only', () => {
    const { stack, tiers } = withTiers();
    const customer = tiers.addCustomer('acme', { tier: 'gold' });
    const portal = new iam.Role(stack, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const grant = customer.grantRead(portal);
    expect(grant.success).toBe(true);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [stack.resolve(portal.roleName)],
      PolicyDocument: {
        Statement: [{ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Effect: 'Allow', Resource: stack.resolve(customer.secret!.secretArn) }],
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Action: 'kms:Decrypt',
          Effect: 'Allow',
          Principal: { AWS: stack.resolve(portal.roleArn) },
          Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
        }]),
      },
    });
  });
});

describe('a customer whose key value is in an existing secret', () => {
  const existingSecret = (stack: Stack) =>
    secretsmanager.Secret.fromSecretCompleteArn(stack, 'Existing', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:keys/acme-AbCdEf');

  test('gets an API key whose value is the secret string, by dynamic reference', () => {
    const { stack, tiers } = withTiers();
    const secret = existingSecret(stack);
    const customer = tiers.addCustomer('acme', { tier: 'gold', apiKey: CustomerApiKey.fromSecret(secret) });
    expect(resourceOf(stack, customer.apiKey).Properties.Value).toEqual(
      '{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:keys/acme-AbCdEf:SecretString:::}}');
    expect(customer.secret).toBe(secret);
    expect(countOf(stack, 'AWS::SecretsManager::Secret')).toBe(0);
    expect(countOf(stack, 'AWS::KMS::Key')).toBe(0);
    expect(tiers.keyEncryptionKey).toBeUndefined();
  });

  test('gets an API key whose value is one JSON field of the secret', () => {
    const { stack, tiers } = withTiers();
    const customer = tiers.addCustomer('acme', { tier: 'gold', apiKey: CustomerApiKey.fromSecret(existingSecret(stack), 'apiKey') });
    expect(resourceOf(stack, customer.apiKey).Properties.Value).toEqual(
      '{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:keys/acme-AbCdEf:SecretString:apiKey::}}');
  });

  test('gets an API key referencing a secret of the same app', () => {
    const { stack, tiers } = withTiers();
    const secret = new secretsmanager.Secret(stack, 'Keys');
    const customer = tiers.addCustomer('acme', { tier: 'gold', apiKey: CustomerApiKey.fromSecret(secret, 'acme') });
    expect(resourceOf(stack, customer.apiKey).Properties.Value).toEqual(
      { 'Fn::Join': ['', ['{{resolve:secretsmanager:', stack.resolve(secret.secretArn), ':SecretString:acme::}}']] });
  });

  test('grantRead lets a principal read the given secret', () => {
    const { stack, tiers } = withTiers();
    const customer = tiers.addCustomer('acme', { tier: 'gold', apiKey: CustomerApiKey.fromSecret(existingSecret(stack)) });
    const portal = new iam.Role(stack, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    customer.grantRead(portal);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          Resource: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:keys/acme-AbCdEf',
        })]),
      },
    });
  });
});

describe('a customer with an existing API key', () => {
  test('binds the key to its tier without creating a key or a secret', () => {
    const { stack, tiers } = withTiers();
    const customer = tiers.addCustomer('acme', { tier: 'gold', apiKey: CustomerApiKey.fromApiKeyId('a1b2c3d4e5') });
    expect(countOf(stack, 'AWS::ApiGateway::ApiKey')).toBe(0);
    expect(countOf(stack, 'AWS::SecretsManager::Secret')).toBe(0);
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::UsagePlanKey', { KeyId: 'a1b2c3d4e5', KeyType: 'API_KEY' });
    expect(customer.apiKey.keyId).toBe('a1b2c3d4e5');
    expect(customer.secret).toBeUndefined();
  });

  test('refuses grantRead, as the app holds no value to read', () => {
    const { stack, tiers } = withTiers();
    const customer = tiers.addCustomer('acme', { tier: 'gold', apiKey: CustomerApiKey.fromApiKeyId('a1b2c3d4e5') });
    const portal = new iam.Role(stack, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    expect(() => customer.grantRead(portal)).toThrow(
      /\[NoKeyValueToRead\] TestStack\/Metered: grantRead was called on the customer 'acme', but customers\['acme'\]\.apiKey attaches an existing API key, whose value is in no secret of this app/);
  });

  test('accepts a key id that is a token', () => {
    const { tiers } = withTiers();
    expect(() => tiers.addCustomer('acme', { tier: 'gold', apiKey: CustomerApiKey.fromApiKeyId(Lazy.string({ produce: () => 'x' })) })).not.toThrow();
  });
});

describe('a customer is refused when', () => {
  const addCustomer = (id: string, options: CustomerOptions) => () => withTiers().tiers.addCustomer(id, options);

  test('its tier does not exist, with the tiers listed', () => {
    expect(addCustomer('acme', { tier: 'platinum' })).toThrow(
      /\[UnknownTier\] TestStack\/Metered: customers\['acme'\]\.tier is 'platinum', which is not a tier; expected one of 'free', 'gold'/);
  });

  test('no tier exists yet', () => {
    expect(() => newTiers().tiers.addCustomer('acme', { tier: 'gold' })).toThrow(
      /\[UnknownTier\] .*customers\['acme'\]\.tier is 'gold', which is not a tier; expected a tier, and none is defined: add one to tiers/);
  });

  test('its id is taken', () => {
    const { tiers } = withTiers();
    tiers.addCustomer('acme', { tier: 'gold' });
    expect(() => tiers.addCustomer('acme', { tier: 'free' })).toThrow(/\[DuplicateCustomer\] .*customers\['acme'\] is added twice; each customer needs its own id/);
  });

  test.each([
    ['empty', ''],
    ['with a slash', 'acme/eu'],
    ['with a space', 'acme corp'],
    ['starting with a dot', '.acme'],
    ['longer than 128 characters', 'a'.repeat(129)],
  ])('its id is %s', (_, id) => {
    expect(addCustomer(id, { tier: 'gold' })).toThrow(/\[InvalidCustomerId\] TestStack\/Metered: customers\[.*\] has the customer id '.*'; expected 1 to 128 letters, digits or '\.', '_', '-', '@', '\+' starting with a letter or digit/);
  });

  test('its id is a token', () => {
    expect(addCustomer(Lazy.string({ produce: () => 'acme' }), { tier: 'gold' })).toThrow(/\[InvalidCustomerId\].*the id is known at synth/);
  });

  test('its construct id is taken by another construct', () => {
    const { scope, tiers } = withTiers();
    new Construct(scope, 'Customer-acme');
    expect(() => tiers.addCustomer('acme', { tier: 'gold' })).toThrow(
      /\[ConstructIdClash\] .*customers\['acme'\] would create the construct 'Customer-acme', but TestStack\/Metered already has a child with that id; choose another customer id/);
  });

  test('the KMS key id is taken by another construct', () => {
    const { scope, tiers } = withTiers();
    new Construct(scope, 'ApiKeyEncryptionKey');
    expect(() => tiers.addCustomer('acme', { tier: 'gold' })).toThrow(/\[ConstructIdClash\] .*generated API keys need the construct 'ApiKeyEncryptionKey'/);
  });

  test.each([
    ['enabled', { enabled: false }, 'false'],
    ['description', { description: 'ACME' }, '"ACME"'],
  ])('it sets %s on an existing API key it cannot manage', (setting, options, shown) => {
    expect(addCustomer('acme', { tier: 'gold', apiKey: CustomerApiKey.fromApiKeyId('a1b2c3d4e5'), ...options })).toThrow(
      `[AttachedApiKeyOption] TestStack/Metered: customers['acme'].${setting} is ${shown}, but customers['acme'].apiKey attaches the existing API key 'a1b2c3d4e5', whose settings this app does not manage; remove ${setting}`);
  });

  test('its existing API key id is not an id', () => {
    expect(addCustomer('acme', { tier: 'gold', apiKey: CustomerApiKey.fromApiKeyId('acme key') })).toThrow(
      /\[InvalidApiKeyId\] .*customers\['acme'\]\.apiKey is CustomerApiKey\.fromApiKeyId\('acme key'\); expected the id of an existing API key/);
  });

  test('its secret JSON field is empty', () => {
    const fixture = withTiers();
    const secret = new secretsmanager.Secret(fixture.stack, 'Keys');
    expect(() => fixture.tiers.addCustomer('acme', { tier: 'gold', apiKey: CustomerApiKey.fromSecret(secret, ' ') })).toThrow(
      /\[EmptyJsonField\] .*customers\['acme'\]\.apiKey reads the JSON field ' ' of its secret; expected the name of the field holding the key value/);
  });
});

describe('cdk-nag', () => {
  const populated = () => {
    const fixture = withTiers();
    fixture.tiers.addTier('silver', {
      throttle: { rateLimit: 10, burstLimit: 20 },
      quota: { limit: 1000, period: 'WEEK' as never, offset: 1 },
      routeThrottles: { 'GET /items': { rateLimit: 1, burstLimit: 2 } },
    });
    const customers: UsageCustomer[] = [
      fixture.tiers.addCustomer('acme', { tier: 'gold' }),
      fixture.tiers.addCustomer('globex', { tier: 'silver', apiKey: CustomerApiKey.fromSecret(new secretsmanager.Secret(fixture.stack, 'Keys', { encryptionKey: new kms.Key(fixture.stack, 'KeysKey', { enableKeyRotation: true }) }), 'globex') }),
      fixture.tiers.addCustomer('initech', { tier: 'free', apiKey: CustomerApiKey.fromApiKeyId('a1b2c3d4e5') }),
    ];
    const portal = new iam.Role(fixture.stack, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    customers.slice(0, 2).forEach((customer) => customer.grantRead(portal));
    return fixture;
  };

  test('AwsSolutions and Serverless packs report no unsuppressed finding on tiers, customers and the key', () => {
    const { stack } = populated();
    expect(nagFindings(stack, { fixtures: [...TIERS_FIXTURES, 'Keys', 'KeysKey', 'Portal/Resource'] })).toEqual([]);
  });

  test('the only suppressions are for secret rotation on generated secrets, with a reason', () => {
    const { stack } = populated();
    const suppressed = nagSuppressions(stack, (reason) => expect(reason).toMatch(/rotating the secret would not change the key that API Gateway accepts/));
    expect(suppressed).toEqual([
      'AwsSolutions-SMG4 MeteredCustomeracmeSecret',
      'HIPAA.Security-SecretsManagerRotationEnabled MeteredCustomeracmeSecret',
      'NIST.800.53.R5-SecretsManagerRotationEnabled MeteredCustomeracmeSecret',
    ]);
  });
});

test('the app synthesizes with every kind of customer', () => {
  const { stack, tiers } = withTiers();
  tiers.addCustomer('acme', { tier: 'gold' });
  tiers.addCustomer('initech', { tier: 'free', apiKey: CustomerApiKey.fromApiKeyId('a1b2c3d4e5') });
  expect(() => (stack.node.scope as App).synth()).not.toThrow();
});
