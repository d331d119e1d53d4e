import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { watch } from 'chokidar';
import { codeOnlyChanges } from './code-changes';
import { watchedFiles } from './watch-patterns';
import { loadServedModel, ServedModel } from '../server/app-runtime';
import { ListenerSet } from '../server/listener-set';
import { RunningApp, startOn, StartOptions } from '../server/start';
import { cdkOutputDir } from '../server/synth';

export interface WatchOptions extends Omit<StartOptions, 'app'> {
  /** How long to wait for more changes before re-synthesizing. Default 100 ms. */
  readonly debounceMs?: number;
  /** Synthesizes the app in `cwd` and resolves to the assembly folder. Default: `npx cdk synth --quiet`, without blocking. */
  readonly synth?: (cwd: string) => Promise<string>;
}

/** The app being served and watched. */
export interface WatchedApp {
  /**
   * The app serving now: the last one that synthesized and started. Its listeners, WebSocket servers and local DynamoDB
   * are the watched app's: stop them with {@link WatchedApp.stop}.
   */
  current(): RunningApp;
  /** Resolves after the next reload attempt, successful or not. */
  nextReload(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `gatewaykit serve --watch`: synthesizes and serves the app, then re-synthesizes on every change to a watched file
 * (cdk.json's `watch` include/exclude) and serves the new app on the same listeners, WebSocket connections and local
 * DynamoDB (requests in flight end on the old app); when only handler code changed, only the affected functions' workers
 * are replaced. An app that fails to synthesize or to start is reported and the last good app keeps serving. Each
 * reload is reported with its duration.
 */
export async function watchApp(options: WatchOptions = {}): Promise<WatchedApp> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const synth = options.synth ?? synthesizeInBackground;
  const listeners = new ListenerSet();
  let running = await startOn({ ...options, cwd, app: await synth(cwd) }, listeners).catch((error: unknown) => closedAfter(listeners, error));
  let model = running.model;
  const watched = watchedFiles(cwd, cdkOutputDir(cwd));
  const watcher = watch(cwd, { ignoreInitial: true, ignored: (file) => file !== cwd && isIgnored(cwd, file, watched) });
  let timer: NodeJS.Timeout | undefined;
  let reloading = Promise.resolve();
  let waiters: Array<() => void> = [];
  const settle = () => {
    waiters.forEach((resolve) => resolve());
    waiters = [];
  };
  // The inline code that code-only reloads wrote: the replaced functions' workers read it until watching stops.
  const reloadedCode: string[] = [];
  const reload = async (changed: string) => {
    const startedAt = performance.now();
    const synthesized = await synthesizedApp(synth, { ...options, cwd }).catch((error: Error) => {
      log(`gatewaykit: the app did not synthesize after a change to ${changed}; still serving the last good one: ${error.message}`);
    });
    if (!synthesized) {
      settle();
      return;
    }
    const { assembly, model: next, workDir: codeDir } = synthesized;
    const changedCode = codeOnlyChanges(model, next);
    if (changedCode) {
      reloadedCode.push(codeDir);
      // Only handler code changed: the affected functions' workers are replaced; ports, connections and the rest stay.
      const retired = running.lambda.replaceFunctions(changedCode);
      model = next;
      const names = [...changedCode.values()].map((fn) => fn.origin.path);
      log(names.length === 0
        ? `gatewaykit: the app is unchanged after a change to ${changed}`
        : `gatewaykit: reloaded the code of ${names.join(', ')} after a change to ${changed} in ${Math.round(performance.now() - startedAt)} ms`);
      settle();
      await retired;
      return;
    }
    // The new app serves the assembly just read; the old one ends after what it has in flight once the new one took over.
    let retired: Promise<void> = Promise.resolve();
    try {
      const previous = running;
      running = await startOn({ ...options, cwd, app: assembly }, listeners, synthesized);
      model = running.model;
      retired = previous.stop({ drain: true });
      log(`gatewaykit: reloaded after a change to ${changed} in ${Math.round(performance.now() - startedAt)} ms`);
    } catch (error) {
      fs.rmSync(codeDir, { recursive: true, force: true });
      log(`gatewaykit: the app synthesized after a change to ${changed} but could not be served; still serving the last good one: ${(error as Error).message}`);
    }
    settle();
    await retired;
  };
  watcher.on('all', (_event, file) => {
    if (!watched(relativePath(cwd, file))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      reloading = reloading.then(() => reload(relativePath(cwd, file)));
    }, options.debounceMs ?? 100);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    current: () => running,
    nextReload: () => new Promise((resolve) => waiters.push(resolve)),
    stop: async () => {
      clearTimeout(timer);
      await watcher.close();
      await reloading;
      await running.stop();
      await listeners.close();
      reloadedCode.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
    },
  };
}

/** Synthesizes the app and reads the assembly, with the inline code of its functions in a fresh folder. */
async function synthesizedApp(
  synth: (cwd: string) => Promise<string>, options: StartOptions & { readonly cwd: string },
): Promise<ServedModel & { readonly assembly: string }> {
  const assembly = await synth(options.cwd);
  return { assembly, ...loadServedModel(assembly, { ...options, app: assembly }) };
}

/** Closes the listeners the first app was to keep, and rethrows why it did not start. */
async function closedAfter(listeners: ListenerSet, error: unknown): Promise<never> {
  await listeners.close();
  throw error;
}

/** Prunes what can hold no watched file: a folder is entered unless what is in it is excluded. */
function isIgnored(cwd: string, file: string, watched: (relativePath: string) => boolean): boolean {
  const relative = relativePath(cwd, file);
  return !watched(relative) && !watched(`${relative}/x`);
}

function relativePath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** `npx cdk synth --quiet` in `cwd` as a child process, so that the runtime keeps serving while it runs. */
function synthesizeInBackground(cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['cdk', 'synth', '--quiet'], { cwd, stdio: ['ignore', 'inherit', 'pipe'], shell: process.platform === 'win32' });
    const errors: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(cdkOutputDir(cwd));
      else reject(new Error(`cdk synth exited with code ${code}: ${Buffer.concat(errors).toString('utf8').trim()}`));
    });
  });
}
