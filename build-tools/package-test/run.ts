/**
 * The package test (`npx projen test:package`, run by the build after `package`).
 *
 * Installs the library tarball (dist/js) and the CLI tarball (dist/cli) into a fresh CDK app in a temporary folder
 * outside the repository, as a user installs them, compiles the app (app/app.ts) against the installed type
 * declarations, synthesizes it, and checks the cloud assembly: the resources of each construct, and every bundled
 * handler both in the installed package and among the assembly's assets. Then runs `npx gatewaykit --version` there.
 *
 * aws-cdk-lib and constructs are installed at the versions this repository builds with (the lowest its peer
 * dependencies accept). Everything comes from the npm cache that `npm ci` filled (`npm install --offline`), or from
 * the registry for what the cache lacks (`--prefer-offline`). `--keep` keeps the folder and prints its path.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const keep = process.argv.includes('--keep');

interface ResourceExpectation {
  /** CloudFormation resource type. */
  readonly type: string;
  /** Exact number of resources of this type; at least one when absent. */
  readonly count?: number;
  /** Properties one of them has (a shallow match on each key, deep-equal values). */
  readonly properties?: Record<string, unknown>;
}

/** What each stack of app/app.ts must contain: one construct per stack. */
const EXPECTED: Record<string, ResourceExpectation[]> = {
  Rest: [
    { type: 'AWS::ApiGateway::RestApi', count: 1 },
    { type: 'AWS::ApiGateway::Method', count: 2 },
    { type: 'AWS::ApiGateway::Stage', count: 1 },
    { type: 'AWS::ApiGateway::Account', count: 1 },
    { type: 'AWS::WAFv2::WebACLAssociation', count: 1 },
  ],
  Metered: [
    { type: 'AWS::ApiGateway::RestApi', count: 1 },
    { type: 'AWS::ApiGateway::UsagePlan', count: 1 },
    { type: 'AWS::ApiGateway::ApiKey', count: 2 },
    { type: 'AWS::ApiGateway::UsagePlanKey', count: 2 },
    { type: 'AWS::SecretsManager::Secret', count: 2 },
    { type: 'AWS::ApiGateway::Stage', count: 1, properties: { StageName: 'prod' } },
    { type: 'Custom::GatewayKitStageBaseline', count: 1 },
  ],
  Http: [
    { type: 'AWS::ApiGatewayV2::Api', count: 1, properties: { ProtocolType: 'HTTP' } },
    { type: 'AWS::ApiGatewayV2::Route', count: 2 },
    { type: 'AWS::ApiGatewayV2::Authorizer', count: 2 },
    { type: 'AWS::Lambda::Permission', count: 2 },
  ],
  WebSocket: [
    { type: 'AWS::ApiGatewayV2::Api', count: 1, properties: { ProtocolType: 'WEBSOCKET' } },
    { type: 'AWS::ApiGatewayV2::Route', count: 3 },
    { type: 'AWS::ApiGatewayV2::Authorizer', count: 1 },
    { type: 'AWS::DynamoDB::Table', count: 1 },
  ],
};

const timings: string[] = [];

function step<T>(name: string, fn: () => T): T {
  const start = Date.now();
  const result = fn();
  timings.push(`${name} ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

function fail(message: string, output = ''): never {
  throw Object.assign(new Error(`package test: ${message}`), { output });
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The one tarball in `dir` whose name starts with `prefix`. */
function tarball(dir: string, prefix: string, producedBy: string): string {
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.tgz')) : [];
  if (found.length !== 1) {
    fail(`expected one ${prefix}*.tgz in ${path.relative(REPO, dir)}, found ${found.length === 0 ? 'none' : found.join(', ')}; run ${producedBy} first`);
  }
  return path.join(dir, found[0]);
}

/** The handlers the library bundles: one per src/handlers/*.lambda.ts, as projen names their asset folders. */
function handlerNames(): string[] {
  return fs.readdirSync(path.join(REPO, 'src', 'handlers'))
    .filter((f) => f.endsWith('.lambda.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
}

function writeApp(dir: string, libraryTgz: string, cliTgz: string): void {
  const root = readJson(path.join(REPO, 'package.json'));
  const versionOf = (name: string): string => {
    const version = root.devDependencies[name];
    if (!/^\d+\.\d+\.\d+$/.test(version)) {
      fail(`the repository's devDependency ${name} is '${version}'; the package test installs an exact version`);
    }
    return version;
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'gatewaykit-package-test',
    private: true,
    dependencies: {
      'aws-cdk-lib': versionOf('aws-cdk-lib'),
      'cdk-gatewaykit': `file:${libraryTgz}`,
      'constructs': versionOf('constructs'),
    },
    devDependencies: { gatewaykit: `file:${cliTgz}` },
  }, undefined, 2));
  // The compiler settings of `cdk init app --language typescript`, without library checks of aws-cdk-lib itself.
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      lib: ['es2022'],
      strict: true,
      noImplicitReturns: true,
      types: [],
      skipLibCheck: true,
    },
    files: ['app.ts'],
  }, undefined, 2));
  fs.copyFileSync(path.join(__dirname, 'app', 'app.ts'), path.join(dir, 'app.ts'));
}

/** Installs from the npm cache alone if it has everything, else from the registry for what it lacks; says which. */
function install(dir: string): string {
  const common = ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'];
  try {
    run('npm', [...common, '--offline'], dir);
    return 'from the npm cache';
  } catch {
    run('npm', [...common, '--prefer-offline'], dir);
    return 'from the npm cache and the registry';
  }
}

function checkInstalledPackage(dir: string): void {
  const installed = path.join(dir, 'node_modules', 'cdk-gatewaykit');
  for (const name of handlerNames()) {
    const bundle = path.join(installed, 'assets', 'handlers', name, 'index.js');
    if (!fs.existsSync(bundle) || fs.statSync(bundle).size === 0) {
      fail(`the installed cdk-gatewaykit has no assets/handlers/${name}/index.js: the tarball was packed without its bundled handlers`);
    }
  }
  if (!fs.existsSync(path.join(installed, '.jsii'))) {
    fail('the installed cdk-gatewaykit has no .jsii assembly');
  }
}

function matches(resource: any, properties: Record<string, unknown> | undefined): boolean {
  return Object.entries(properties ?? {})
    .every(([key, value]) => JSON.stringify(resource.Properties?.[key]) === JSON.stringify(value));
}

function checkAssembly(outdir: string, dir: string): void {
  const manifest = readJson(path.join(outdir, 'manifest.json'));
  const stacks = Object.entries<any>(manifest.artifacts)
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([id, artifact]) => ({ id, template: readJson(path.join(outdir, artifact.properties.templateFile)) }));

  const problems: string[] = [];
  for (const [stackId, expectations] of Object.entries(EXPECTED)) {
    const stack = stacks.find((s) => s.id === stackId);
    if (!stack) {
      problems.push(`stack ${stackId} is not in the assembly`);
      continue;
    }
    const resources = Object.values<any>(stack.template.Resources ?? {});
    for (const { type, count, properties } of expectations) {
      const found = resources.filter((r) => r.Type === type && matches(r, properties));
      const described = `${type}${properties ? ` with ${JSON.stringify(properties)}` : ''}`;
      if (count === undefined ? found.length === 0 : found.length !== count) {
        problems.push(`${stackId}: expected ${count ?? 'at least 1'} ${described}, found ${found.length}`);
      }
    }
  }

  // Every bundled handler is deployed by one of the constructs: its bundle is an asset of the assembly.
  const assetBundles = fs.readdirSync(outdir)
    .filter((f) => f.startsWith('asset.') && fs.existsSync(path.join(outdir, f, 'index.js')))
    .map((f) => fs.readFileSync(path.join(outdir, f, 'index.js')));
  for (const name of handlerNames()) {
    const bundle = fs.readFileSync(path.join(dir, 'node_modules', 'cdk-gatewaykit', 'assets', 'handlers', name, 'index.js'));
    if (!assetBundles.some((asset) => asset.equals(bundle))) {
      problems.push(`no asset of the assembly is the bundled ${name} handler (add a construct that uses it to app/app.ts)`);
    }
  }
  if (problems.length > 0) {
    fail(`the assembly synthesized from the installed package is not as expected:\n  ${problems.join('\n  ')}`);
  }
}

function checkCli(dir: string, cliTgz: string): void {
  const expected = path.basename(cliTgz).replace(/^gatewaykit-/, '').replace(/\.tgz$/, '');
  let printed: string;
  try {
    printed = run('npx', ['--no-install', 'gatewaykit', '--version'], dir).trim();
  } catch (error: any) {
    fail(`npx gatewaykit --version exited with ${error.status}`, `${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
  if (!printed.split(/\s+/).includes(expected)) {
    fail(`npx gatewaykit --version printed '${printed}', expected the CLI's version ${expected}`);
  }
}

function main(): void {
  const libraryTgz = tarball(path.join(REPO, 'dist', 'js'), 'cdk-gatewaykit@', 'npx projen package:js');
  const cliTgz = tarball(path.join(REPO, 'dist', 'cli'), 'gatewaykit-', 'npx projen package:js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewaykit-package-test-'));
  const outdir = path.join(dir, 'cdk.out');
  const started = Date.now();
  try {
    writeApp(dir, libraryTgz, cliTgz);
    const installedFrom = step('install', () => install(dir));
    checkInstalledPackage(dir);
    step('tsc', () => run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], dir));
    step('synth', () => execFileSync(process.execPath, ['app.js'], {
      cwd: dir,
      env: { ...process.env, CDK_OUTDIR: outdir },
      stdio: ['ignore', 'ignore', 'pipe'],
    }));
    checkAssembly(outdir, dir);
    step('gatewaykit --version', () => checkCli(dir, cliTgz));
    const total = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`package test: ${path.basename(libraryTgz)} and ${path.basename(cliTgz)} installed into a fresh app ${installedFrom}, `
      + `${Object.keys(EXPECTED).length} stacks synthesized and checked in ${total} s (${timings.join(', ')})`);
  } catch (error: any) {
    // A failed command's output says why: show it after the message.
    const output = [error.output, error.stdout, error.stderr].filter((o) => typeof o === 'string' || Buffer.isBuffer(o))
      .map(String).filter((o) => o.trim()).join('\n');
    console.error(`${error.message}${output ? `\n${output}` : ''}`);
    if (!keep) {
      console.error('(run `npx projen test:package --keep` to keep the app folder for inspection)');
    }
    process.exitCode = 1;
  } finally {
    if (keep) {
      console.log(`package test folder: ${dir}`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

main();
