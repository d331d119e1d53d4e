import * as fs from 'fs';
import * as path from 'path';
import { REQUEST_HEADERS, RuntimeApp, synthesizeApps } from './apps';
import { LoadSettings, measureLoad } from './load';
import { printRuntimeReport, RuntimeRow } from './report';
import { Server, startBareServer, startGatewaykit } from './servers';
import { progress } from '../progress';

const CONNECTIONS = [10, 50];

type ServerVariant = Pick<RuntimeRow, 'variant' | 'apiType' | 'authorizer'>;

/**
 * Serves the same hello handler with a bare `node:http` server and with `gatewaykit serve` in front of four APIs,
 * one server at a time, and prints their throughput, latency, memory and startup against the bare server's.
 * Needs the compiled CLI (see `checkCliCompiled`).
 */
export async function runRuntimeSuite(settings: LoadSettings, outRoot: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(outRoot, 'runtime-'));
  progress('runtime: synthesizing the apps');
  const apps = synthesizeApps(dir);
  // The first start creates the local issuer's key in `dir` and reads the CLI's modules from disk; untimed, so that
  // no variant pays for either, as none would on a project's second run.
  await (await startGatewaykit(apps[0].assemblyDir, apps[0].path, dir, REQUEST_HEADERS)).stop();

  const rows = await measureServer({ variant: 'bare node:http', authorizer: false }, () => startBareServer(dir, REQUEST_HEADERS), settings);
  for (const app of apps) {
    rows.push(...await measureServer(variantOf(app), () => startGatewaykit(app.assemblyDir, app.path, dir, REQUEST_HEADERS), settings));
  }
  printRuntimeReport(rows, settings);
}

/** Starts the server, loads it at each concurrency, and stops it, so that servers never compete for the cores. */
async function measureServer(variant: ServerVariant, start: () => Promise<Server>, settings: LoadSettings): Promise<RuntimeRow[]> {
  progress(`runtime: ${variant.variant}: starting`);
  const server = await start();
  try {
    const rows: RuntimeRow[] = [];
    for (const connections of CONNECTIONS) {
      progress(`runtime: ${variant.variant}: ${connections} connections`);
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
