import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { tempDir } from './temp-dirs';
import { LocalIssuer } from '../../src/auth';
import { FakeClock } from '../../src/clock';
import { RunningApp, start, StartOptions } from '../../src/server/start';

/** One key pair for every test file: RSA generation is the slowest part of starting. */
let sharedIssuerFile: string | undefined;

async function issuerKeyFile(): Promise<string> {
  if (!sharedIssuerFile) {
    sharedIssuerFile = path.join(tempDir('gatewaykit-issuer-'), 'local-issuer.json');
    await LocalIssuer.loadOrCreate(sharedIssuerFile);
  }
  return sharedIssuerFile;
}

/** Handler source files by name, written to a fresh folder, as `lambda.Code.fromAsset` takes them. */
export function handlerCode(files: Record<string, string>): lambda.Code {
  const dir = tempDir('gatewaykit-handler-');
  for (const [name, source] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), source);
  }
  return lambda.Code.fromAsset(dir);
}

/** A Node.js function whose `index.js` is `source`. */
export function nodeFunction(stack: Stack, id: string, source: string, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: handlerCode({ 'index.js': source }),
    ...props,
  });
}

/** A handler answering 200 with the event it received, so that tests can read what API Gateway sent. */
export const ECHO_HANDLER = 'exports.handler = async (event) => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(event) });';

export interface ServedTestApp {
  readonly running: RunningApp;
  readonly clock: FakeClock;
  /** Requests to `url` relative to the API's stage URL. */
  fetch(relative: string, init?: RequestInit, api?: string, stage?: string): Promise<Response>;
  /** Invocations of the function whose construct path contains `pathFragment`. */
  invocations(pathFragment: string): number;
  /** Stops the runtime; call in afterAll. */
  stop(): Promise<void>;
}

/**
 * Synthesizes the app `build` defines into a fresh folder and serves it on free ports with a fake clock and no
 * request log.
 */
export async function serveApp(build: (stack: Stack) => void, options: Partial<StartOptions> = {}): Promise<ServedTestApp> {
  const outdir = tempDir('gatewaykit-app-');
  const app = new App({ outdir });
  build(new Stack(app, 'TestStack', { env: { account: '111122223333', region: 'eu-west-1' } }));
  app.synth();
  const clock = new FakeClock(Date.UTC(2026, 11, 1, 12));
  const running = await start({
    app: outdir,
    port: 0,
    clock,
    quiet: true,
    log: () => undefined,
    onHandlerOutput: () => undefined,
    issuerKeyFile: await issuerKeyFile(),
    ...options,
  });
  return {
    running,
    clock,
    fetch: (relative, init, api, stage) => fetch(new URL(relative.replace(/^\//, ''), running.url(api, stage)), init),
    invocations: (pathFragment) => {
      const matches = [...running.model.functions.values()].filter((fn) => fn.origin.path.includes(pathFragment));
      if (matches.length !== 1) {
        throw new Error(`${matches.length} functions match '${pathFragment}': ${[...running.model.functions.values()].map((fn) => fn.origin.path).join(', ')}`);
      }
      return running.lambda.stats(matches[0].arn).invocations;
    },
    stop: () => running.stop(),
  };
}

/** Serves the app for one test: `use` gets it, and it is stopped afterwards, whatever `use` does. */
export async function withServedApp(build: (stack: Stack) => void, use: (app: ServedTestApp) => Promise<void>): Promise<void> {
  const app = await serveApp(build);
  try {
    await use(app);
  } finally {
    await app.stop();
  }
}
