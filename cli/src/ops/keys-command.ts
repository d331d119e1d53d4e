import { CreateApiKeyCommand, CreateUsagePlanKeyCommand } from '@aws-sdk/client-api-gateway';
import { ApiKeyEntry, apiKeysOf, findKey, plansOf } from './api-keys';
import { resolveApi } from './api-target';
import { awsCall } from './aws-errors';
import { COMMON_USAGE } from './aws-options';
import { OpsArgs, parseOpsArgs, wantsHelp } from './command-args';
import { rotateKey, setEnabled } from './key-rotation';
import { CommandIo, json, table } from './output';
import { optionValue, UsageError } from '../cli/args';

export const KEYS_USAGE = `usage: gatewaykit keys list|create|rotate|enable|disable (--stack STACK --api PATH | --api-id ID) [--json]
  list                                 the keys in the API's usage plans: name, id, state, plans, secret
  create --name NAME --plan PLAN [--value V] [--description D]
                                       a new enabled key in the usage plan PLAN (name or id); prints its value
  rotate --key KEY [--keep-old]        a new key in the old one's plans, its value put in the key's secret, then the
                                       old key disabled (--keep-old leaves it enabled until 'keys disable')
  enable|disable --key KEY             KEY is a key's name or id
  The secret is known when the API is named with --stack and --api: rotation keeps it in step with API Gateway.
${COMMON_USAGE}`;

/** `gatewaykit keys`: the customer API keys of a MeteredApi (or any REST API with usage plans). */
export async function keysCommand(argv: readonly string[], io: CommandIo): Promise<void> {
  const [action, ...rest] = argv;
  if (action === undefined || wantsHelp(argv)) {
    io.out(`${KEYS_USAGE}\n`);
    return;
  }
  const args = parseOpsArgs(rest, ['name', 'plan', 'value', 'description', 'key'], ['keep-old'], KEYS_USAGE);
  const required = (name: string) => {
    const value = optionValue(args.parsed, name);
    if (value === undefined) throw new UsageError(`keys ${action} needs --${name}\n${KEYS_USAGE}`);
    return value;
  };
  const target = await resolveApi(args.selector, args.clients);
  switch (action) {
    case 'list':
      return io.out(renderKeys(args, await apiKeysOf(args.clients, target)));
    case 'create':
      return io.out(await createKey(args, target.restApiId, required('name'), required('plan')));
    case 'rotate': {
      const rotation = await rotateKey(args.clients, findKey(await apiKeysOf(args.clients, target), required('key')), args.parsed.flags.has('keep-old'));
      const { oldKey, newKey } = rotation;
      return io.out(args.asJson
        ? json({
          oldKeyId: oldKey.id,
          oldKeyEnabled: !rotation.oldKeyDisabled,
          newKeyId: newKey.id,
          value: newKey.value,
          secretUpdated: rotation.secretUpdated ?? null,
        })
        : table(['KEY', 'OLD ID', 'OLD KEY', 'NEW ID', 'NEW VALUE', 'SECRET'], [[
          newKey.name ?? '', oldKey.id ?? '', rotation.oldKeyDisabled ? 'disabled' : 'enabled', newKey.id ?? '', newKey.value ?? '', rotation.secretUpdated ?? '-',
        ]]));
    }
    case 'enable':
    case 'disable': {
      const entry = findKey(await apiKeysOf(args.clients, target), required('key'));
      const key = await setEnabled(args.clients, entry.key.id!, action === 'enable');
      return io.out(renderKeys(args, [{ ...entry, key: { ...entry.key, ...key } }]));
    }
    default:
      throw new UsageError(`unknown keys action '${action}'; expected list, create, rotate, enable or disable\n${KEYS_USAGE}`);
  }
}

async function createKey(args: OpsArgs, restApiId: string, name: string, planName: string): Promise<string> {
  const plans = await plansOf(args.clients, restApiId);
  const plan = plans.find((p) => p.id === planName || p.name === planName);
  if (!plan) {
    throw new UsageError(`--plan '${planName}' is not a usage plan of REST API ${restApiId}; its plans are ${plans.map((p) => `${p.name} (${p.id})`).join(', ') || 'none'}`);
  }
  const key = await awsCall('CreateApiKey', () => args.clients.apiGateway.send(new CreateApiKeyCommand({
    name, value: optionValue(args.parsed, 'value'), description: optionValue(args.parsed, 'description'), enabled: true,
  })));
  await awsCall('CreateUsagePlanKey', () => args.clients.apiGateway.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' })));
  return args.asJson
    ? json({ id: key.id, name: key.name, value: key.value, enabled: true, plan: plan.id })
    : table(['NAME', 'ID', 'VALUE', 'PLAN'], [[key.name ?? '', key.id ?? '', key.value ?? '', plan.name ?? plan.id ?? '']]);
}

function renderKeys(args: OpsArgs, entries: readonly ApiKeyEntry[]): string {
  if (args.asJson) {
    return json(entries.map(({ key, plans, secret }) => ({
      id: key.id,
      name: key.name,
      enabled: key.enabled,
      customerId: key.customerId ?? null,
      plans: plans.map((p) => p.name ?? p.id),
      secret: secret?.secretId ?? null,
    })));
  }
  return table(['NAME', 'ID', 'STATE', 'PLANS', 'SECRET'], entries.map(({ key, plans, secret }) => [
    key.name ?? '', key.id ?? '', key.enabled ? 'enabled' : 'disabled', plans.map((p) => p.name ?? p.id).join(','), secret?.secretId ?? '-',
  ]));
}
