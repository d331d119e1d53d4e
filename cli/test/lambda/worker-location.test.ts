import * as fs from 'node:fs';
import * as path from 'node:path';
import { sandboxWorkerFile } from '../../src/lambda/worker-location';

describe('sandbox worker file', () => {
  test('running from TypeScript sources, the worker runs the compiled entry of lib/', () => {
    const file = sandboxWorkerFile();

    expect(file).toBe(path.resolve(__dirname, '../../lib/lambda/worker-entry.js'));
    expect(fs.existsSync(file)).toBe(true);
  });
});
