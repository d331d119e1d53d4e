import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { HELLO } from './apps';

/** The compiled CLI, run as a user runs `gatewaykit serve`. */
const CLI_ENTRY = path.resolve(__dirname, '../../cli/lib/bin.js');

/** Between attempts while a server is not listening yet: short next to the startup being timed. */
const POLL_INTERVAL_MS = 2;
const STARTUP_DEADLINE_MS = 30_000;
const STOP_DEADLINE_MS = 5_000;
/** Output kept from a server, shown when it fails to start. */
const OUTPUT_TAIL_CHARS = 4_000;

/** The CLI is not compiled: the bench runs the CLI's JavaScript, never its sources. */
export class MissingCliError extends Error {}

/** A server in a child process of its own, answering the hello route. */
export interface Server {
  readonly url: string;
  /** From spawning the process to the first 200 response with the hello body. */
  readonly startupMs: number;
  /** The process's peak resident set so far (VmHWM), worker threads included. */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

/** Fails with how to build the CLI when it is missing, before anything slow runs. */
export function checkCliCompiled(): void {
  if (!fs.existsSync(CLI_ENTRY)) {
    throw new MissingCliError(`${CLI_ENTRY} not found: compile the CLI first with 'npx projen cli:compile'`);
  }
}

/** The baseline: `node:http` answering the body directly, with nothing of API Gateway around it. */
export async function startBareServer(cwd: string, headers: Readonly<Record<string, string>>): Promise<Server> {
  const port = await freePort();
  const script = `require('http').createServer((req, res) => res.end(${JSON.stringify(HELLO)})).listen(${port}, '127.0.0.1');`;
  return launch(['-e', script], cwd, `http://127.0.0.1:${port}/`, headers);
}

/** `gatewaykit serve` on a synthesized app; `cwd` holds its `.gatewaykit/` folder (the local issuer's key). */
export async function startGatewaykit(
  assemblyDir: string, routePath: string, cwd: string, headers: Readonly<Record<string, string>>,
): Promise<Server> {
  const port = await freePort();
  // The account's throttle (10,000 requests per second by default) is lifted: the bench measures the runtime's own cost.
  const args = [CLI_ENTRY, 'serve', '--app', assemblyDir, '--port', String(port), '--quiet', '--account-throttle', '1000000000:1000000000'];
  return launch(args, cwd, `http://127.0.0.1:${port}${routePath}`, headers);
}

async function launch(args: string[], cwd: string, url: string, headers: Readonly<Record<string, string>>): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = keepTail(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // run.ts ends the process with process.exit on Ctrl-C; no server may outlive the bench.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await firstHello(url, headers, child);
  } catch (err) {
    await stop();
    throw new Error(`${path.basename(args[0])} ${args.slice(1).join(' ')}: ${(err as Error).message}\n${output()}`);
  }
  const startupMs = performance.now() - started;
  return { url, startupMs, peakRssMiB: () => peakRssMiB(child.pid!), stop };
}

/** Polls until the server answers 200 with the hello body; any other answer or an exit is a failure. */
async function firstHello(url: string, headers: Readonly<Record<string, string>>, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + STARTUP_DEADLINE_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited (${child.exitCode ?? child.signalCode}) before answering`);
    }
    const answer = await get(url, headers);
    if (answer !== undefined) {
      if (answer.status !== 200 || answer.body !== HELLO) {
        throw new Error(`first answer was ${answer.status} ${answer.body}, expected 200 ${HELLO}`);
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`no answer within ${STARTUP_DEADLINE_MS} ms`);
}

/** One request on a connection of its own; undefined while nothing listens yet. */
function get(url: string, headers: Readonly<Record<string, string>>): Promise<{ status: number; body: string } | undefined> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    request.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNREFUSED' ? resolve(undefined) : reject(err)));
  });
}

/** A port free at the time of asking; the server is started on it right after. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** VmHWM is the high-water mark of the resident set over the process's life, in kB. */
function peakRssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!match) {
    throw new Error(`no VmHWM in /proc/${pid}/status`);
  }
  return Number(match[1]) / 1024;
}

/** Reads the child's output so that its pipes never fill, keeping the end for error messages. */
function keepTail(child: ChildProcess): () => string {
  let tail = '';
  const append = (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => tail;
}
