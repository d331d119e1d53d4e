import type { LoadedStack } from '../assembly/loaded-stack';
import type { LocalSecret } from '../aws-endpoint';
import type { AppModel } from '../model';

const SECRET = 'AWS::SecretsManager::Secret';
/** `{{resolve:secretsmanager:<secret id>:SecretString:…}}`, a dynamic reference to a secret's string. */
const SECRET_REFERENCE = /\{\{resolve:secretsmanager:(.+?):SecretString:/;

/**
 * The secrets of the app that have a local value: a literal `SecretString`, or the value the runtime gives the API key
 * whose `Value` refers to a generated secret (what the handler then accepts as that key).
 */
export function localSecrets(stacks: readonly LoadedStack[], model: AppModel): LocalSecret[] {
  const keyValues = new Map<string, string>();
  for (const key of model.usagePlans.flatMap((plan) => plan.apiKeys)) {
    keyValues.set(`${key.origin.stackName}/${key.origin.logicalId}`, key.value);
  }
  const valuesBySecretId = new Map<string, string>();
  for (const stack of stacks) {
    for (const [logicalId, resource] of stack.presentResources()) {
      if (resource.type !== 'AWS::ApiGateway::ApiKey') continue;
      const secretId = SECRET_REFERENCE.exec(String(stack.property(logicalId, 'Value') ?? ''))?.[1];
      const value = keyValues.get(`${stack.stackName}/${logicalId}`);
      if (secretId !== undefined && value !== undefined) valuesBySecretId.set(secretId, value);
    }
  }
  return stacks.flatMap((stack) => stack.presentResources().filter(([, r]) => r.type === SECRET).flatMap(([logicalId]) => {
    const arn = String(stack.resourceRef(logicalId));
    const name = stack.property(logicalId, 'Name');
    const literal = stack.property(logicalId, 'SecretString');
    const secretString = typeof literal === 'string' ? literal : valuesBySecretId.get(arn) ?? (typeof name === 'string' ? valuesBySecretId.get(name) : undefined);
    return secretString === undefined ? [] : [{ arn, name: typeof name === 'string' ? name : arn.split(':secret:')[1], secretString }];
  }));
}
