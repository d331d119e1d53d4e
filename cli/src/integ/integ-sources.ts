import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** integ-runner's command for TypeScript integ tests; `{filePath}` is replaced by the test file. */
export const DEFAULT_APP_COMMAND = 'node -r ts-node/register {filePath}';

/** One integ test to run: its name in the report and where its cloud assembly is (or comes from). */
export interface IntegSource {
  /** The test file's name (`integ.iam.ts`), also for a snapshot folder (`integ.iam.ts.snapshot`). */
  readonly name: string;
  /** The test file, when it must be synthesized; undefined for a snapshot folder. */
  readonly file?: string;
  /** The cloud assembly folder, for a snapshot folder. */
  readonly assemblyDir?: string;
}

/**
 * The integ tests named on the command line: `.snapshot` folders (or any cloud assembly folder) and test files; with
 * `snapshots`, a test file stands for its snapshot folder (`integ.x.ts.snapshot`, as integ-runner writes it).
 */
export function integSources(paths: readonly string[], snapshots = false): IntegSource[] {
  return paths.map((given) => {
    const resolved = path.resolve(given);
    if (!fs.existsSync(resolved)) {
      throw new Error(`${given} does not exist; expected an integ test file (integ.*.ts) or a synthesized folder (integ.*.ts.snapshot, cdk.out)`);
    }
    const name = path.basename(resolved).replace(/\.snapshot$/, '');
    if (fs.statSync(resolved).isDirectory()) return { name, assemblyDir: resolved };
    if (!snapshots) return { name, file: resolved };
    const snapshot = `${resolved}.snapshot`;
    if (!fs.existsSync(snapshot)) {
      throw new Error(`${given} has no snapshot folder ${path.basename(snapshot)}; write it with integ-runner (--update-on-failed --dry-run)`);
    }
    return { name, assemblyDir: snapshot };
  });
}

/** The integ test files of a folder, as integ-runner finds them: `integ.*.ts` (not `.d.ts`). */
export function integTestFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((file) => /^integ\..+\.ts$/.test(file) && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => path.join(dir, file));
}

/**
 * Synthesizes an integ test file as integ-runner does, running `appCommand` with `CDK_OUTDIR` set to a fresh folder,
 * and returns the folder. ts-node compiles without type checks unless `TS_NODE_TRANSPILE_ONLY` says otherwise.
 */
export function synthesizeIntegTest(file: string, appCommand: string = DEFAULT_APP_COMMAND): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewaykit-integ-'));
  const command = appCommand.replace('{filePath}', JSON.stringify(file));
  const result = spawnSync(command, {
    shell: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { TS_NODE_TRANSPILE_ONLY: '1', ...process.env, CDK_OUTDIR: outdir },
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) {
    const detail = result.error?.message ?? result.stderr.trim().split('\n').slice(-5).join('\n');
    throw new Error(`synthesizing ${file} with '${command}' failed (exit code ${result.status}): ${detail}`);
  }
  return outdir;
}
