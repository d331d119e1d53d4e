import * as path from 'node:path';
import { sandboxWorkerLocation } from '../../src/lambda/worker-location';

describe('sandbox worker location', () => {
  test('running from TypeScript sources, the worker runs worker-entry.ts through ts-node', () => {
    const location = sandboxWorkerLocation();

    expect(location).toEqual({
      filename: path.resolve(__dirname, '../../src/lambda/worker-entry.ts'),
      execArgv: ['--require', require.resolve('ts-node/register/transpile-only')],
    });
  });
});
