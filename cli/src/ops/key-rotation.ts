import { ApiKey, CreateApiKeyCommand, CreateUsagePlanKeyCommand, GetApiKeyCommand, UpdateApiKeyCommand } from '@aws-sdk/client-api-gateway';
import { GetSecretValueCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { ApiKeyEntry } from './api-keys';
import { awsCall } from './aws-errors';
import { AwsClients } from './aws-options';
import { SecretReference, secretStringOf } from './secret-reference';

/** What a rotation did: the new key, the secret updated (if any), and whether the old key was disabled. */
export interface Rotation {
  readonly oldKey: ApiKey;
  readonly newKey: ApiKey;
  readonly secretUpdated?: string;
  readonly oldKeyDisabled: boolean;
}

/**
 * Replaces a customer's key with no moment where neither key works: a new key (same name and customer id) is created
 * enabled and attached to every usage plan of the old one, the secret the stack reads the value from gets the new
 * value, and only then is the old key disabled (unless `keepOld`, for customers who switch later: disable it with
 * `keys disable` once they have).
 */
export async function rotateKey(clients: AwsClients, entry: ApiKeyEntry, keepOld: boolean): Promise<Rotation> {
  const oldKey = entry.key;
  const created = await awsCall('CreateApiKey', () => clients.apiGateway.send(new CreateApiKeyCommand({
    name: oldKey.name,
    customerId: oldKey.customerId,
    description: `Replaces API key ${oldKey.id} (gatewaykit keys rotate)`,
    enabled: true,
  })));
  for (const plan of entry.plans) {
    await awsCall('CreateUsagePlanKey', () => clients.apiGateway.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: created.id, keyType: 'API_KEY' })));
  }
  const newKey = created.value ? created : await awsCall('GetApiKey', () => clients.apiGateway.send(new GetApiKeyCommand({ apiKey: created.id, includeValue: true })));
  const secretUpdated = entry.secret ? await putKeyValue(clients, entry.secret, newKey.value!) : undefined;
  if (!keepOld) {
    await setEnabled(clients, oldKey.id!, false);
  }
  return { oldKey, newKey, secretUpdated, oldKeyDisabled: !keepOld };
}

/** Enables or disables a key. */
export async function setEnabled(clients: AwsClients, apiKeyId: string, enabled: boolean): Promise<ApiKey> {
  return awsCall('UpdateApiKey', () => clients.apiGateway.send(new UpdateApiKeyCommand({
    apiKey: apiKeyId,
    patchOperations: [{ op: 'replace', path: '/enabled', value: String(enabled) }],
  })));
}

/** Writes `value` into the secret: its whole string, or its JSON field with the other fields kept. Returns the ARN. */
async function putKeyValue(clients: AwsClients, secret: SecretReference, value: string): Promise<string> {
  let secretString = secretStringOf(value, secret.jsonField);
  if (secret.jsonField !== undefined) {
    const current = await awsCall('GetSecretValue', () => clients.secretsManager.send(new GetSecretValueCommand({ SecretId: secret.secretId })));
    const fields = parseObject(current.SecretString);
    secretString = JSON.stringify({ ...fields, [secret.jsonField]: value });
  }
  const put = await awsCall('PutSecretValue', () => clients.secretsManager.send(new PutSecretValueCommand({ SecretId: secret.secretId, SecretString: secretString })));
  return put.ARN ?? secret.secretId;
}

function parseObject(text: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}
