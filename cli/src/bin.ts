#!/usr/bin/env node
import { UsageError } from './cli/args';
import { runCommandLine } from './cli/commands';

runCommandLine(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`gatewaykit: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
