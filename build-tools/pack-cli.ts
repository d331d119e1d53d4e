/**
 * `npx projen package:cli`: packs the CLI (cli/) into dist/cli/gatewaykit-<version>.tgz.
 *
 * The library and the CLI are released together with one version, which only the root package.json carries (the
 * release bumps it there). So the CLI is packed from a staging copy of exactly the files `npm pack` takes from cli/
 * (its `files`, package.json, README, LICENSE), whose package.json gets that version; cli/ itself is never changed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..');
const CLI = path.join(REPO, 'cli');
const OUT = path.join(REPO, 'dist', 'cli');

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--ignore-scripts', '--loglevel=error'], { cwd, encoding: 'utf8' });
}

const version: string = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
const [{ files }] = JSON.parse(npm(['pack', '--dry-run', '--json'], CLI)) as [{ files: { path: string }[] }];
if (!files.some((f) => f.path.startsWith('lib/'))) {
  throw new Error('package:cli: cli/lib is empty; compile the CLI first (npx projen cli:compile)');
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewaykit-cli-'));
try {
  for (const { path: file } of files) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(CLI, file), path.join(stage, file));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(stage, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify({ ...manifest, version }, undefined, 2)}\n`);

  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  npm(['pack', '--pack-destination', OUT], stage);
  console.log(`package:cli: ${path.relative(REPO, path.join(OUT, `gatewaykit-${version}.tgz`))} (${files.length} files)`);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
