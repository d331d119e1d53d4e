import { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { newTiers } from './fixture';

type Variant = Array<[customerId: string, tier: string]>;

const RESOURCE_TYPES = ['AWS::ApiGateway::ApiKey', 'AWS::SecretsManager::Secret', 'AWS::ApiGateway::UsagePlanKey'];

/** The logical ids of each customer's resources, by customer id and resource type. */
function logicalIds(variant: Variant): Map<string, Record<string, string>> {
  const { stack, tiers } = newTiers();
  tiers.addTier('free', {});
  tiers.addTier('gold', { throttle: { rateLimit: 100, burstLimit: 200 } });
  const customers = variant.map(([id, tier]) => tiers.addCustomer(id, { tier }));
  const template = Template.fromStack(stack);
  const found = new Map<string, Record<string, string>>();
  for (const customer of customers) {
    const owned = (construct: Construct) => stack.resolve((construct.node.defaultChild as CfnElement).logicalId);
    found.set(customer.customerId, {
      'AWS::ApiGateway::ApiKey': owned(customer.apiKey),
      'AWS::SecretsManager::Secret': owned(customer.secret as Construct),
      'AWS::ApiGateway::UsagePlanKey': stack.resolve(customer.usagePlanKey.logicalId),
    });
  }
  // The template holds exactly these resources of each type, one per customer.
  for (const type of RESOURCE_TYPES) {
    expect(Object.keys(template.findResources(type)).sort()).toEqual([...found.values()].map((ids) => ids[type]).sort());
  }
  return found;
}

describe('logical ids of customers', () => {
  const base = logicalIds([['a', 'free'], ['b', 'gold'], ['c', 'free']]);

  test.each<[string, Variant]>([
    ['a customer is removed', [['b', 'gold'], ['c', 'free']]],
    ['customers are declared in another order', [['c', 'free'], ['a', 'free'], ['b', 'gold']]],
    ['a customer moves to another tier', [['a', 'gold'], ['b', 'gold'], ['c', 'free']]],
  ])('stay the same when %s', (_, variant) => {
    const changed = logicalIds(variant);
    for (const [customerId, ids] of changed) {
      expect(ids).toEqual(base.get(customerId));
    }
    expect(changed.size).toBe(variant.length);
  });

  test('are distinct for every customer and resource', () => {
    const all = [...base.values()].flatMap((ids) => Object.values(ids));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(9);
  });
});
