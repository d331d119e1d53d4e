import { ApiKey, GetApiKeyCommand, paginateGetUsagePlanKeys, paginateGetUsagePlans, UsagePlan } from '@aws-sdk/client-api-gateway';
import { ApiTarget } from './api-target';
import { awsCall } from './aws-errors';
import { AwsClients } from './aws-options';
import { parseSecretReference, SecretReference } from './secret-reference';
import { UsageError } from '../cli/args';

/** A customer key of the API: the key, the usage plans of the API it is in, and the secret holding its value. */
export interface ApiKeyEntry {
  readonly key: ApiKey;
  readonly plans: readonly UsagePlan[];
  /** Known when the API was named by stack and the key's value is a Secrets Manager dynamic reference. */
  readonly secret?: SecretReference;
}

/** The usage plans with a stage of the REST API. */
export async function plansOf(clients: AwsClients, restApiId: string): Promise<UsagePlan[]> {
  const plans: UsagePlan[] = [];
  await awsCall('GetUsagePlans', async () => {
    for await (const page of paginateGetUsagePlans({ client: clients.apiGateway }, {})) {
      plans.push(...(page.items ?? []).filter((plan) => (plan.apiStages ?? []).some((stage) => stage.apiId === restApiId)));
    }
  });
  return plans;
}

/** Every key in a usage plan of the API, with its plans and secret. */
export async function apiKeysOf(clients: AwsClients, target: ApiTarget): Promise<ApiKeyEntry[]> {
  const plans = await plansOf(clients, target.restApiId);
  const plansByKey = new Map<string, UsagePlan[]>();
  for (const plan of plans) {
    await awsCall('GetUsagePlanKeys', async () => {
      for await (const page of paginateGetUsagePlanKeys({ client: clients.apiGateway }, { usagePlanId: plan.id! })) {
        (page.items ?? []).forEach((planKey) => plansByKey.set(planKey.id!, [...(plansByKey.get(planKey.id!) ?? []), plan]));
      }
    });
  }
  const secrets = keySecrets(target);
  const entries: ApiKeyEntry[] = [];
  for (const [keyId, keyPlans] of plansByKey) {
    const key = await awsCall('GetApiKey', () => clients.apiGateway.send(new GetApiKeyCommand({ apiKey: keyId })));
    entries.push({ key, plans: keyPlans, secret: secrets.get(keyId) });
  }
  return entries.sort((a, b) => (a.key.name ?? '').localeCompare(b.key.name ?? ''));
}

/** The key named (by name or id) among the API's keys. */
export function findKey(entries: readonly ApiKeyEntry[], nameOrId: string): ApiKeyEntry {
  const named = entries.filter((entry) => entry.key.id === nameOrId || entry.key.name === nameOrId);
  // A rotated customer has the disabled old key and the new one under one name: the name means the enabled one.
  const matches = named.length > 1 && named.filter((entry) => entry.key.enabled).length === 1 ? named.filter((entry) => entry.key.enabled) : named;
  if (matches.length !== 1) {
    const known = entries.map((entry) => `${entry.key.name} (${entry.key.id})`).join(', ') || 'none';
    throw new UsageError(`--key '${nameOrId}' matches ${matches.length === 0 ? 'no key' : 'several keys'} of the API's usage plans; its keys are ${known}`);
  }
  return matches[0];
}

/**
 * The secret each API key of the stack reads its value from: its `Value` is `{{resolve:secretsmanager:...}}`, written
 * by CDK as an `Fn::Join` around the secret's `Ref`, which the stack's physical ids resolve.
 */
function keySecrets(target: ApiTarget): Map<string, SecretReference> {
  const secrets = new Map<string, SecretReference>();
  const stack = target.stack;
  for (const [logicalId, resource] of Object.entries(stack?.resources ?? {})) {
    const keyId = stack!.physicalIds.get(logicalId);
    const reference = resource.Type === 'AWS::ApiGateway::ApiKey' ? parseSecretReference(resolveJoin(resource.Properties?.Value, stack!.physicalIds)) : undefined;
    if (keyId && reference) {
      secrets.set(keyId, reference);
    }
  }
  return secrets;
}

/** A value with `Fn::Join` and `Ref` resolved (the only intrinsics a dynamic reference of CDK holds); else undefined. */
function resolveJoin(value: unknown, physicalIds: ReadonlyMap<string, string>): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  const object = value as Record<string, unknown> | undefined;
  if (typeof object?.Ref === 'string') {
    return physicalIds.get(object.Ref);
  }
  const join = object?.['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = (join[1] as unknown[]).map((part) => resolveJoin(part, physicalIds));
    return parts.every((part) => part !== undefined) ? parts.join(join[0]) : undefined;
  }
  return undefined;
}
