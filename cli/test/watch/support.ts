import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs the app as `cdk synth` does: a process of its own, told where to write by CDK_OUTDIR. */
export async function synth(cwd: string): Promise<string> {
  const outdir = path.join(cwd, 'cdk.out');
  await run(process.execPath, ['app.js'], { cwd, env: { ...process.env, CDK_OUTDIR: outdir } });
  return outdir;
}
