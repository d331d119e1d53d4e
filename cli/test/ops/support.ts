import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OPERATIONS_COMMANDS } from '../../src/ops';
import { API_PATH, STACK } from '../control-plane/support';
import { ServedTestApp } from '../support/app';

/** The options naming the served MeteredApi by stack and construct path, at the app's control plane. */
export function apiArgs(app: ServedTestApp): string[] {
  return ['--endpoint-url', app.running.controlPlaneUrl!, '--stack', STACK, '--api', API_PATH.slice(STACK.length + 1)];
}

/** Runs an operations command in-process in a fresh folder; resolves with what it printed and the folder. */
export async function runCommand(command: string, argv: readonly string[]): Promise<{ output: string; cwd: string }> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewaykit-ops-'));
  let output = '';
  await OPERATIONS_COMMANDS[command](argv, { cwd, out: (text) => { output += text; } });
  return { output, cwd };
}

/** Runs the command with `--json` and parses what it printed. */
export async function runJson<T = any>(command: string, argv: readonly string[]): Promise<T> {
  return JSON.parse((await runCommand(command, [...argv, '--json'])).output) as T;
}

/** The value of the customer key `name`, as `keys list` cannot show it: read through the control plane. */
export async function keyValue(app: ServedTestApp, name: string): Promise<string> {
  const response = await fetch(`${app.running.controlPlaneUrl}/apikeys?includeValues=true`);
  const keys = (await response.json()).item as Array<{ name: string; value: string; enabled: boolean }>;
  return keys.filter((key) => key.name === name).sort((a, b) => Number(b.enabled) - Number(a.enabled))[0].value;
}

/** GET /orders of the prod stage with an API key: its status. */
export async function ordersStatus(app: ServedTestApp, apiKey: string): Promise<number> {
  return (await app.fetch('orders', { headers: { 'x-api-key': apiKey } }, 'Metered', 'prod')).status;
}
