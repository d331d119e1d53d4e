import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVE_USAGE } from '../../src/cli/serve-command';
import { TOKEN_USAGE } from '../../src/cli/token-command';

/** The compiled bin, as `npx gatewaykit` runs it (jest's globalSetup compiles lib/). */
const BIN = path.join(__dirname, '..', '..', 'lib', 'bin.js');
const VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

function gatewaykit(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('help and version exit 0 and print to standard output', () => {
  test.each([['--help'], ['-h'], ['help']])('gatewaykit %s prints the usage of every command', (flag) => {
    const result = gatewaykit(flag);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain(SERVE_USAGE);
    expect(result.stdout).toContain(TOKEN_USAGE);
  });

  test.each([
    [['serve', '--help'], SERVE_USAGE],
    [['serve', '--port', '4000', '-h'], SERVE_USAGE],
    [['help', 'serve'], SERVE_USAGE],
    [['token', '--help'], TOKEN_USAGE],
    [['help', 'token'], TOKEN_USAGE],
  ])('gatewaykit %j prints that command\'s usage', (args, usage) => {
    expect(gatewaykit(...args)).toEqual({ status: 0, stdout: `${usage}\n`, stderr: '' });
  });

  test.each([['--version'], ['-v']])('gatewaykit %s prints the package version', (flag) => {
    expect(gatewaykit(flag)).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
});

describe('a command line that cannot be run exits 2 with the usage on standard error', () => {
  test('an unknown command names it and prints the usage of every command', () => {
    const result = gatewaykit('deploy');
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toMatch(/^gatewaykit: unknown command 'deploy'\n/);
    expect(result.stderr).toContain(SERVE_USAGE);
  });

  test('help for an unknown command names it', () => {
    expect(gatewaykit('help', 'deploy')).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^gatewaykit: unknown command 'deploy'/) });
  });

  test('no command at all prints the usage', () => {
    expect(gatewaykit()).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining(TOKEN_USAGE) });
  });

  test.each([
    [['serve', '--frobnicate'], '--frobnicate', SERVE_USAGE],
    [['token', '--audience', 'x'], '--audience', TOKEN_USAGE],
  ])('gatewaykit %j names the unknown flag and prints the command\'s usage', (args, flag, usage) => {
    expect(gatewaykit(...args)).toEqual({ status: 2, stdout: '', stderr: `gatewaykit: unknown option '${flag}'\n${usage}\n` });
  });
});
