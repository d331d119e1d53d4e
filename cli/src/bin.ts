#!/usr/bin/env node
import { UsageError } from './cli/args';
import { SERVE_USAGE, serveCommand } from './cli/serve-command';
import { TOKEN_USAGE, tokenCommand } from './cli/token-command';
import { OPERATIONS_COMMANDS, OPERATIONS_USAGE } from './ops';

const HELP = `gatewaykit: run a synthesized CDK app's API Gateway REST and HTTP APIs on localhost.

${SERVE_USAGE}

${TOKEN_USAGE}

Operations of deployed APIs, or of 'gatewaykit serve' with --endpoint-url (each command has --help):
${OPERATIONS_USAGE}`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serveCommand(rest);
    case 'token':
      process.stdout.write(`${await tokenCommand(rest)}\n`);
      return;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${HELP}\n`);
      return;
    default:
      if (Object.hasOwn(OPERATIONS_COMMANDS, command)) {
        return OPERATIONS_COMMANDS[command](rest);
      }
      throw new UsageError(`unknown command '${command}'\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`gatewaykit: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
