import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Runs `cdk synth` in `cwd` (the folder of the app's `cdk.json`) and returns the assembly folder it wrote: `cdk.json`'s
 * `output`, else `cdk.out`. The CDK CLI comes from the project (`npx cdk`), as the user's own `cdk synth` would.
 */
export function synthesize(cwd: string): string {
  const cdkJson = path.join(cwd, 'cdk.json');
  if (!fs.existsSync(cdkJson)) {
    throw new Error(`no cdk.json in ${cwd}: run gatewaykit serve in the folder of your CDK app, or pass --app with a synthesized cdk.out folder`);
  }
  const result = spawnSync('npx', ['cdk', 'synth', '--quiet'], { cwd, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  if (result.error || result.status !== 0) {
    throw new Error(`cdk synth failed in ${cwd}${result.error ? `: ${result.error.message}` : ` (exit code ${result.status})`}; fix the app or pass --app with a synthesized cdk.out folder`);
  }
  return cdkOutputDir(cwd);
}

/** Where `cdk synth` in `cwd` writes the assembly: `cdk.json`'s `output`, else `cdk.out`. */
export function cdkOutputDir(cwd: string): string {
  const cdkJson = path.join(cwd, 'cdk.json');
  const output = fs.existsSync(cdkJson) ? (JSON.parse(fs.readFileSync(cdkJson, 'utf8')) as { output?: string }).output : undefined;
  return path.resolve(cwd, output ?? 'cdk.out');
}
