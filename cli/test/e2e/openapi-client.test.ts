import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as ts from 'typescript';
import { ApiGatewayCloudWatchRole, SecureLambdaApi } from '../../../src';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

const CLI = path.join(__dirname, '..', '..', 'lib', 'bin.js');

/** Calls of the generated client that must compile, and one that must not (a required query string left out). */
const USAGE = `import { createApiClient } from './client';

export async function getItem(url: string): Promise<number> {
  const client = createApiClient(url);
  // @ts-expect-error the query string 'view' is required
  await client.GET('/items/{id}', { params: { path: { id: '42' } } });
  const { response } = await client.GET('/items/{id}', { params: { path: { id: '42' }, query: { view: 'full' } } });
  return response.status;
}

export async function createItem(url: string, name: string): Promise<number> {
  const { response } = await createApiClient(url).POST('/items', { body: { name } });
  return response.status;
}
`;

describe('gatewaykit client', () => {
  let app: ServedTestApp;
  let outdir: string;
  // Inside the repository, so that the client resolves openapi-fetch from its node_modules.
  const clientDir = fs.mkdtempSync(path.join(__dirname, '.client-'));

  beforeAll(async () => {
    app = await serveApp((stack) => {
      outdir = (stack.node.root as App).outdir;
      new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
      const handler = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      new SecureLambdaApi(stack, 'Api', {
        routes: {
          'GET /items/{id}': { handler, isPublic: true, requiredQueryStrings: ['view'] },
          'POST /items': {
            handler,
            isPublic: true,
            bodySchema: { type: apigateway.JsonSchemaType.OBJECT, required: ['name'], properties: { name: { type: apigateway.JsonSchemaType.STRING, minLength: 1 } } },
          },
        },
      });
    });
    // The compiled CLI in a process of its own: openapi-typescript loads ES modules, which jest cannot on Node 20.
    execFileSync(process.execPath, [CLI, 'client', '--app', outdir, '--out', path.join(clientDir, 'client.ts')]);
    fs.writeFileSync(path.join(clientDir, 'usage.ts'), USAGE);
  });
  afterAll(async () => {
    await app.stop();
    fs.rmSync(clientDir, { recursive: true, force: true });
  });

  test('writes a client that compiles with tsc --strict, and refuses a call without a required parameter', () => {
    const program = ts.createProgram([path.join(clientDir, 'usage.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    expect(ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
  });

  test('calls the served API through the client', async () => {
    for (const file of ['client', 'usage']) {
      const source = fs.readFileSync(path.join(clientDir, `${file}.ts`), 'utf8');
      const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
      const { outputText } = ts.transpileModule(source, { compilerOptions });
      fs.writeFileSync(path.join(clientDir, `${file}.js`), outputText);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const usage = require(path.join(clientDir, 'usage.js')) as { getItem(url: string): Promise<number>; createItem(url: string, name: string): Promise<number> };
    const url = app.running.url('Api');
    expect(await usage.getItem(url)).toBe(200);
    expect(await usage.createItem(url, 'lamp')).toBe(200);
    expect(await usage.createItem(url, '')).toBe(400);
  });
});
