import * as path from 'node:path';

export interface WorkerLocation {
  readonly filename: string;
  /** Undefined: the worker inherits this process's Node options. */
  readonly execArgv?: string[];
}

/**
 * Where a sandbox worker starts: `worker-entry.js` next to this module in the compiled package. Under ts-jest this
 * module runs from its TypeScript source, with no compiled entry next to it, and a worker thread does not inherit
 * jest's transform: the worker then runs `worker-entry.ts` and registers ts-node (installed at the repository root)
 * to compile it.
 */
export function sandboxWorkerLocation(): WorkerLocation {
  if (path.extname(__filename) === '.ts') {
    return {
      filename: path.join(__dirname, 'worker-entry.ts'),
      execArgv: ['--require', require.resolve('ts-node/register/transpile-only')],
    };
  }
  return { filename: path.join(__dirname, 'worker-entry.js') };
}
