import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CLI_ROOT = path.join(__dirname, '..', '..');

/**
 * Jest's globalSetup. Sandbox workers run the compiled worker entry of `lib/` (see `sandboxWorkerFile`), so `lib/`
 * must match the sources the tests import: it is compiled when it is missing or a source file changed since the last
 * build (`tsc --build` is incremental, but loading the compiler alone costs seconds a test run need not pay).
 */
export default function compileWorkers(): void {
  const buildInfo = path.join(CLI_ROOT, 'tsconfig.tsbuildinfo');
  const built = fs.existsSync(path.join(CLI_ROOT, 'lib', 'lambda', 'worker-entry.js')) && fs.existsSync(buildInfo);
  if (built && newestModification(path.join(CLI_ROOT, 'src')) <= fs.statSync(buildInfo).mtimeMs) {
    return;
  }
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--build'], { cwd: CLI_ROOT, stdio: 'inherit' });
}

function newestModification(dir: string): number {
  return Math.max(0, ...fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
    const child = path.join(dir, entry.name);
    return entry.isDirectory() ? newestModification(child) : fs.statSync(child).mtimeMs;
  }));
}
