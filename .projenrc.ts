import { readFileSync } from 'fs';
import { awscdk, javascript, release, typescript, DependencyType, JsonFile, JsonPatch, ProjenrcFile, ReleasableCommits } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

// Versions the library and the CLI (cli/) share, defined once.
const CDK_VERSION = '2.257.0';
const CONSTRUCTS_VERSION = '10.8.1';
const TYPESCRIPT_VERSION = '~6.0.0';
const JOSE = 'jose@^5.10.0';
const AWS_JWT_VERIFY = 'aws-jwt-verify@^5.2.1';
const INTEG_TESTS_ALPHA = '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-gatewaykit',
  description:
    'Secure-by-default Amazon API Gateway in front of AWS Lambda: L3 constructs that fix the sharp edges of the aws-cdk-lib L2s (one Lambda permission per function, CORS on error responses, safe CloudWatch role, correct deployments).',
  author: 'gatewaykit',
  authorAddress: 'gatewaykit@users.noreply.github.com',
  repositoryUrl: 'https://github.com/gatewaykit/cdk-gatewaykit.git',
  homepage: 'https://github.com/gatewaykit/cdk-gatewaykit#readme',
  keywords: ['aws', 'cdk', 'awscdk', 'aws-cdk', 'apigateway', 'api-gateway', 'lambda', 'rest-api', 'cognito', 'jwt', 'authorizer', 'cors', 'cdk-nag', 'l3'],
  license: 'Apache-2.0',
  stability: 'experimental',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  cdkVersion: CDK_VERSION,
  constructsVersion: CONSTRUCTS_VERSION,
  cdkVersionPinning: false,
  jsiiVersion: '~6.0.16',
  typescriptVersion: TYPESCRIPT_VERSION,
  projenVersion: '0.103.25',

  // CI is `.ci/run` (no hosted build workflow, no dependency bots). GitHub is on for one generated file only: the release
  // workflow (.github/workflows/release.yml), which runs when the repository is on GitHub; no local task depends on it.
  github: true,
  githubOptions: { mergify: false, pullRequestLint: false },
  depsUpgrade: false,
  buildWorkflow: false,
  pullRequestTemplate: false,
  // The release workflow's Node.js: jsii 6 supports 22 and 24, and the release tooling (commit-and-tag-version) needs 22.
  workflowNodeVersion: '22.x',

  // Releases as cdklabs libraries make them: every push to main whose commits since the last tag include a `feat:` or
  // `fix:` (Conventional Commits) is released with the version they imply (semantic versioning; before 1.0 a breaking
  // change bumps the minor version, anything else the patch), a changelog, a git tag and a GitHub release, and is
  // published to every registry below.
  release: true,
  releaseTrigger: release.ReleaseTrigger.continuous(),
  releasableCommits: ReleasableCommits.featuresAndFixes(),
  releaseToNpm: true,
  // jsii targets. Names follow cdklabs' conventions for an organisation `gatewaykit` (cdk-nag is `cdk-nag` / `cdk_nag`,
  // `io.github.cdklabs`, `Cdklabs.CdkNag`, `github.com/cdklabs/cdk-nag-go`), made to read naturally for this package.
  publishToPypi: { distName: 'cdk-gatewaykit', module: 'cdk_gatewaykit' },
  publishToMaven: {
    // io.github.<GitHub organisation> is the namespace Maven Central verifies against the GitHub organisation.
    mavenGroupId: 'io.github.gatewaykit',
    mavenArtifactId: 'cdk-gatewaykit',
    javaPackage: 'io.github.gatewaykit.cdk',
    mavenServerId: 'central-ossrh',
  },
  publishToNuget: { dotNetNamespace: 'GatewayKit.Cdk', packageId: 'GatewayKit.Cdk' },
  // Go modules are served from a git repository: the release pushes the generated module to this one (GO_GITHUB_TOKEN).
  publishToGo: { moduleName: 'github.com/gatewaykit/cdk-gatewaykit-go', packageName: 'cdkgatewaykit' },

  lambdaOptions: {
    // Pinned: projen's default picks the newest runtime of the synth region, which makes snapshots region-dependent.
    runtime: awscdk.LambdaRuntime.NODEJS_24_X,
    bundlingOptions: { sourcemap: false },
  },
  lambdaAutoDiscover: true,
  // Bundled by the tasks that write lib/ or pack it (below), not by pre-compile alone.
  bundlerOptions: { runBundleTask: javascript.RunBundleTask.MANUAL },

  bundledDeps: [],
  devDeps: [
    AWS_JWT_VERIFY,
    JOSE,
    'fast-check@^4.10.2',
    'cdk-nag@2.38.2',
    '@types/aws-lambda@^8.10.0',
    'aws-cdk@^2',
    'ts-node@^10',
    // ts-node transpiles with swc (TS_NODE_SWC): the integ tests' apps, run for each snapshot check, spent half their
    // time in the TypeScript compiler's transpileModule. Its platform binary comes as an optional dependency.
    '@swc/core@^1.16.22',
    // Runs the build's independent single-threaded steps side by side on the two cores (see PARALLEL below).
    'concurrently@^10.0.7',
    '@aws-sdk/client-api-gateway@^3',
    '@aws-sdk/client-apigatewaymanagementapi@^3',
    '@aws-sdk/client-dynamodb@^3',
    'aws-sdk-client-mock@^4',
    // Validates the OpenAPI documents the APIs export, in tests: a maintained OpenAPI 3.0 parser and validator. 10.x is
    // its last CommonJS line: 12 and later are ES modules, which jest cannot require on Node 20.
    '@apidevtools/swagger-parser@^10.1.1',
    // Loads the local runtime in `npm run bench`: a maintained HTTP load generator with latency percentiles.
    'autocannon@^8.0.0',
  ],

  jestOptions: {
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      maxWorkers: 2,
      // Coverage took a quarter to a third of the tests' CPU time: the build runs without it, `test:coverage` with it.
      collectCoverage: false,
      snapshotSerializers: ['<rootDir>/test/support/asset-hash-serializer.ts'],
      setupFiles: ['<rootDir>/test/support/no-stack-traces.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/cdk.out/', '/integ-tests/'],
    },
  },

  eslintOptions: { dirs: ['src'], devdirs: ['test', 'bench', 'integ-tests', 'examples', 'build-tools', 'projenrc'] },

  gitignore: ['/cdk.out', '*.tsbuildinfo', 'integ-tests/**/synth.lock'],
});

// jsii's warnings say how the API reads in the other languages (a member named `lambda` becomes `lambda_` in Python):
// the build fails on them instead of silencing the reserved-word ones, as projen does by default.
project.compileTask.reset('jsii --fail-on-warnings');
project.watchTask.reset('jsii -w');

// The bundled handlers (assets/handlers/*) are part of what lib/ needs at synth: every task that writes lib/ or packs it
// bundles them first, so that no path (compile, watch, build, package:js) produces a package without them.
const bundleTask = project.tasks.tryFind('bundle')!;
project.compileTask.prependSpawn(bundleTask);
project.watchTask.prependSpawn(bundleTask);
const packageJs = project.tasks.tryFind('package:js')!;
packageJs.prependSpawn(bundleTask);

// projen writes "latest" for these; pin the versions proven to read aws-cdk-lib 2.257.0 assemblies.
project.deps.addDependency('@aws-cdk/integ-runner@2.197.10', DependencyType.DEVENV);
project.deps.addDependency(INTEG_TESTS_ALPHA, DependencyType.DEVENV);
// npm overrides, in one field (projen's addPackageResolutions writes the same field, and only flat versions):
// unrs-resolver 1.13 publishes linux bindings only, which breaks `npm ci` from a committed lockfile; openapi-typescript
// (the CLI's `gatewaykit client`) declares a peer typescript@^5 and works with the TypeScript 6 the repository builds
// with (its tests generate and compile a client).
project.package.addField('overrides', { 'unrs-resolver': '1.12.2', 'openapi-typescript': { typescript: '$typescript' } });
for (const path of ['/examples', '/bench', '/integ-tests', '/build-tools', '/cdk.json', '/.ci', '/cdk.out']) {
  project.addPackageIgnore(path);
}
project.package.addField('engines', { node: '>= 20.0.0' });
/**
 * Size limits at the levels the code met when they were set (2026-12, lines of code without blank lines and comments):
 * src/ 392 lines per file and 50 per function (bench/, integ-tests/, examples/ and .projenrc.ts, far below, share
 * them); cli/src/ 195 and 74; the tests 463 and 219 (a describe block is a function). Lower them as files are split;
 * never raise them to let a file grow.
 */
const SIZE_LIMITS = {
  code: { maxLines: 400, maxLinesPerFunction: 50 },
  cli: { maxLines: 200, maxLinesPerFunction: 75 },
  tests: { maxLines: 500, maxLinesPerFunction: 220 },
};
const sizeRules = (limits: { maxLines: number; maxLinesPerFunction: number }) => ({
  'max-lines': ['error', { max: limits.maxLines, skipBlankLines: true, skipComments: true }],
  'max-lines-per-function': ['error', { max: limits.maxLinesPerFunction, skipBlankLines: true, skipComments: true }],
});
project.eslint!.addRules(sizeRules(SIZE_LIMITS.code));
project.eslint!.addOverride({ files: ['test/**/*.ts'], rules: sizeRules(SIZE_LIMITS.tests) });

// The WebSocket runtime helper runs in user Lambda functions, whose Node.js runtime provides the AWS SDK clients.
project.eslint?.allowDevDeps('src/websocket/websocket-runtime.ts');

// integ-runner runs each test's app with `node -r ts-node/register` from the root: ts-node takes the integ tests' tsconfig,
// which has it transpile with swc (below). Its toolkit looks up a default region before each synth, and without one
// in the environment asks the EC2 instance metadata service: off EC2 that is eight 1 s timeouts, 7 of the 11 s each
// snapshot check took. The region is the one these tasks already pin with --parallel-regions.
const integEnv = {
  TS_NODE_PROJECT: 'integ-tests/tsconfig.json',
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
  AWS_REGION: 'us-east-1',
};
const integRunner = 'integ-runner --directory integ-tests --language typescript --parallel-regions us-east-1';
project.addTask('integ', {
  description: 'Verify the integ-tests snapshots (never deploys)',
  env: integEnv,
  exec: `${integRunner} --max-workers 2`,
  receiveArgs: true,
});
project.addTask('integ:update', {
  description: 'Rewrite the integ-tests snapshots without deploying (--dry-run)',
  env: integEnv,
  exec: `${integRunner} --max-workers 2 --update-on-failed --dry-run`,
  receiveArgs: true,
});
// ts-jest only transpiles (isolatedModules), so the tests' types are checked by tsc before jest runs them.
project.addTask('test:types', { description: 'Type-check the tests and what they import', exec: 'tsc --noEmit -p test/tsconfig.json' });

const synthExample = project.addTask('synth:example', {
  description: 'Synthesize the example app (cdk.json) into cdk.out',
  env: { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
});
synthExample.spawn(project.tasks.tryFind('bundle')!);
synthExample.exec('cdk synth --quiet');

const bench = project.addTask('bench', {
  description: 'Measure synthesis (N routes, against plain aws-cdk-lib L2s) and the local runtime (against a bare node:http server) and print the ratios',
});

// Type-aware eslint resolves each file's nearest tsconfig; these folders are typed like the tests.
// The package test's app (build-tools/package-test/app) imports the package by its name: it is compiled in the package
// test against the installed tarball, not here.
const PACKAGE_TEST_APP = 'build-tools/package-test/app';
for (const dir of ['bench', 'examples', 'integ-tests', 'build-tools']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      'extends': '../tsconfig.json',
      'compilerOptions': { noEmit: true, rootDir: '..', isolatedModules: true },
      'include': ['**/*.ts'],
      'exclude': ['**/*.snapshot/**', ...(dir === 'build-tools' ? ['package-test/app/**'] : [])],
      // These folders' scripts and apps run by ts-node, transpile-only as before but with swc: the TypeScript compiler's
      // transpileModule was half of the CPU time of an integ test's synthesis.
      'ts-node': { swc: true },
    },
  });
}
project.eslint!.addIgnorePattern(`/${PACKAGE_TEST_APP}/`);

// The local runtime and operations CLI: a projen subproject with its own package.json, tsconfigs, eslint and jest, and an
// npm workspace of this package, installed from the one lockfile. Its dependencies never reach the construct package.
const CLI_DIR = 'cli';
project.package.addField('workspaces', [CLI_DIR]);
project.addPackageIgnore(`/${CLI_DIR}`);
project.gitignore.exclude('/.gatewaykit');
const cliCompilerOptions = {
  target: 'ES2022',
  module: 'node16',
  moduleResolution: javascript.TypeScriptModuleResolution.NODE16,
  lib: ['es2022'],
  types: ['node'],
  sourceMap: true,
  inlineSourceMap: false,
  inlineSources: false,
  skipLibCheck: true,
};
const cli = new typescript.TypeScriptProject({
  parent: project,
  outdir: CLI_DIR,
  name: 'gatewaykit',
  description: 'Serve a synthesized AWS CDK app\'s API Gateway REST and HTTP APIs on localhost, running the real Lambda handlers, as API Gateway behaves.',
  keywords: ['aws', 'cdk', 'aws-cdk', 'apigateway', 'api-gateway', 'lambda', 'local', 'offline', 'emulator', 'cognito', 'jwt'],
  license: 'Apache-2.0',
  authorName: 'gatewaykit',
  authorEmail: 'gatewaykit@users.noreply.github.com',
  repository: 'https://github.com/gatewaykit/cdk-gatewaykit.git',
  repositoryDirectory: CLI_DIR,
  homepage: `https://github.com/gatewaykit/cdk-gatewaykit/tree/main/${CLI_DIR}#readme`,
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.0.0',
  typescriptVersion: TYPESCRIPT_VERSION,
  sampleCode: false,
  entrypoint: 'lib/index.js',
  bin: { gatewaykit: 'lib/bin.js' },
  // What is published is listed below (`files`), so no .npmignore.
  npmignoreEnabled: false,
  deps: [
    // `gatewaykit integ` runs integ-tests-alpha's assertion handler, which requires the client of each service it calls, as
    // Lambda's Node.js runtime provides them: the services answered locally, Lambda (Invoke, for `invokeFunction`),
    // Secrets Manager (GetSecretValue of the API keys' secrets) and Cognito (a declared user's password sign-in, with the
    // local issuer's tokens). Step Functions' client is bundled in the handler.
    '@aws-sdk/client-cognito-identity-provider',
    '@aws-sdk/client-lambda',
    '@aws-sdk/client-secrets-manager@^3',
    // The operations commands (usage, keys, canary, export, sdk, cache) call AWS through the SDK's own clients, and the
    // local control plane is tested with the same clients.
    '@aws-sdk/client-api-gateway@^3',
    '@aws-sdk/client-cloudformation@^3',
    // The local control plane answers CloudFormation's XML (awsQuery) protocol: the SDK's own XML library builds it.
    'fast-xml-parser@^5',
    // The SDK stub that the local control plane's GetSdk returns is a zip: a small dependency-free zip writer.
    'fflate@^0.8.2',
    '@smithy/hash-node@^4.5.2',
    '@smithy/signature-v4@^5.7.5',
    // API Gateway checks request bodies against models written in JSON Schema draft 4: ajv with its draft-04 dialect.
    'ajv@^8.20.0',
    'ajv-draft-04@^1.0.0',
    JOSE,
    // API Gateway's JSONPath ($input.json/path, integration.response.body.* mappings); 10.x still runs on Node 20.
    'jsonpath-plus@^10.3.0',
    // API Gateway's mapping templates are Velocity (VTL): a maintained engine rather than a parser of our own.
    'velocityjs@^2.1.7',
    // OpenAPI documents of SpecRestApi and HTTP APIs are often YAML: a maintained YAML 1.2 parser without dependencies.
    'yaml@^2.9.1',
    // `gatewaykit client` writes the types of an API's OpenAPI document with the maintained generator rather than one of ours.
    'openapi-typescript@^7.13.0',
    // WebSocket APIs are served with ws, the maintained WebSocket server of Node.js (per-message limits, close codes).
    'ws@^8.18.0',
    // The AWS SDK clients Lambda's Node.js runtime provides to handlers that keep the SDK out of their bundle (as
    // NodejsFunction and the library's bundled handlers do): the connection registry and @connections callers.
    '@aws-sdk/client-dynamodb@^3',
    '@aws-sdk/client-apigatewaymanagementapi@^3',
    // The app's DynamoDB tables (a WebSocket API's connection registry) served locally: dynalite implements DynamoDB's
    // API with its validation and errors, in memory, so handlers run their real SDK calls; maintained (4.0, 2025).
    'dynalite@^4.0.0',
    // serve --watch: chokidar watches the app's folder (4.x runs on Node 20); picomatch matches cdk.json's watch
    // include/exclude globs as the CDK CLI's own watch does.
    'chokidar@^4.0.3',
    'picomatch@^4.0.2',
  ],
  devDeps: [
    '@types/ws@^8',
    '@types/picomatch@^4',
    `aws-cdk-lib@${CDK_VERSION}`,
    `constructs@${CONSTRUCTS_VERSION}`,
    // A handler verifying tokens with it must get its JWKS from the local issuer: tested with the real library.
    AWS_JWT_VERIFY,
    // Apps written as aws-cdk's integ tests are (an IntegTest adds a stack with no resources) must load and serve.
    INTEG_TESTS_ALPHA,
    // The example app of the repository is synthesized as `cdk synth` runs it, by ts-node.
    'ts-node@^10',
    // The runtime of the clients `gatewaykit client` writes: a test calls a served API through one.
    'openapi-fetch@^0.17.0',
    // Tests bundle the library's WebSocket runtime helper into a handler as users' functions bundle it.
    'esbuild',
  ],
  tsconfig: { compilerOptions: cliCompilerOptions },
  tsconfigDev: {
    compilerOptions: {
      // The tests call the servers with fetch, typed as in browsers (DOM's Response).
      lib: ['es2022', 'dom'],
      types: ['node', 'jest'],
      // Some tests serve the library's own constructs (../src of the repository), so the root is the repository's.
      rootDir: '../..',
      isolatedModules: true,
    },
  },
  eslintOptions: { dirs: ['src'], devdirs: ['test'] },
  jestOptions: {
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      maxWorkers: 2,
      collectCoverage: false,
      globalSetup: '<rootDir>/test/support/compile-workers.ts',
      // The apps the tests synthesize record no stack traces, as the library's tests (the repository's test/support/).
      setupFiles: ['<rootDir>/../test/support/no-stack-traces.ts'],
      // Every test file removes the temporary folders it made (test/support/temp-dirs.ts).
      setupFilesAfterEnv: ['<rootDir>/test/support/remove-temp-dirs.ts'],
      // The typed client `gatewaykit client` writes for a test is loaded from a folder the test removes, so coverage
      // could not read it back when it reports.
      coveragePathIgnorePatterns: ['/node_modules/', '/test/e2e/\\.client-'],
    },
  },
});
/** Makes the subproject's generated files name the file that generates them (projen would name a .projenrc.js of its own). */
class ParentProjenrc extends ProjenrcFile {
  public readonly filePath = '../.projenrc.ts';
  public preSynthesize(): void {}
}
new ParentProjenrc(cli);
cli.eslint!.addRules(sizeRules(SIZE_LIMITS.cli));
cli.eslint!.addOverride({ files: ['test/**/*.ts'], rules: sizeRules(SIZE_LIMITS.tests) });
// The runtime's layers: server/ starts things and cli/ parses command lines; REST (rest/) and HTTP (http/) APIs share
// only what gateway/ and proxy/ (payload 1.0) hold, so neither imports the other and no pipeline imports server/.
const cliLayers: Record<string, string[]> = {
  'src/rest/**': ['http', 'server', 'cli'],
  'src/http/**': ['rest', 'server', 'cli'],
  'src/{gateway,proxy,auth,assembly,lambda,metering,model}/**': ['rest', 'http', 'server', 'cli'],
};
for (const [files, forbidden] of Object.entries(cliLayers)) {
  const group = forbidden.flatMap((dir) => ['../', '../../'].flatMap((up) => [`${up}${dir}`, `${up}${dir}/**`]));
  cli.eslint!.addOverride({
    files: [files],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message: `${files.split('/')[1]} may not import ${forbidden.join(', ')}: see the runtime's layers in .projenrc.ts` }] }] },
  });
}
cli.package.addField('files', ['lib/**/*.js', 'lib/**/*.d.ts', 'README.md', 'LICENSE']);
// ts-jest only transpiles (isolatedModules), so the tests' types are checked by tsc before jest runs them.
// The CLI's jest run is a task of its own, so that the root build runs it between the steps it runs side by side.
cli.testTask.reset();
cli.testTask.spawn(cli.addTask('test:types', { description: 'Type-check the tests and what they import', exec: 'tsc --noEmit -p test/tsconfig.json' }));
cli.testTask.spawn(cli.addTask('test:jest', { description: 'Run the CLI\'s jest tests', exec: 'jest --passWithNoTests --ci', receiveArgs: true }));
cli.testTask.spawn(cli.tasks.tryFind('eslint')!);
cli.addTask('test:coverage', { description: 'Run the CLI\'s jest tests with coverage (coverage/)', exec: 'jest --passWithNoTests --ci --coverage', receiveArgs: true });
// The local issuer's key, written where `gatewaykit serve` or `token` runs (the tests run from cli/).
cli.gitignore.exclude('/.gatewaykit');
// The client `gatewaykit client` writes in its e2e test, removed after it (inside the repository to resolve openapi-fetch).
cli.gitignore.exclude('/test/e2e/.client-*');
// One lockfile: the root's `npm ci` installs this workspace. projen runs a subproject's install:ci when it finds no
// cli/node_modules, which npm leaves out when it hoists every dependency: that would be a second `npm ci` mid-build.
cli.package.installCiTask.reset();
cli.package.installCiTask.say(`installed by the root's npm ci (npm workspace ${CLI_DIR})`);

// projen evaluates a task's environment each time the task runs, spawned subtasks included, and its default PATH entry
// (`npx -c "node --print process.env.PATH"`) costs a second of CPU each time: some 40 times a build. node lists the same
// node_modules/.bin folders (the task's folder and every parent, as npx does) in a twentieth of that. With PATH so set,
// the tasks below start projen without npx.
const BIN_PATH = '$(node -p "module.paths.map((dir) => require(\'path\').join(dir, \'.bin\')).concat(process.env.PATH).join(require(\'path\').delimiter)")';
project.tasks.addEnvironment('PATH', BIN_PATH);
cli.tasks.addEnvironment('PATH', BIN_PATH);

// The root build compiles and tests the CLI too: one CI run covers both packages.
const cliTask = (name: string, description: string) => project.addTask(`${CLI_DIR}:${name}`, { description, cwd: CLI_DIR, exec: `projen ${name}` });
const cliCompile = cliTask('compile', 'Compile the gatewaykit CLI (cli/) to cli/lib');
cliTask('test', 'Run the gatewaykit CLI\'s tests and eslint (cli/)');

/**
 * The build on two cores: the single-threaded steps that do not depend on each other run side by side (jsii and the
 * CLI's tsc; the two type checks; the two eslint runs; the bindings and the package test), while jest and integ-runner,
 * two workers each, run alone. `concurrently` prefixes each line with its task and stops the others when one fails.
 */
const PARALLEL = 'concurrently --kill-others-on-fail --prefix "[{name}]" --names';
const sideBySide = (...tasks: string[]) => `${PARALLEL} ${tasks.join(',')} ${tasks.map((task) => `"projen ${task}"`).join(' ')}`;
project.compileTask.reset();
project.compileTask.spawn(bundleTask);
project.addTask('compile:jsii', { description: 'Compile the library with jsii (lib/, .jsii)', exec: 'jsii --fail-on-warnings' });
project.compileTask.exec(sideBySide('compile:jsii', cliCompile.name));
const cliTestTypes = cliTask('test:types', 'Type-check the gatewaykit CLI\'s tests (cli/)');
const cliEslint = cliTask('eslint', 'Lint the gatewaykit CLI (cli/)');
const cliTestJest = cliTask('test:jest', 'Run the gatewaykit CLI\'s jest tests (cli/)');
cliTask('test:coverage', 'Run the gatewaykit CLI\'s jest tests with coverage (cli/coverage/)');

// The integ tests' own assertions, run against the local runtime on the snapshots `integ` has just verified against
// the tests' sources (synthesizing each test again would take longer than running it). The known gaps are assertions
// the runtime cannot pass for what it does not emulate and cannot tell itself (integ-tests/local-known-gaps.json).
const integLocal = project.addTask('integ:local', {
  description: 'Run the integ tests\' assertions against the local runtime (gatewaykit integ), with JUnit XML in test-reports/',
});
integLocal.spawn(cliCompile, { condition: 'node -e "process.exit(require(\'fs\').existsSync(\'cli/lib/bin.js\') ? 1 : 0)"' });
integLocal.exec(`node ${CLI_DIR}/lib/bin.js integ --snapshots --known-gaps integ-tests/local-known-gaps.json --junit test-reports/integ-local.xml`, { receiveArgs: true });
project.testTask.reset();
project.testTask.exec(sideBySide('test:types', cliTestTypes.name));
project.testTask.exec('jest --passWithNoTests --ci', { receiveArgs: true });
project.testTask.spawn(cliTestJest);
project.testTask.exec(sideBySide('eslint', cliEslint.name));
project.testTask.spawn(project.tasks.tryFind('integ')!);
project.testTask.spawn(integLocal);
project.addTask('test:coverage', {
  description: 'Run the library\'s jest tests with coverage (coverage/)',
  exec: 'jest --passWithNoTests --ci --coverage',
  receiveArgs: true,
});

// Packages. `package` builds the npm packages, library (dist/js) and CLI (dist/cli), on any machine with Node.js; the
// Python, Java, .NET and Go packages need their toolchains and registries: `npx projen package-all` (or
// package:<language>) where they are installed, as the release workflow's jobs do. The CLI is released with the
// library, under the same version, and published by the same npm job.
const packageCli = project.addTask('package:cli', {
  description: 'Pack the gatewaykit CLI into dist/cli with the library\'s version',
});
packageCli.spawn(cliCompile, { condition: 'node -e "process.exit(require(\'fs\').existsSync(\'cli/lib/bin.js\') ? 1 : 0)"' });
packageCli.exec('ts-node --transpile-only build-tools/pack-cli.ts');
packageJs.spawn(packageCli);
project.packageTask.reset();
project.packageTask.spawn(packageJs);
// The release's npm job repacks with package:js (library and CLI) and publishes dist/js; it publishes dist/cli too.
// The patch applies only to the step it expects (a failed `test` drops it silently): checked after synth, below.
const PUBLISH_NPM = "npx '-p' 'publib@latest' 'publib-npm'";
project.github!.tryFindWorkflow('release')!.file!.patch(
  JsonPatch.test('/jobs/release_npm/steps/9/name', 'Release'),
  JsonPatch.test('/jobs/release_npm/steps/9/run', PUBLISH_NPM),
  JsonPatch.replace('/jobs/release_npm/steps/9/run', `${PUBLISH_NPM} && ${PUBLISH_NPM} dist/cli`),
);

// What `package` checks after packing (the build's last step, whose own steps projen locks): the packages work where
// users install them, and the other languages' code is generated and the Python compiles.
const testBindings = project.addTask('test:bindings', {
  description: 'Generate the Python, Java, .NET and Go bindings (jsii-pacmak --code-only) and byte-compile the Python',
  exec: 'ts-node --transpile-only build-tools/bindings.ts',
  receiveArgs: true,
});
const testPackage = project.addTask('test:package', {
  description: 'Install the packed library and CLI into a fresh CDK app outside the repository and synthesize every API type from them',
  exec: 'ts-node --transpile-only build-tools/package-test/run.ts',
  receiveArgs: true,
});
project.packageTask.exec(sideBySide(testBindings.name, testPackage.name));

// The README's main command: synthesize the example app and serve it with the runtime built from this repo.
const serveExample = project.addTask('serve:example', {
  description: 'Synthesize the example app and serve its REST and HTTP APIs on localhost (gatewaykit serve)',
  env: { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
});
serveExample.spawn(synthExample);
serveExample.spawn(cliCompile);
serveExample.exec(`node ${CLI_DIR}/lib/bin.js serve --app cdk.out`, { receiveArgs: true });
// The runtime rows run the compiled CLI, as users do, not its TypeScript sources.
bench.spawn(project.tasks.tryFind('bundle')!);
bench.spawn(cliCompile);
bench.exec('ts-node --transpile-only bench/run.ts', { receiveArgs: true });

project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

project.synth();

if (!readFileSync('.github/workflows/release.yml', 'utf8').includes(`${PUBLISH_NPM} dist/cli`)) {
  throw new Error('.projenrc.ts: the release workflow\'s npm job no longer has the step that publishes dist/cli; update the patch');
}
