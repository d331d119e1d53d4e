/**
 * `npx projen test:bindings` (run by the build after `package`): generates the Python, Java, .NET and Go sources with
 * `jsii-pacmak --code-only`, the code the release's package:<language> jobs compile and publish; checks that each
 * target wrote the constructs where its package name says; and byte-compiles every generated Python file with
 * `python3 -m py_compile`.
 *
 * Building the packages themselves needs what these machines lack (pip and PyPI, Maven Central, the .NET SDK, Go):
 * the release workflow builds them. `--keep` keeps the generated sources and prints where they are.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..');
const keep = process.argv.includes('--keep');
const CONSTRUCT = 'SecureLambdaApi';

const { targets } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).jsii;

/** Where each language's generated code has the construct, from the names in package.json's jsii.targets. */
const EXPECTED_FILES: Record<string, string> = {
  python: path.join('python', 'src', targets.python.module, '__init__.py'),
  java: path.join('java', 'src', 'main', 'java', ...targets.java.package.split('.'), `${CONSTRUCT}.java`),
  dotnet: path.join('dotnet', targets.dotnet.packageId, ...targets.dotnet.namespace.split('.'), `${CONSTRUCT}.cs`),
  go: path.join('go', targets.go.packageName, `${CONSTRUCT}.go`),
};

function pythonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.py'))
    .map((f) => path.join(dir, f));
}

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewaykit-bindings-'));
const started = Date.now();
try {
  const languages = Object.keys(EXPECTED_FILES);
  const missing = languages.filter((language) => !targets[language]);
  if (missing.length > 0) {
    throw new Error(`test:bindings: package.json's jsii.targets has no ${missing.join(', ')}`);
  }
  execFileSync('jsii-pacmak', ['--code-only', '--outdir', outdir, ...languages.flatMap((l) => ['--target', l])], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const absent = Object.entries(EXPECTED_FILES).filter(([, file]) => !fs.existsSync(path.join(outdir, file)));
  if (absent.length > 0) {
    throw new Error(`test:bindings: jsii-pacmak wrote no ${absent.map(([l, f]) => `${l} ${f}`).join(', ')}`);
  }
  const python = pythonFiles(path.join(outdir, 'python'));
  execFileSync('python3', ['-m', 'py_compile', ...python], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`test:bindings: ${languages.join(', ')} generated; ${python.length} Python files compiled (${seconds} s)`);
} finally {
  if (keep) {
    console.log(`test:bindings: generated sources in ${outdir}`);
  } else {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
