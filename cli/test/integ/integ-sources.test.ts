import * as fs from 'node:fs';
import * as path from 'node:path';
import { integSources, integTestFiles, synthesizeIntegTest } from '../../src/integ/integ-sources';
import { tempDir } from '../support/temp-dirs';

describe('the integ tests to run', () => {
  const dir = tempDir('gatewaykit-integ-sources-');
  const file = path.join(dir, 'integ.api.ts');
  fs.writeFileSync(file, '');
  fs.mkdirSync(`${file}.snapshot`);
  fs.writeFileSync(path.join(dir, 'integ.api.d.ts'), '');
  fs.writeFileSync(path.join(dir, 'support.ts'), '');

  test('are the folder\'s integ.*.ts files, as integ-runner finds them', () => {
    expect(integTestFiles(dir)).toEqual([file]);
  });

  test('a test file is synthesized, a snapshot folder is run as it is, both named by the test file', () => {
    expect(integSources([file, `${file}.snapshot`])).toEqual([
      { name: 'integ.api.ts', file },
      { name: 'integ.api.ts', assemblyDir: `${file}.snapshot` },
    ]);
  });

  test('with snapshots, a test file stands for its snapshot folder', () => {
    expect(integSources([file], true)).toEqual([{ name: 'integ.api.ts', assemblyDir: `${file}.snapshot` }]);
  });

  test('a path that does not exist is refused, saying what is expected', () => {
    expect(() => integSources([path.join(dir, 'integ.nope.ts')])).toThrow(
      `${path.join(dir, 'integ.nope.ts')} does not exist; expected an integ test file (integ.*.ts) or a synthesized folder (integ.*.ts.snapshot, cdk.out)`);
  });

  test('synthesizing runs the app command with CDK_OUTDIR and returns that folder', () => {
    const outdir = synthesizeIntegTest(file, 'node -e "require(\'fs\').writeFileSync(require(\'path\').join(process.env.CDK_OUTDIR, \'app.txt\'), process.argv[1])" {filePath}');

    expect(fs.readFileSync(path.join(outdir, 'app.txt'), 'utf8')).toBe(file);
  });

  test('a failing app command is an error with its exit code and the end of its error output', () => {
    expect(() => synthesizeIntegTest(file, 'node -e "console.error(\'no such construct\'); process.exit(3)" {filePath}'))
      .toThrow(/failed \(exit code 3\): no such construct$/);
  });
});
