import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';
import type * as ClientCommand from './client-command';
import type * as IntegCommand from './integ-command';
import type * as OpenApiCommand from './openapi-command';
import { SERVE_USAGE, serveCommand } from './serve-command';
import { TOKEN_USAGE, tokenCommand } from './token-command';
import { lazyRequire } from '../lazy-require';
import type * as Operations from '../ops';

// Loaded when their command runs (or help shows their usage), so that `gatewaykit serve` starts without the AWS SDK
// clients of the operations commands, the integ runner and the OpenAPI writers.
const integ = lazyRequire<typeof IntegCommand>('./cli/integ-command');
const openApi = lazyRequire<typeof OpenApiCommand>('./cli/openapi-command');
const client = lazyRequire<typeof ClientCommand>('./cli/client-command');
const operations = lazyRequire<typeof Operations>('./ops');

/** A command of the CLI: its usage and what runs it. */
interface Command {
  usage(): string;
  run(argv: readonly string[]): Promise<void>;
}

/** The commands besides the operations commands, which {@link command} finds in `../ops`. */
const COMMANDS: Readonly<Record<string, Command>> = {
  serve: { usage: () => SERVE_USAGE, run: serveCommand },
  token: { usage: () => TOKEN_USAGE, run: async (argv) => { process.stdout.write(`${await tokenCommand(argv)}\n`); } },
  integ: { usage: () => integ().INTEG_USAGE, run: async (argv) => { process.exitCode = await integ().integCommand(argv); } },
  openapi: { usage: () => openApi().OPENAPI_USAGE, run: async (argv) => { process.stdout.write(`${openApi().openApiCommand(argv)}\n`); } },
  client: { usage: () => client().CLIENT_USAGE, run: async (argv) => { process.stdout.write(`${await client().clientCommand(argv)}\n`); } },
};

/** The CLI's help: every command's usage. */
function usage(): string {
  return `gatewaykit: run a synthesized CDK app's API Gateway REST and HTTP APIs on localhost.
usage: gatewaykit <command> [options]    gatewaykit help [command]    gatewaykit --version

${Object.values(COMMANDS).map((entry) => entry.usage()).join('\n\n')}

Operations of deployed APIs, or of 'gatewaykit serve' with --endpoint-url (each command has --help):
${operations().OPERATIONS_USAGE}`;
}

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
    return print(rest.length === 0 ? usage() : command(rest[0]).usage());
  }
  if (name === undefined) {
    throw new UsageError(`no command given\n\n${usage()}`);
  }
  const chosen = command(name);
  return rest.some((arg) => HELP.has(arg)) ? print(chosen.usage()) : chosen.run(rest);
}

function command(name: string): Command {
  if (Object.hasOwn(COMMANDS, name)) {
    return COMMANDS[name];
  }
  const { OPERATIONS_COMMANDS, OPERATIONS_USAGES } = operations();
  if (!Object.hasOwn(OPERATIONS_COMMANDS, name)) {
    throw new UsageError(`unknown command '${name}'\n\n${usage()}`);
  }
  return { usage: () => OPERATIONS_USAGES[name], run: (argv) => OPERATIONS_COMMANDS[name](argv) };
}

async function print(text: string): Promise<void> {
  process.stdout.write(`${text}\n`);
}

/** The version of the installed package (its package.json, one folder above lib/ or src/). */
function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}
