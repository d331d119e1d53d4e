import * as fs from 'fs';
import * as path from 'path';
import { REQUEST_HEADERS, RuntimeApp, synthesizeApps } from './apps';
import { LoadSettings, measureLoad } from './load';
import { printRuntimeReport, RuntimeRow } from './report';
import { Server, startBareServer, startGatewaykit } from './servers';
import { progress } from '../progress';

const CONNECTIONS = [10, 50];

type ServerVariant = Pick<RuntimeRow, 'variant' | 'apiType' | 'authorizer'>;

/** How the runtime suite loads each server, and how many rounds of all servers it runs. */
export interface RuntimeSettings extends LoadSettings {
  /** Rounds of every server at every concurrency; the report gives medians over them. */
  readonly runs: number;
}

/**
 * Serves the same hello handler with a bare `node:http` server and with `gatewaykit serve` in front of four APIs,
 * one server at a time, and prints their throughput, latency, memory and startup against the bare server's.
 * Every round measures all servers, in the opposite order to the round before, so that a slower spell of a shared
 * machine weighs on a round's baseline and its variants alike, and the medians over rounds ignore an odd one.
 * Needs the compiled CLI (see `checkCliCompiled`).
 */
export async function runRuntimeSuite(settings: RuntimeSettings, outRoot: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(outRoot, 'runtime-'));
  progress('runtime: synthesizing the apps');
  const apps = synthesizeApps(dir);
  // The first start creates the local issuer's key in `dir` and reads the CLI's modules from disk; untimed, so that
  // no variant pays for either, as none would on a project's second run.
  await (await startGatewaykit(apps[0].assemblyDir, apps[0].path, dir, REQUEST_HEADERS)).stop();

  const servers: { variant: ServerVariant; start: () => Promise<Server> }[] = [
    { variant: { variant: 'bare node:http', authorizer: false }, start: () => startBareServer(dir, REQUEST_HEADERS) },
    ...apps.map((app) => ({ variant: variantOf(app), start: () => startGatewaykit(app.assemblyDir, app.path, dir, REQUEST_HEADERS) })),
  ];
  const rounds: RuntimeRow[][] = [];
  for (let round = 0; round < settings.runs; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    const rows: RuntimeRow[] = [];
    for (const server of order) {
      rows.push(...await measureServer(server.variant, server.start, settings, `round ${round + 1}/${settings.runs}`));
    }
    rounds.push(rows);
  }
  printRuntimeReport(rounds, settings);
}

/** Starts the server, loads it at each concurrency, and stops it, so that servers never compete for the cores. */
async function measureServer(
  variant: ServerVariant, start: () => Promise<Server>, settings: LoadSettings, round: string,
): Promise<RuntimeRow[]> {
  progress(`runtime: ${round}: ${variant.variant}: starting`);
  const server = await start();
  try {
    const rows: RuntimeRow[] = [];
    for (const connections of CONNECTIONS) {
      progress(`runtime: ${round}: ${variant.variant}: ${connections} connections`);
      const load = await measureLoad(server.url, REQUEST_HEADERS, connections, settings);
      rows.push({ ...variant, load, peakRssMiB: server.peakRssMiB(), startupMs: server.startupMs });
    }
    return rows;
  } finally {
    await server.stop();
  }
}

function variantOf(app: RuntimeApp): ServerVariant {
  return { variant: app.name, apiType: app.apiType, authorizer: app.authorizer };
}
