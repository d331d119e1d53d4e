import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** The compiled CLI's command table, which `gatewaykit serve` loads before anything else (jest's globalSetup compiles lib/). */
const COMMANDS = path.join(__dirname, '..', '..', 'lib', 'cli', 'commands.js');

/**
 * Packages that only some commands or some apps use, loaded on first use (see `lazyRequire`): at startup they took
 * most of `gatewaykit serve`'s time to its first response (openapi-typescript alone loads the TypeScript compiler).
 */
const LOADED_ON_USE = [
  'openapi-typescript', 'typescript', 'dynalite', '@aws-sdk/client-dynamodb', '@aws-sdk/client-api-gateway',
  '@aws-sdk/client-cloudformation', '@aws-sdk/client-secrets-manager', '@smithy/signature-v4', 'yaml', 'fflate',
  'fast-xml-parser', 'jsonpath-plus',
];

/** The files the CLI's modules load, in a fresh process. */
function filesLoadedByTheCli(): string[] {
  const script = `require(${JSON.stringify(COMMANDS)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
}

function packageOf(file: string): string | undefined {
  return /.*node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1].replace(/\\/g, '/');
}

describe('what loading the CLI loads', () => {
  const files = filesLoadedByTheCli();

  test('none of the packages that only some commands or apps use', () => {
    const packages = new Set(files.map(packageOf));
    expect(LOADED_ON_USE.filter((name) => packages.has(name))).toEqual([]);
  });

  test('of jose, the modules that import the local issuer\'s key, not the whole package', () => {
    const jose = files.filter((file) => packageOf(file) === 'jose');
    expect(jose.length).toBeGreaterThan(0);
    expect(jose.filter((file) => /[\\/]cjs[\\/]index\.js$/.test(file))).toEqual([]);
  });
});
