import * as path from 'node:path';

/**
 * The file a sandbox worker runs: `worker-entry.js` next to this module in the compiled package. A worker thread does
 * not inherit jest's TypeScript transform, so when this module runs from its source (`src/`, under jest), the worker
 * runs the compiled entry in `lib/` instead, which the test run compiles first (`test/support/compile-workers.ts`):
 * booting compiled JavaScript takes a fraction of the time a TypeScript compiler in every worker took.
 */
export function sandboxWorkerFile(): string {
  if (path.extname(__filename) === '.ts') {
    return path.join(__dirname, '..', '..', 'lib', 'lambda', 'worker-entry.js');
  }
  return path.join(__dirname, 'worker-entry.js');
}
