import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { README, tableOfContents } from '../build-tools/readme-toc';

const ROOT = path.join(__dirname, '..');

/** The README's TypeScript examples, importing this checkout (`src/`, the published `lib/`) instead of the published package. */
function readmeExamples(): Map<string, string> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  return new Map(blocks.map((code, index) => [
    path.join(ROOT, 'test', `readme-example-${index + 1}.ts`),
    `export {};\n${code.replace(/from 'cdk-gatewaykit'/g, "from '../src'").replace(/from 'cdk-gatewaykit\/lib\//g, "from '../src/")
      .replace(/from 'gatewaykit'/g, "from '../cli/src'")}`,
  ]));
}

test('every TypeScript example in the README compiles against the library', () => {
  const examples = readmeExamples();
  expect(examples.size).toBeGreaterThanOrEqual(8);
  // The local-runtime example is a jest test calling the server with fetch, hence jest's globals and DOM's Response.
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    skipLibCheck: true,
    types: ['node', 'jest'],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => examples.has(file) || fileExists(file);
  host.readFile = (file) => examples.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, ...rest) => {
    const example = examples.get(file);
    return example !== undefined ? ts.createSourceFile(file, example, language) : getSourceFile(file, language, ...rest);
  };
  const program = ts.createProgram([...examples.keys()], options, host);
  // Only the examples are checked here: the library and the CLI they import are type-checked by test:types, and
  // checking them again took four fifths of this test's time.
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...[...examples.keys()].flatMap((file) => {
    const source = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  })];
  const errors = diagnostics.map((d) =>
    `${path.basename(d.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(errors).toEqual([]);
}, 60_000);

test('the table of contents lists every section of the README in order', () => {
  const readme = fs.readFileSync(README, 'utf8');
  // Rewrite it with `npx ts-node --transpile-only build-tools/readme-toc.ts`.
  expect(readme).toContain(tableOfContents(readme));
});

test('every relative link of the README, CONTRIBUTING.md and ARCHITECTURE.md points at a file of the repository', () => {
  const missing = ['README.md', 'CONTRIBUTING.md', 'ARCHITECTURE.md'].flatMap((doc) => {
    const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
    return [...text.matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)]
      .map((m) => m[1])
      .filter((target) => !fs.existsSync(path.join(ROOT, target)))
      .map((target) => `${doc} -> ${target}`);
  });
  expect(missing).toEqual([]);
});
