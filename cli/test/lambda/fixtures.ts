import * as fs from 'node:fs';
import * as path from 'node:path';
import { LambdaRuntime } from '../../src/lambda';
import type { InvokeOutcome, LambdaRuntimeOptions } from '../../src/lambda';
import type { FunctionModel } from '../../src/model';
import { tempDir } from '../support/temp-dirs';

export const REGION = 'eu-west-1';
export const ACCOUNT_ID = '111122223333';

const startedRuntimes: LambdaRuntime[] = [];

/** Writes `files` (relative path -> source) to a fresh temp dir, removed after the test file: a function's code folder. */
export function writeCode(files: Readonly<Record<string, string>>): string {
  const dir = tempDir('gatewaykit-lambda-');
  for (const [name, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), source);
  }
  return dir;
}

/** A Node.js function named `name` whose `index.js` (or the given files) holds the handler. */
export function nodeFunction(name: string, files: Readonly<Record<string, string>>, overrides: Partial<FunctionModel> = {}): FunctionModel {
  return {
    origin: { stackName: 'TestStack', logicalId: name, path: `TestStack/${name}` },
    arn: arnOf(name),
    functionName: name,
    runtime: 'nodejs20.x',
    handler: 'index.handler',
    codeDir: writeCode(files),
    timeoutSeconds: 3,
    memorySizeMb: 128,
    environment: {},
    ...overrides,
  };
}

export function arnOf(name: string): string {
  return `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${name}`;
}

/** The functions keyed by ARN, as `AppModel.functions`. */
export function functionMap(...functions: FunctionModel[]): ReadonlyMap<string, FunctionModel> {
  return new Map(functions.map((fn) => [fn.arn, fn]));
}

/** A runtime for `functions` (region and account of the fixtures), closed by `closeRuntimes`. */
export function startRuntime(functions: FunctionModel | FunctionModel[], options: Partial<LambdaRuntimeOptions> = {}): LambdaRuntime {
  const runtime = new LambdaRuntime(functionMap(...[functions].flat()), { region: REGION, accountId: ACCOUNT_ID, ...options });
  startedRuntimes.push(runtime);
  return runtime;
}

/** Closes every runtime `startRuntime` made so far; for `afterEach`. */
export async function closeRuntimes(): Promise<void> {
  await Promise.all(startedRuntimes.splice(0).map((runtime) => runtime.close()));
}

/** The payload of a result outcome; fails the test with the outcome otherwise. */
export function payloadOf(outcome: InvokeOutcome): unknown {
  if (outcome.kind !== 'result') {
    throw new Error(`expected a result, received ${JSON.stringify(outcome)}`);
  }
  return outcome.payload;
}

/** Resolves once `condition` holds, polling; rejects after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`condition still false after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
