import { CACHE_USAGE, cacheCommand } from './cache-command';
import { CANARY_USAGE, canaryCommand } from './canary-command';
import { EXPORT_USAGE, exportCommand, SDK_USAGE, sdkCommand } from './export-command';
import { KEYS_USAGE, keysCommand } from './keys-command';
import { CommandIo, processIo } from './output';
import { USAGE_USAGE, usageCommand } from './usage-command';

export type { CommandIo } from './output';
export { AwsCallError } from './aws-errors';

/** The operations commands (over the API Gateway API, of AWS or of the local control plane), by name. */
export const OPERATIONS_COMMANDS: Readonly<Record<string, (argv: readonly string[], io?: CommandIo) => Promise<void>>> = {
  usage: (argv, io = processIo) => usageCommand(argv, io),
  keys: (argv, io = processIo) => keysCommand(argv, io),
  canary: (argv, io = processIo) => canaryCommand(argv, io),
  export: (argv, io = processIo) => exportCommand(argv, io),
  sdk: (argv, io = processIo) => sdkCommand(argv, io),
  cache: (argv, io = processIo) => cacheCommand(argv, io),
};

/** Each operations command's usage, by name. */
export const OPERATIONS_USAGES: Readonly<Record<string, string>> = {
  usage: USAGE_USAGE,
  keys: KEYS_USAGE,
  canary: CANARY_USAGE,
  export: EXPORT_USAGE,
  sdk: SDK_USAGE,
  cache: CACHE_USAGE,
};

/** The first line of each command's usage, for the CLI's help. */
export const OPERATIONS_USAGE = Object.values(OPERATIONS_USAGES).map((usage) => usage.split('\n')[0]).join('\n');
