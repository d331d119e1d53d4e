import { ApiSelector, apiSelector, AwsClients, awsClients, COMMON_SWITCHES, COMMON_VALUED } from './aws-options';
import { ParsedArgs, parseArgs } from '../cli/args';

/** A command line of an operations command, parsed: its own options, the API, the clients and `--json`. */
export interface OpsArgs {
  readonly parsed: Omit<ParsedArgs, 'command'>;
  readonly selector: ApiSelector;
  readonly clients: AwsClients;
  readonly asJson: boolean;
}

/** True when the command line asks for the command's help. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** Parses the common options and the command's own (`valued` take a value, `switches` none). */
export function parseOpsArgs(argv: readonly string[], valued: readonly string[], switches: readonly string[], usage: string): OpsArgs {
  const parsed = parseArgs(argv, [...COMMON_VALUED, ...valued], [...COMMON_SWITCHES, ...switches], usage);
  return { parsed, selector: apiSelector(parsed, usage), clients: awsClients(parsed), asJson: parsed.flags.has('json') };
}
