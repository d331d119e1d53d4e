/** A command line that cannot be run: the message says what was wrong and what is expected. */
export class UsageError extends Error {}

/** `--name value` and `--name=value` options and `--flag` switches, with the names each command accepts. */
export interface ParsedArgs {
  readonly command: string;
  readonly options: ReadonlyMap<string, string[]>;
  readonly flags: ReadonlySet<string>;
}

/**
 * Parses `argv` (without node and the script) for a command whose options take a value (`valued`) or none
 * (`switches`); anything else is a UsageError rather than silently ignored.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], switches: readonly string[], usage: string): Omit<ParsedArgs, 'command'> {
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg.replace(/^--/, ''), undefined];
    if (!arg.startsWith('--')) {
      throw new UsageError(`unexpected argument '${arg}'\n${usage}`);
    }
    if (switches.includes(name) && inline === undefined) {
      flags.add(name);
    } else if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value\n${usage}`);
      }
      options.set(name, [...(options.get(name) ?? []), value]);
    } else {
      throw new UsageError(`unknown option '--${name}'\n${usage}`);
    }
  }
  return { options, flags };
}

/** The option's last value, if given. */
export function optionValue(parsed: Omit<ParsedArgs, 'command'>, name: string): string | undefined {
  return parsed.options.get(name)?.at(-1);
}

/** A whole number option in [min, max]. */
export function integerOption(parsed: Omit<ParsedArgs, 'command'>, name: string, min: number, max: number, usage: string): number | undefined {
  const text = optionValue(parsed, name);
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, got '${text}'\n${usage}`);
  }
  return value;
}
