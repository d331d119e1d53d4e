import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';
import { CLIENT_USAGE, clientCommand } from './client-command';
import { INTEG_USAGE, integCommand } from './integ-command';
import { OPENAPI_USAGE, openApiCommand } from './openapi-command';
import { SERVE_USAGE, serveCommand } from './serve-command';
import { TOKEN_USAGE, tokenCommand } from './token-command';
import { OPERATIONS_COMMANDS, OPERATIONS_USAGE, OPERATIONS_USAGES } from '../ops';

/** A command of the CLI: its usage and what runs it. */
interface Command {
  readonly usage: string;
  run(argv: readonly string[]): Promise<void>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  serve: { usage: SERVE_USAGE, run: serveCommand },
  token: { usage: TOKEN_USAGE, run: async (argv) => { process.stdout.write(`${await tokenCommand(argv)}\n`); } },
  integ: { usage: INTEG_USAGE, run: async (argv) => { process.exitCode = await integCommand(argv); } },
  openapi: { usage: OPENAPI_USAGE, run: async (argv) => { process.stdout.write(`${openApiCommand(argv)}\n`); } },
  client: { usage: CLIENT_USAGE, run: async (argv) => { process.stdout.write(`${await clientCommand(argv)}\n`); } },
  ...Object.fromEntries(Object.entries(OPERATIONS_COMMANDS).map(([name, run]) =>
    [name, { usage: OPERATIONS_USAGES[name], run: (argv: readonly string[]) => run(argv) }])),
};

export const USAGE = `gatewaykit: run a synthesized CDK app's API Gateway REST and HTTP APIs on localhost.
usage: gatewaykit <command> [options]    gatewaykit help [command]    gatewaykit --version

${SERVE_USAGE}

${TOKEN_USAGE}

${INTEG_USAGE}

${OPENAPI_USAGE}

${CLIENT_USAGE}

Operations of deployed APIs, or of 'gatewaykit serve' with --endpoint-url (each command has --help):
${OPERATIONS_USAGE}`;

const HELP = new Set(['--help', '-h']);
const VERSION = new Set(['--version', '-v']);

/**
 * Runs the command line `argv` (without node and the script). Help and the version go to standard output; a command
 * line that cannot be run is a UsageError whose message ends with the usage.
 */
export async function runCommandLine(argv: readonly string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name !== undefined && VERSION.has(name) && rest.length === 0) {
    return print(packageVersion());
  }
  if (name !== undefined && (HELP.has(name) || name === 'help') && rest.length <= 1) {
    return print(rest.length === 0 ? USAGE : command(rest[0]).usage);
  }
  if (name === undefined) {
    throw new UsageError(`no command given\n\n${USAGE}`);
  }
  const chosen = command(name);
  return rest.some((arg) => HELP.has(arg)) ? print(chosen.usage) : chosen.run(rest);
}

function command(name: string): Command {
  if (!Object.hasOwn(COMMANDS, name)) {
    throw new UsageError(`unknown command '${name}'\n\n${USAGE}`);
  }
  return COMMANDS[name];
}

async function print(text: string): Promise<void> {
  process.stdout.write(`${text}\n`);
}

/** The version of the installed package (its package.json, one folder above lib/ or src/). */
function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}
