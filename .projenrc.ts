import { awscdk, javascript, typescript, DependencyType, JsonFile, ProjenrcFile } from 'projen';
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

  // CI is `.ci/run`; no hosted workflows, release pipeline or dependency bots on this project.
  github: false,
  release: false,
  depsUpgrade: false,
  buildWorkflow: false,

  lambdaOptions: {
    // Pinned: projen's default picks the newest runtime of the synth region, which makes snapshots region-dependent.
    runtime: awscdk.LambdaRuntime.NODEJS_24_X,
    bundlingOptions: { sourcemap: false },
  },
  lambdaAutoDiscover: true,

  bundledDeps: [],
  devDeps: [
    AWS_JWT_VERIFY,
    JOSE,
    'fast-check@^4.10.2',
    'cdk-nag@2.38.2',
    '@types/aws-lambda@^8.10.0',
    'aws-cdk@^2',
    'ts-node@^10',
    '@aws-sdk/client-api-gateway@^3',
    '@aws-sdk/client-apigatewaymanagementapi@^3',
    '@aws-sdk/client-dynamodb@^3',
    'aws-sdk-client-mock@^4',
    // Loads the local runtime in `npm run bench`: a maintained HTTP load generator with latency percentiles.
    'autocannon@^8.0.0',
  ],

  jestOptions: {
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      maxWorkers: 2,
      snapshotSerializers: ['<rootDir>/test/support/asset-hash-serializer.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/cdk.out/', '/integ-tests/'],
    },
  },

  eslintOptions: { dirs: ['src'], devdirs: ['test', 'bench', 'integ-tests', 'examples', 'build-tools', 'projenrc'] },

  gitignore: ['/cdk.out', '*.tsbuildinfo', 'integ-tests/**/synth.lock'],
});

// projen writes "latest" for these; pin the versions proven to read aws-cdk-lib 2.257.0 assemblies.
project.deps.addDependency('@aws-cdk/integ-runner@2.197.10', DependencyType.DEVENV);
project.deps.addDependency(INTEG_TESTS_ALPHA, DependencyType.DEVENV);
// unrs-resolver 1.13 publishes linux bindings only, which breaks `npm ci` from a committed lockfile.
project.package.addPackageResolutions('unrs-resolver@1.12.2');
for (const path of ['/examples', '/bench', '/integ-tests', '/cdk.json', '/.ci', '/cdk.out']) {
  project.addPackageIgnore(path);
}
project.package.addField('engines', { node: '>= 20.0.0' });
// The WebSocket runtime helper runs in user Lambda functions, whose Node.js runtime provides the AWS SDK clients.
project.eslint?.allowDevDeps('src/websocket-runtime.ts');

const integEnv = { TS_NODE_TRANSPILE_ONLY: '1', JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' };
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
project.testTask.spawn(project.tasks.tryFind('integ')!);

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
for (const dir of ['bench', 'examples', 'integ-tests']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..', isolatedModules: true },
      include: ['**/*.ts'],
      exclude: ['**/*.snapshot/**'],
    },
  });
}

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
  ],
  devDeps: [
    `aws-cdk-lib@${CDK_VERSION}`,
    `constructs@${CONSTRUCTS_VERSION}`,
    // A handler verifying tokens with it must get its JWKS from the local issuer: tested with the real library.
    AWS_JWT_VERIFY,
    // Apps written as aws-cdk's integ tests are (an IntegTest adds a stack with no resources) must load and serve.
    INTEG_TESTS_ALPHA,
    // The example app of the repository is synthesized as `cdk synth` runs it, by ts-node.
    'ts-node@^10',
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
    jestConfig: { maxWorkers: 2, globalSetup: '<rootDir>/test/support/compile-workers.ts' },
  },
});
/** Makes the subproject's generated files name the file that generates them (projen would name a .projenrc.js of its own). */
class ParentProjenrc extends ProjenrcFile {
  public readonly filePath = '../.projenrc.ts';
  public preSynthesize(): void {}
}
new ParentProjenrc(cli);
cli.package.addField('files', ['lib/**/*.js', 'lib/**/*.d.ts', 'README.md', 'LICENSE']);
// One lockfile: the root's `npm ci` installs this workspace. projen runs a subproject's install:ci when it finds no
// cli/node_modules, which npm leaves out when it hoists every dependency: that would be a second `npm ci` mid-build.
cli.package.installCiTask.reset();
cli.package.installCiTask.say(`installed by the root's npm ci (npm workspace ${CLI_DIR})`);

// The root build compiles and tests the CLI too: one CI run covers both packages.
const cliTask = (name: string, description: string) => project.addTask(`${CLI_DIR}:${name}`, { description, cwd: CLI_DIR, exec: `npx projen ${name}` });
const cliCompile = cliTask('compile', 'Compile the gatewaykit CLI (cli/) to cli/lib');
project.compileTask.spawn(cliCompile);
project.testTask.spawn(cliTask('test', 'Run the gatewaykit CLI\'s tests and eslint (cli/)'));

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
